"""The six Fulfillment Inbound v0 operations. Every answer is wrapped in `payload`; 400s are spelled as
v0 spells them (`spelling`)."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import skus
from emulator.apis.inbound_v0 import documents, prep, queries, wire
from emulator.apis.inbound_v0.spelling import spelled
from emulator.apis.inventory import marketplaces
from emulator.context import Call
from emulator.errors import InvalidInput
from emulator.registry import operation


@operation("getPrepInstructions")
@spelled
def get_prep_instructions(call: Call) -> dict[str, Any]:
    """Prep and barcode guidance per SKU or per ASIN, from the prep details the seller set."""
    country = call.params["ShipToCountryCode"]
    found = marketplaces.BY_COUNTRY.get(country)
    if found is None:
        raise InvalidInput(
            f"ShipToCountryCode {country!r} is not a country Amazon ships to.", f"ShipToCountryCode={country}"
        )
    sku_list: list[str] = call.params.get("SellerSKUList") or []
    asin_list: list[str] = call.params.get("ASINList") or []
    if bool(sku_list) == bool(asin_list):
        raise InvalidInput(
            "Submit either SellerSKUList or ASINList, not both and not neither.", "SellerSKUList, ASINList"
        )
    if sku_list:
        return {"payload": prep.by_sku(call.tenant, found.marketplace_id, sku_list)}
    return {"payload": prep.by_asin(call.tenant, found.marketplace_id, asin_list)}


def _marketplace(call: Call) -> None:
    given = call.params.get("MarketplaceId")
    if given:
        skus.marketplace(str(given), call.caller.marketplaces, "MarketplaceId")


@operation("getShipments")
@spelled
def get_shipments(call: Call) -> dict[str, Any]:
    """Confirmed shipments by status, id list or last-update range, 50 a page."""
    _marketplace(call)
    found, more = queries.page(call, queries.read(call, by_shipment=True))
    return {"payload": {"ShipmentData": [wire.shipment_info(s) for s in found], **more}}


@operation("getShipmentItems")
@spelled
def get_shipment_items(call: Call) -> dict[str, Any]:
    """The items of the shipments updated within a date range, 50 shipments a page."""
    _marketplace(call)
    found, more = queries.page(call, queries.read(call, by_shipment=False))
    items = [line for shipment in found for line in wire.items(call.tenant, shipment)]
    return {"payload": {"ItemData": items, **more}}


@operation("getShipmentItemsByShipmentId")
@spelled
def get_shipment_items_by_shipment_id(call: Call) -> dict[str, Any]:
    """A shipment's items with their planned and received quantities."""
    _marketplace(call)
    shipment = queries.by_id(call, call.params["shipmentId"])
    return {"payload": {"ItemData": wire.items(call.tenant, shipment)}}


@operation("getLabels")
@spelled
def get_labels(call: Call) -> dict[str, Any]:
    """A PDF of box (or pallet) labels, once transportation is confirmed."""
    shipment = queries.by_id(call, call.params["shipmentId"])
    return {"payload": {"DownloadURL": documents.labels_url(call, shipment)}}


@operation("getBillOfLading")
@spelled
def get_bill_of_lading(call: Call) -> dict[str, Any]:
    """A PDF bill of lading for an Amazon-partnered LTL shipment."""
    shipment = queries.by_id(call, call.params["shipmentId"])
    return {"payload": {"DownloadURL": documents.bill_of_lading_url(call, shipment)}}
