"""Package tracking computed from the emulator clock: events appear as their time comes.

A shipped package goes: carrier notified (ship time), picked up (+1 h), departure scan (25 % of
transit), arrival scan at the destination station (60 %), out for delivery (6 h before), delivered.
The sandbox `updatePackage` operation overrides this: from its time on, the package shows the
status it was given (with the matching event) and the natural progression stops.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound import records, shipments

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


def _place(city: str, state: str, country: str) -> dict[str, str]:
    return {"city": city[:150], "state": state[:150], "country": country[:6]}


def _destination(order: records.Order) -> dict[str, str]:
    address = order["destinationAddress"]
    return _place(
        address.get("city") or address.get("stateOrRegion") or address["postalCode"],
        address.get("stateOrRegion") or address.get("city") or "",
        address["countryCode"],
    )


def natural_events(
    order: records.Order, shipment: dict[str, Any]
) -> list[tuple[float, str, dict[str, str], str]]:
    """(time, eventCode, address, description) of the full journey of a shipped package."""
    start, end = shipment["shippedAt"], shipment["arriveAt"]
    transit = end - start
    _, fc_city, fc_state = shipments.fulfillment_center(order["marketplaceId"])
    origin = _place(fc_city, fc_state, order["destinationAddress"]["countryCode"])
    here = _destination(order)
    return [
        (start, "EVENT_101", origin, "Carrier notified to pick up package."),
        (start + HOUR, "EVENT_102", origin, "Shipment picked up from seller's facility."),
        (start + 0.25 * transit, "EVENT_202", origin, "Package departed from carrier facility."),
        (start + 0.6 * transit, "EVENT_201", here, "Package arrived at carrier facility."),
        (end - 6 * HOUR, "EVENT_302", here, "Out for delivery."),
        (end, "EVENT_301", here, "Delivered."),
    ]


def state(
    order: records.Order, shipment: dict[str, Any], package: dict[str, Any], now: float
) -> tuple[str, list[tuple[float, str, dict[str, str], str]]]:
    """(2020 CurrentStatus, events so far, oldest first) of a package at `now`."""
    if shipment["status"] != "SHIPPED":
        return "UNKNOWN", []
    override = package.get("override")
    cutoff = min(now, override["at"]) if override else now
    events = [e for e in natural_events(order, shipment) if e[0] <= cutoff]
    if override:
        status, code, text = OVERRIDES[override["status"]]
        if code:
            events.append((override["at"], code, _destination(order), text))
        return status, events
    codes = [e[1] for e in events]
    status = (
        "DELIVERED" if "EVENT_301" in codes else "OUT_FOR_DELIVERY" if "EVENT_302" in codes else "IN_TRANSIT"
    )
    return status, events


def delivered_at(
    order: records.Order, shipment: dict[str, Any], package: dict[str, Any], now: float
) -> float | None:
    status, events = state(order, shipment, package, now)
    if status != "DELIVERED":
        return None
    override = package.get("override") or {}
    return override.get("deliveryTime") or events[-1][0]


def details(
    order: records.Order, shipment: dict[str, Any], package: dict[str, Any], now: float
) -> dict[str, Any]:
    """2020-07-01 `PackageTrackingDetails`."""
    status, events = state(order, shipment, package, now)
    tracking_number = package["trackingNumber"]
    found: dict[str, Any] = {
        "packageNumber": package["packageNumber"],
        "trackingNumber": tracking_number,
        "customerTrackingLink": f"https://www.swiship.com/track?id={tracking_number}",
        "carrierCode": package["carrierCode"],
        "shipToAddress": _destination(order),
        "currentStatus": status,
        "estimatedArrivalDate": records.at(shipment["arriveAt"]),
        "trackingEvents": [
            {"eventDate": records.at(t), "eventAddress": place, "eventCode": code, "eventDescription": text}
            for t, code, place, text in reversed(events)
        ],
    }
    found["currentStatusDescription"] = (
        events[-1][3] if events else "Package has not left the fulfillment center."
    )
    if package["carrierCode"] == "UPS":
        found.update(carrierPhoneNumber="1-800-742-5877", carrierURL="https://www.ups.com")
    if shipment["status"] == "SHIPPED":
        found["shipDate"] = records.at(shipment["shippedAt"])
    if status == "OUT_FOR_DELIVERY":
        found["deliveryWindow"] = {
            "earliest": records.at(shipment["arriveAt"] - 6 * HOUR),
            "latest": records.at(shipment["arriveAt"] + 2 * HOUR),
        }
    if status == "DELIVERED":
        found.update(signedForBy=order["destinationAddress"]["name"], additionalLocationInfo="FRONT_DOOR")
    return found
