"""Inbound records as the 2024-03-20 model spells them (the only place that knows its field names)."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound.records import (
    Address,
    Box,
    Dimensions,
    InboundPlan,
    ItemLine,
    OptionStatus,
    PackingOption,
    Pallet,
    PlacementOption,
    Shipment,
    Weight,
)
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.state import TenantState
from emulator.state.clock import iso

_ADDRESS = {
    "name": "name",
    "address_line1": "addressLine1",
    "address_line2": "addressLine2",
    "city": "city",
    "company_name": "companyName",
    "country_code": "countryCode",
    "district_or_county": "districtOrCounty",
    "email": "email",
    "phone_number": "phoneNumber",
    "postal_code": "postalCode",
    "state_or_province_code": "stateOrProvinceCode",
}


def address(found: Address) -> dict[str, Any]:
    return {theirs: value for ours, theirs in _ADDRESS.items() if (value := getattr(found, ours)) is not None}


def item(line: ItemLine) -> dict[str, Any]:
    """An `Item`: labelling is its one prep instruction when someone labels it."""
    shown: dict[str, Any] = {
        "asin": line.asin,
        "fnsku": line.fnsku,
        "msku": line.msku,
        "quantity": line.quantity,
        "labelOwner": line.label_owner,
        "prepInstructions": (
            []
            if line.label_owner == "NONE"
            else [{"prepOwner": line.label_owner, "prepType": "ITEM_LABELING"}]
        ),
    }
    if line.expiration is not None:
        shown["expiration"] = line.expiration
    if line.manufacturing_lot_code is not None:
        shown["manufacturingLotCode"] = line.manufacturing_lot_code
    return shown


def dimensions(size: Dimensions) -> dict[str, Any]:
    return {"length": size.length, "width": size.width, "height": size.height, "unitOfMeasurement": size.unit}


def weight(found: Weight) -> dict[str, Any]:
    return {"value": found.value, "unit": found.unit}


def box(found: Box) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "packageId": found.package_id,
        "contentInformationSource": found.content_source,
        "dimensions": dimensions(found.dimensions),
        "weight": weight(found.weight),
        "quantity": 1,
        "items": [item(line) for line in found.items],
    }
    if found.box_id is not None:
        shown["boxId"] = found.box_id
    return shown


def pallet(found: Pallet) -> dict[str, Any]:
    shown: dict[str, Any] = {"packageId": found.package_id, "quantity": found.quantity}
    if found.dimensions is not None:
        shown["dimensions"] = dimensions(found.dimensions)
    if found.weight is not None:
        shown["weight"] = weight(found.weight)
    if found.stackability is not None:
        shown["stackability"] = found.stackability
    return shown


def option_status(status: OptionStatus, expires_at: float, now: float) -> str:
    """An offered option past its expiry shows EXPIRED."""
    return OptionStatus.EXPIRED if status is OptionStatus.OFFERED and now >= expires_at else status


def packing_option(option: PackingOption, now: float) -> dict[str, Any]:
    return {
        "packingOptionId": option.option_id,
        "packingGroups": list(option.group_ids),
        "status": option_status(option.status, option.expires_at, now),
        "expiration": iso(option.expires_at),
        "fees": [],
        "discounts": [],
        "supportedShippingConfigurations": [
            {"shippingSolution": solution, "shippingMode": mode}
            for solution in ("AMAZON_PARTNERED_CARRIER", "USE_YOUR_OWN_CARRIER")
            for mode in ("GROUND_SMALL_PARCEL", "FREIGHT_LTL")
        ],
        "supportedConfigurations": [
            {
                "boxPackingMethods": ["BOX_CONTENT_PROVIDED", "MANUAL_PROCESS", "BARCODE_2D"],
                "boxRequirements": {"weight": {"unit": "LB", "minimum": 0, "maximum": 50}},
                "shippingRequirements": [
                    {"solution": "AMAZON_PARTNERED_CARRIER", "modes": ["GROUND_SMALL_PARCEL", "FREIGHT_LTL"]},
                    {"solution": "USE_YOUR_OWN_CARRIER", "modes": ["GROUND_SMALL_PARCEL", "FREIGHT_LTL"]},
                ],
            }
        ],
    }


def placement_option(option: PlacementOption, marketplace_id: str, now: float) -> dict[str, Any]:
    fees = []
    if option.fee:
        money = {"code": BY_ID[marketplace_id].currency, "amount": option.fee}
        fees.append(
            {
                "type": "FEE",
                "target": "Placement Services",
                "description": "Inbound placement fee",
                "value": money,
            }
        )
    return {
        "placementOptionId": option.option_id,
        "shipmentIds": list(option.shipment_ids),
        "status": option_status(option.status, option.expires_at, now),
        "expiration": iso(option.expires_at),
        "fees": fees,
        "discounts": [],
    }


def plan_summary(plan: InboundPlan) -> dict[str, Any]:
    return {
        "inboundPlanId": plan.plan_id,
        "name": plan.name,
        "status": plan.status,
        "marketplaceIds": [plan.marketplace_id],
        "sourceAddress": address(plan.source),
        "createdAt": iso(plan.created_at),
        "lastUpdatedAt": iso(plan.updated_at),
    }


def plan(tenant: TenantState, found: InboundPlan, now: float) -> dict[str, Any]:
    """The whole plan: its summary, options offered and shipments."""
    return plan_summary(found) | {
        "packingOptions": [
            {"packingOptionId": o.option_id, "status": option_status(o.status, o.expires_at, now)}
            for o in found.packing_options
        ],
        "placementOptions": [
            {"placementOptionId": o.option_id, "status": option_status(o.status, o.expires_at, now)}
            for o in found.placement_options
        ],
        "shipments": [
            {"shipmentId": s.shipment_id, "status": s.status}
            for s in facade.shipments_of(tenant, found.plan_id)
        ],
    }


def shipment(tenant: TenantState, found: Shipment) -> dict[str, Any]:
    """A `Shipment`: the core's fields, then what modules registered with `shows_on_shipment` add."""
    shown: dict[str, Any] = {
        "shipmentId": found.shipment_id,
        "placementOptionId": found.placement_option_id,
        "name": found.name,
        "status": found.status,
        "source": {"sourceType": "SELLER_FACILITY", "address": address(found.source)},
        "destination": {
            "destinationType": "AMAZON_OPTIMIZED",
            "warehouseId": found.destination.warehouse_id,
            "address": address(found.destination.address),
        },
    }
    if found.shipment_confirmation_id is not None:
        shown["shipmentConfirmationId"] = found.shipment_confirmation_id
    for view in facade.SHIPMENT_VIEWS:
        shown |= view(tenant, found)
    return shown
