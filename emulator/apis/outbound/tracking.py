"""Package tracking computed from the emulator clock: events appear as their time comes.

A shipped package goes: carrier notified (ship time), picked up (+1 h), departure scan (25 % of
transit), arrival scan at the destination station (60 %), out for delivery (6 h before), delivered.
The sandbox `updatePackage` operation overrides this: from its time on, the package shows the
status it was given (with the matching event) and the natural progression stops.
"""

from __future__ import annotations

import msgspec

from emulator.apis.outbound import shipments
from emulator.apis.outbound.records import Order, Package, Shipment

HOUR = 3600.0
# 2026-07-04 package status -> (2020-07-01 CurrentStatus, eventCode, description)
OVERRIDES = {
    "PROCESSING": ("UNKNOWN", None, "Package is being prepared at the fulfillment center."),
    "IN_TRANSIT": ("IN_TRANSIT", "EVENT_202", "Package is in transit."),
    "DELAYED": ("DELAYED", "EVENT_418", "Package is delayed."),
    "OUT_FOR_DELIVERY": ("OUT_FOR_DELIVERY", "EVENT_302", "Package is out for delivery."),
    "DELIVERED": ("DELIVERED", "EVENT_301", "Package was delivered."),
    "UNDELIVERABLE": ("UNDELIVERABLE", "EVENT_416", "Package is undeliverable."),
    "EXPIRED": ("RETURNING", "EVENT_408", "Package is being returned to the seller."),
}
TO_2026 = {
    "UNKNOWN": "PROCESSING",
    "IN_TRANSIT": "IN_TRANSIT",
    "OUT_FOR_DELIVERY": "OUT_FOR_DELIVERY",
    "DELIVERED": "DELIVERED",
    "DELAYED": "DELAYED",
    "UNDELIVERABLE": "UNDELIVERABLE",
    "RETURNING": "EXPIRED",
}
OUT_FOR_DELIVERY_BEFORE = 6 * HOUR
DELIVERY_WINDOW_AFTER = 2 * HOUR


class Place(msgspec.Struct, frozen=True, gc=False):
    city: str
    state: str
    country: str


class TrackingEvent(msgspec.Struct, frozen=True, gc=False):
    at: float
    code: str
    place: Place
    description: str


class PackageState(msgspec.Struct, frozen=True, gc=False):
    """A package at an instant: its 2020-07-01 CurrentStatus, its events so far (oldest first), and when it
    was delivered (None while it is not)."""

    status: str
    events: list[TrackingEvent]
    delivered_at: float | None = None


def _place(city: str, state: str, country: str) -> Place:
    return Place(city[:150], state[:150], country[:6])


def destination(order: Order) -> Place:
    """Where the order's packages go, as tracking shows it."""
    address = order.terms.destination
    return _place(
        address.city or address.state_or_region or address.postal_code,
        address.state_or_region or address.city or "",
        address.country_code,
    )


def natural_events(order: Order, shipment: Shipment) -> list[TrackingEvent]:
    """The full journey of a shipped package."""
    start, end = shipment.ship_at, shipment.arrive_at
    transit = end - start
    _, fc_city, fc_state = shipments.fulfillment_center(order.marketplace_id)
    origin = _place(fc_city, fc_state, order.terms.destination.country_code)
    here = destination(order)
    return [
        TrackingEvent(start, "EVENT_101", origin, "Carrier notified to pick up package."),
        TrackingEvent(start + HOUR, "EVENT_102", origin, "Shipment picked up from seller's facility."),
        TrackingEvent(start + 0.25 * transit, "EVENT_202", origin, "Package departed from carrier facility."),
        TrackingEvent(start + 0.6 * transit, "EVENT_201", here, "Package arrived at carrier facility."),
        TrackingEvent(end - OUT_FOR_DELIVERY_BEFORE, "EVENT_302", here, "Out for delivery."),
        TrackingEvent(end, "EVENT_301", here, "Delivered."),
    ]


def state(order: Order, shipment: Shipment, package: Package, now: float) -> PackageState:
    """The package at `now`."""
    if shipment.status != "SHIPPED":
        return PackageState("UNKNOWN", [])
    override = package.override
    cutoff = min(now, override.at) if override else now
    events = [e for e in natural_events(order, shipment) if e.at <= cutoff]
    if override:
        status, code, text = OVERRIDES[override.status]
        if code:
            events.append(TrackingEvent(override.at, code, destination(order), text))
    else:
        codes = {e.code for e in events}
        status = (
            "DELIVERED"
            if "EVENT_301" in codes
            else "OUT_FOR_DELIVERY"
            if "EVENT_302" in codes
            else "IN_TRANSIT"
        )
    if status != "DELIVERED":
        return PackageState(status, events)
    return PackageState(status, events, (override.delivery_time if override else None) or events[-1].at)
