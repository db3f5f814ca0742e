"""Shipments and packages of an order: picking reserved units into a shipment, and shipping it.

Choices where Amazon is silent: one shipment per picking wave, one package per order line, carrier
`AMZN_<country>` (tracking `TBA…`) for Standard and `UPS` (`1Z…`) for faster speeds or when
BLOCK_AMZL is required; fulfilment centre ids per country below.
"""

from __future__ import annotations

import string
from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.outbound import features, records
from emulator.apis.outbound.timings import Timings
from emulator.errors import NotFound
from emulator.state import TenantState

FULFILLMENT_CENTERS = {
    "US": ("PHX7", "Phoenix", "AZ"),
    "CA": ("YYZ4", "Brampton", "ON"),
    "MX": ("MEX1", "Cuautitlan", "MEX"),
    "JP": ("NRT5", "Ichikawa", "Chiba"),
    "IN": ("BLR7", "Bengaluru", "KA"),
    "GB": ("LTN1", "Ridgmont", "BDF"),
}
ALNUM = string.ascii_letters + string.digits
FIRST_PACKAGE_NUMBER = 1000001


def fulfillment_center(marketplace_id: str) -> tuple[str, str, str]:
    """(id, city, state) of the FC that serves a marketplace."""
    country = BY_ID[marketplace_id].country
    return FULFILLMENT_CENTERS.get(country, (f"{country}X1", country, country))


def carrier(order: records.Order, seller_id: str, number: int) -> tuple[str, str]:
    """(carrierCode, trackingNumber) for a new package."""
    country = BY_ID[order["marketplaceId"]].country
    fast = order["shippingSpeedCategory"] != "Standard"
    if fast or "BLOCK_AMZL" in features.required(order.get("featureConstraints")):
        return "UPS", "1Z" + records.derived(
            seller_id, number, "ups", length=16, alphabet=string.ascii_uppercase + string.digits
        )
    return f"AMZN_{country}", "TBA" + records.derived(seller_id, number, "tba", length=12)


def pick(tenant: TenantState, seller_id: str, order: records.Order, now: float, timings: Timings) -> bool:
    """Put every reserved, not yet picked unit into a new PENDING shipment; False if there was none."""
    lines = [(item, item["reserved"] - item["picked"]) for item in order["items"]]
    lines = [(item, units) for item, units in lines if units > 0]
    if not lines:
        return False
    fc, _, _ = fulfillment_center(order["marketplaceId"])
    shipment_id = records.derived(
        seller_id, order["sellerFulfillmentOrderId"], len(order["shipments"]), length=9, alphabet=ALNUM
    )
    ship_at = now + timings.ship_after
    shipment: dict[str, Any] = {
        "amazonShipmentId": shipment_id,
        "fulfillmentCenterId": fc,
        "status": "PENDING",
        "createdAt": now,
        "shipAt": ship_at,
        "arriveAt": ship_at + timings.transit(order["shippingSpeedCategory"]),
        "items": [],
        "packages": [],
    }
    for position, (item, units) in enumerate(lines):
        number = records.next_number(tenant, "package", FIRST_PACKAGE_NUMBER)
        code, tracking = carrier(order, seller_id, number)
        shipment["packages"].append(
            {
                "packageNumber": number,
                "carrierCode": code,
                "trackingNumber": tracking,
                "amazonFulfillmentTrackingNumber": "TBA"
                + records.derived(seller_id, number, "amzn", length=12),
            }
        )
        shipment["items"].append(
            {
                "sellerSku": item["sellerSku"],
                "sellerFulfillmentOrderItemId": item["sellerFulfillmentOrderItemId"],
                "quantity": units,
                "packageNumber": number,
                "shipmentItemId": f"{shipment_id}-{position + 1}",
            }
        )
        item["picked"] += units
        tenant.table(records.PACKAGES).put(
            str(number), {"order": order["sellerFulfillmentOrderId"], "shipment": shipment_id}
        )
    order["shipments"].append(shipment)
    return True


def withhold_one(tenant: TenantState, order: records.Order, now: float) -> None:
    """Take one unit out of the last pending shipment (it becomes unfulfillable), if it holds two or more."""
    pending = [s for s in order["shipments"] if s["status"] == "PENDING"]
    if not pending or sum(i["quantity"] for s in pending for i in s["items"]) < 2:
        return
    shipment = pending[-1]
    line = shipment["items"][-1]
    item = next(
        i for i in order["items"] if i["sellerFulfillmentOrderItemId"] == line["sellerFulfillmentOrderItemId"]
    )
    line["quantity"] -= 1
    if line["quantity"] == 0:  # the line's package would leave empty: drop both
        shipment["items"].pop()
        number = line["packageNumber"]
        shipment["packages"] = [p for p in shipment["packages"] if p["packageNumber"] != number]
    item["picked"] -= 1
    item["reserved"] -= inventory.release(tenant, now, order["marketplaceId"], item["sellerSku"], 1)
    item["unfulfillable"] += 1


def ship_pending(tenant: TenantState, order: records.Order, now: float, timings: Timings) -> None:
    """Every PENDING shipment leaves the FC now: its units are consumed from the reservation."""
    transit = timings.transit(order["shippingSpeedCategory"])
    by_id = {i["sellerFulfillmentOrderItemId"]: i for i in order["items"]}
    for shipment in order["shipments"]:
        if shipment["status"] != "PENDING":
            continue
        shipment.update(status="SHIPPED", shipAt=now, arriveAt=now + transit, shippedAt=now)
        for line in shipment["items"]:
            item = by_id[line["sellerFulfillmentOrderItemId"]]
            moved = inventory.ship(tenant, now, order["marketplaceId"], item["sellerSku"], line["quantity"])
            item["reserved"] -= moved
            item["picked"] -= moved
            item["shipped"] += moved
            item["estimatedShipAt"], item["estimatedArrivalAt"] = now, now + transit


def cancel_pending(order: records.Order, status: str) -> None:
    """Mark shipments that have not left the FC as cancelled (by the seller or by the fulfiller)."""
    for shipment in order["shipments"]:
        if shipment["status"] == "PENDING":
            shipment["status"] = status
            for line in shipment["items"]:
                item = next(
                    i
                    for i in order["items"]
                    if i["sellerFulfillmentOrderItemId"] == line["sellerFulfillmentOrderItemId"]
                )
                item["picked"] -= line["quantity"]


def locate_package(tenant: TenantState, number: int) -> tuple[records.Order, dict[str, Any], dict[str, Any]]:
    """(order, shipment, package) of a package number of this seller, or 404."""
    ref = tenant.table(records.PACKAGES).get(str(number))
    order = records.find(tenant, ref["order"]) if ref else None
    if ref and order:
        for shipment in order["shipments"]:
            if shipment["amazonShipmentId"] == ref["shipment"]:
                for package in shipment["packages"]:
                    if package["packageNumber"] == number:
                        return order, shipment, package
    raise NotFound(f"Package {number} was not found.", f"packageNumber={number}")
