"""Inbound shipments and their items as v0 spells them (PascalCase, its own status and label vocabularies).

v0 names a shipment by its `shipmentConfirmationId` (FBA…). Its status list has no READY_TO_SHIP (such a
shipment shows as WORKING); shipments never confirmed (UNCONFIRMED) are not v0 shipments at all.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import item_settings
from emulator.apis.inbound.records import Address
from emulator.apis.inbound.shipments import Shipment, ShipmentStatus
from emulator.apis.inbound_v0.prep import INSTRUCTIONS
from emulator.state import TenantState

_SOURCES = {"BOX_CONTENT_PROVIDED": "INTERACTIVE", "BARCODE_2D": "2D_BARCODE", "MANUAL_PROCESS": "NONE"}


def status(shipment: Shipment) -> str:
    """The v0 `ShipmentStatus` of a shipment."""
    return "WORKING" if shipment.status is ShipmentStatus.READY_TO_SHIP else str(shipment.status)


def listed(shipment: Shipment) -> bool:
    """Whether v0 knows the shipment: confirmed, so it has a shipmentConfirmationId."""
    return shipment.shipment_confirmation_id is not None and shipment.status is not ShipmentStatus.UNCONFIRMED


def v0_id(shipment: Shipment) -> str:
    return shipment.shipment_confirmation_id or shipment.shipment_id


def _address(found: Address) -> dict[str, Any]:
    shown = {
        "Name": found.name[:50],
        "AddressLine1": found.address_line1[:180],
        "City": found.city[:30],
        "StateOrProvinceCode": found.state_or_province_code or "",
        "CountryCode": found.country_code,
        "PostalCode": found.postal_code[:30],
    }
    if found.address_line2:
        shown["AddressLine2"] = found.address_line2[:60]
    if found.district_or_county:
        shown["DistrictOrCounty"] = found.district_or_county[:25]
    return shown


def _label_prep(shipment: Shipment) -> str:
    owners = {line.label_owner for line in shipment.items}
    if "AMAZON" in owners:
        return "AMAZON_LABEL"
    return "SELLER_LABEL" if "SELLER" in owners else "NO_LABEL"


def shipment_info(shipment: Shipment) -> dict[str, Any]:
    """An `InboundShipmentInfo`."""
    shown: dict[str, Any] = {
        "ShipmentId": v0_id(shipment),
        "ShipmentName": shipment.name,
        "ShipFromAddress": _address(shipment.source),
        "DestinationFulfillmentCenterId": shipment.destination.warehouse_id,
        "ShipmentStatus": status(shipment),
        "LabelPrepType": _label_prep(shipment),
        "AreCasesRequired": False,
    }
    sources = {box.content_source for box in shipment.boxes}
    if len(sources) == 1:
        shown["BoxContentsSource"] = _SOURCES.get(sources.pop(), "NONE")
    return shown


def items(tenant: TenantState, shipment: Shipment) -> list[dict[str, Any]]:
    """The shipment's `InboundShipmentItem`s: planned and received units, and the prep each needs."""
    shown = []
    for line in shipment.items:
        prep = item_settings.find(tenant, shipment.marketplace_id, line.msku).prep
        owner = "AMAZON" if line.prep_owner == "AMAZON" else "SELLER"
        steps = [
            {"PrepInstruction": INSTRUCTIONS[t], "PrepOwner": owner}
            for t in (prep.prep_types if prep else ())
            if t != "ITEM_NO_PREP"
        ]
        shown.append(
            {
                "ShipmentId": v0_id(shipment),
                "SellerSKU": line.msku,
                "FulfillmentNetworkSKU": line.fnsku,
                "QuantityShipped": line.quantity,
                "QuantityReceived": shipment.quantity_received(line.msku),
                "QuantityInCase": 0,
                "PrepDetailsList": steps,
            }
        )
    return shown
