"""Shipments and packages of an order: picking reserved units into a shipment, and shipping it.

Choices where Amazon is silent: one shipment per picking wave, one package per order line, carrier
`AMZN_<country>` (tracking `TBA…`) for Standard and `UPS` (`1Z…`) for faster speeds or when
BLOCK_AMZL is required; fulfilment centre ids per country below. Every change of a shipment's
status records one `ShipmentStatusChanged`.
"""

from __future__ import annotations

import string

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.outbound import features, orderbook, package_index
from emulator.apis.outbound.events import ShipmentStatusChanged, ShippedPackage
from emulator.apis.outbound.records import Order, Package, Shipment, ShipmentItem
from emulator.apis.outbound.text import derived
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


def fulfillment_center(marketplace_id: str) -> tuple[str, str, str]:
    """(id, city, state) of the FC that serves a marketplace."""
    country = BY_ID[marketplace_id].country
    return FULFILLMENT_CENTERS.get(country, (f"{country}X1", country, country))


def _package(order: Order, seller_id: str, number: int) -> Package:
    """A new package: its carrier, carrier tracking number and Amazon tracking number."""
    amazon = "TBA" + derived(seller_id, number, "amzn", length=12)
    fast = order.terms.shipping_speed != "Standard"
    if fast or "BLOCK_AMZL" in features.required(order.terms.feature_constraints):
        tracking = "1Z" + derived(
            seller_id, number, "ups", length=16, alphabet=string.ascii_uppercase + string.digits
        )
        return Package(
            number=number, carrier_code="UPS", tracking_number=tracking, amazon_tracking_number=amazon
        )
    country = BY_ID[order.marketplace_id].country
    tracking = "TBA" + derived(seller_id, number, "tba", length=12)
    return Package(
        number=number, carrier_code=f"AMZN_{country}", tracking_number=tracking, amazon_tracking_number=amazon
    )


def _changed(tenant: TenantState, order: Order, shipment: Shipment, previous: str | None, now: float) -> None:
    """Record that `shipment` of `order` is now in its status (it was `previous`)."""
    tenant.record(
        now,
        ShipmentStatusChanged(
            order_id=order.order_id,
            shipment_id=shipment.shipment_id,
            previous=previous,
            status=shipment.status,
            order_status=order.status,
            estimated_arrival_at=shipment.arrive_at,
            packages=tuple(
                ShippedPackage(
                    number=p.number, carrier_code=p.carrier_code, tracking_number=p.tracking_number
                )
                for p in shipment.packages
            ),
        ),
    )


def pick(tenant: TenantState, seller_id: str, order: Order, now: float, timings: Timings) -> None:
    """Put every reserved, not yet picked unit into a new PENDING shipment (none if there is no such unit)."""
    lines = [(line, line.progress.reserved - line.progress.picked) for line in order.lines]
    lines = [(line, units) for line, units in lines if units > 0]
    if not lines:
        return
    shipment_id = derived(seller_id, order.order_id, len(order.shipments), length=9, alphabet=ALNUM)
    ship_at = now + timings.ship_after
    shipment = Shipment(
        shipment_id=shipment_id,
        fulfillment_center_id=fulfillment_center(order.marketplace_id)[0],
        status="PENDING",
        ship_at=ship_at,
        arrive_at=ship_at + timings.transit(order.terms.shipping_speed),
        items=[],
        packages=[],
    )
    for line, units in lines:
        package = _package(order, seller_id, package_index.allocate(tenant, order.order_id))
        shipment.packages.append(package)
        shipment.items.append(
            ShipmentItem(line_id=line.line_id, quantity=units, package_number=package.number)
        )
        line.progress.picked += units
    order.shipments.append(shipment)
    _changed(tenant, order, shipment, None, now)


def withhold_one(tenant: TenantState, order: Order, now: float) -> None:
    """Take one unit out of the last pending shipment (it becomes unfulfillable), if it holds two or more."""
    pending = [s for s in order.shipments if s.status == "PENDING"]
    if not pending or sum(i.quantity for s in pending for i in s.items) < 2:
        return
    shipment = pending[-1]
    item = shipment.items[-1]
    line = order.line(item.line_id)
    item.quantity -= 1
    if item.quantity == 0:  # the line's package would leave empty: drop both
        shipment.items.pop()
        shipment.packages = [p for p in shipment.packages if p.number != item.package_number]
    line.progress.picked -= 1
    line.progress.reserved -= inventory.release(tenant, now, order.marketplace_id, line.sku, 1)
    line.unfulfillable += 1


def ship_pending(tenant: TenantState, order: Order, now: float, timings: Timings) -> None:
    """Every PENDING shipment leaves the FC now: its units are consumed from the reservation."""
    transit = timings.transit(order.terms.shipping_speed)
    for shipment in order.shipments:
        if shipment.status != "PENDING":
            continue
        shipment.status, shipment.ship_at, shipment.arrive_at = "SHIPPED", now, now + transit
        for item in shipment.items:
            line = order.line(item.line_id)
            moved = inventory.ship(tenant, now, order.marketplace_id, line.sku, item.quantity)
            line.progress.reserved -= moved
            line.progress.picked -= moved
            line.shipped += moved
            line.estimated_ship_at, line.estimated_arrival_at = now, now + transit
        _changed(tenant, order, shipment, "PENDING", now)


def cancel_pending(tenant: TenantState, order: Order, now: float) -> None:
    """Mark shipments that have not left the FC as CANCELLED_BY_FULFILLER. (A seller can cancel only before
    picking, when an order has no shipment yet, so no shipment is ever CANCELLED_BY_SELLER.)"""
    for shipment in order.shipments:
        if shipment.status == "PENDING":
            shipment.status = "CANCELLED_BY_FULFILLER"
            for item in shipment.items:
                order.line(item.line_id).progress.picked -= item.quantity
            _changed(tenant, order, shipment, "PENDING", now)


def _find(order: Order, number: int) -> tuple[Shipment, Package] | None:
    for shipment in order.shipments:
        for package in shipment.packages:
            if package.number == number:
                return shipment, package
    return None


def package_in(order: Order, package_id: str) -> tuple[Shipment, Package]:
    """(shipment, package) of the order's package `package_id` (its number as text), or 404."""
    found = _find(order, int(package_id)) if package_id.isascii() and package_id.isdigit() else None
    if found is None or str(found[1].number) != package_id:
        raise NotFound(
            f"Package {package_id} is not part of order {order.order_id}.", f"packageId={package_id}"
        )
    return found


def locate_package(tenant: TenantState, number: int) -> tuple[Order, Shipment, Package]:
    """(order, shipment, package) of a package number of this seller, or 404."""
    order_id = package_index.order_of(tenant, number)
    order = None if order_id is None else orderbook.find(tenant, order_id)
    found = None if order is None else _find(order, number)
    if order is None or found is None:
        raise NotFound(f"Package {number} was not found.", f"packageNumber={number}")
    return order, *found
