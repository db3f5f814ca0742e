"""A shipped package's tracking, event by event, as the emulator clock passes each one.

Standard transit is three days (the default timings). Each event appears at its own instant, not a
second earlier: carrier notified at ship time, picked up an hour later, departure scan at 25 % of
transit, arrival scan at 60 %, out for delivery six hours before arrival, delivered at arrival.
Both versions see the same journey: 2020-07-01 as tracking events, 2026-07-04 as the package status.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from emulator.apis.outbound.timings import DAY, HOUR
from tests.api.outbound.support import V2020, V2026

TRANSIT = 3 * DAY
ORIGIN = {"city": "Phoenix", "state": "AZ", "country": "US"}
SEATTLE = {"city": "Seattle", "state": "WA", "country": "US"}
# (seconds after shipping, eventCode, where, eventDescription), oldest first
JOURNEY = [
    (0.0, "EVENT_101", ORIGIN, "Carrier notified to pick up package."),
    (HOUR, "EVENT_102", ORIGIN, "Shipment picked up from seller's facility."),
    (0.25 * TRANSIT, "EVENT_202", ORIGIN, "Package departed from carrier facility."),
    (0.6 * TRANSIT, "EVENT_201", SEATTLE, "Package arrived at carrier facility."),
    (TRANSIT - 6 * HOUR, "EVENT_302", SEATTLE, "Out for delivery."),
    (TRANSIT, "EVENT_301", SEATTLE, "Delivered."),
]


def seconds(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


class Journey:
    """Order O-1 (one MUG, Standard, to Seattle) shipped at `shipped`; the clock is `elapsed` later."""

    def __init__(self, mcf):
        self.mcf = mcf
        mcf.runtime.clock.freeze()  # time moves only when the test moves it
        mcf.stock("MUG", 5)
        mcf.create("O-1", {"MUG": 1})
        assert mcf.set_status("O-1", "Complete").status_code == 200
        package = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]
        self.number = package["packageNumber"]
        self.shipped = seconds(self.tracking()["shipDate"])
        self.elapsed = 0.0

    def to(self, elapsed: float) -> None:
        self.mcf.advance(elapsed - self.elapsed)
        self.elapsed = elapsed

    def tracking(self):
        response = self.mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": self.number})
        assert response.status_code == 200, response.text
        return response.json()["payload"]

    def events(self):
        """The 2020-07-01 events as (seconds after shipping, code, address, description), oldest first."""
        return [
            (
                seconds(e["eventDate"]) - self.shipped,
                e["eventCode"],
                e["eventAddress"],
                e["eventDescription"],
            )
            for e in reversed(self.tracking()["trackingEvents"])
        ]

    def package_2026(self):
        response = self.mcf.call("GET", f"{V2026}/orders/O-1")
        assert response.status_code == 200, response.text
        return response.json()["order"]["shipments"][0]["packages"][0]

    def package_2020(self):
        return self.mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]


def test_each_event_appears_at_its_instant_and_not_before(mcf):
    journey = Journey(mcf)
    for n, (offset, *_) in enumerate(JOURNEY):
        if offset:
            journey.to(offset - 1)
            assert journey.events() == JOURNEY[:n], f"before {JOURNEY[n][1]}"
        journey.to(offset)
        assert journey.events() == JOURNEY[: n + 1], f"at {JOURNEY[n][1]}"


def test_the_status_follows_the_journey_in_both_versions(mcf):
    journey = Journey(mcf)
    arrival = journey.shipped + TRANSIT
    found = journey.tracking()
    assert found["shipToAddress"] == SEATTLE
    assert seconds(found["estimatedArrivalDate"]) == arrival
    expected = [
        # (elapsed, 2020 currentStatus, currentStatusDescription, 2026 status)
        (0.0, "IN_TRANSIT", "Carrier notified to pick up package.", "IN_TRANSIT"),
        (0.6 * TRANSIT, "IN_TRANSIT", "Package arrived at carrier facility.", "IN_TRANSIT"),
        (TRANSIT - 6 * HOUR - 1, "IN_TRANSIT", "Package arrived at carrier facility.", "IN_TRANSIT"),
        (TRANSIT - 6 * HOUR, "OUT_FOR_DELIVERY", "Out for delivery.", "OUT_FOR_DELIVERY"),
        (TRANSIT - 1, "OUT_FOR_DELIVERY", "Out for delivery.", "OUT_FOR_DELIVERY"),
        (TRANSIT, "DELIVERED", "Delivered.", "DELIVERED"),
        (TRANSIT + 5 * DAY, "DELIVERED", "Delivered.", "DELIVERED"),
    ]
    for elapsed, status, description, status_2026 in expected:
        journey.to(elapsed)
        found = journey.tracking()
        assert (found["currentStatus"], found["currentStatusDescription"]) == (status, description), elapsed
        package = journey.package_2026()
        assert package["status"] == status_2026, elapsed
        assert seconds(package["deliveryTime"]) == arrival
        delivered = status == "DELIVERED"
        assert ("signedForBy" in found) is delivered and (
            "deliveryInformation" in journey.package_2020()
        ) is (delivered), elapsed
        assert ("proofOfDelivery" in package["tracking"]) is delivered, elapsed
        if status == "OUT_FOR_DELIVERY":
            window = found["deliveryWindow"]
            assert seconds(window["earliest"]) == arrival - 6 * HOUR
            assert seconds(window["latest"]) == arrival + 2 * HOUR
        else:
            assert "deliveryWindow" not in found


def test_a_package_still_in_the_fc_is_processing_in_2026(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert mcf.set_status("O-1", "Processing").status_code == 200
    number = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]["packageNumber"]
    found = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": number}).json()["payload"]
    assert found["currentStatus"] == "UNKNOWN" and found["trackingEvents"] == []
    assert found["currentStatusDescription"] == "Package has not left the fulfillment center."
    package = mcf.call("GET", f"{V2026}/orders/O-1").json()["order"]["shipments"][0]["packages"][0]
    assert package["status"] == "PROCESSING" and "proofOfDelivery" not in package["tracking"]


# updatePackage status -> (2020 currentStatus, the event it adds: code and description, or None)
OVERRIDDEN = {
    "PROCESSING": ("UNKNOWN", None),
    "IN_TRANSIT": ("IN_TRANSIT", ("EVENT_202", "Package is in transit.")),
    "DELAYED": ("DELAYED", ("EVENT_418", "Package is delayed.")),
    "OUT_FOR_DELIVERY": ("OUT_FOR_DELIVERY", ("EVENT_302", "Package is out for delivery.")),
    "DELIVERED": ("DELIVERED", ("EVENT_301", "Package was delivered.")),
    "UNDELIVERABLE": ("UNDELIVERABLE", ("EVENT_416", "Package is undeliverable.")),
    "EXPIRED": ("RETURNING", ("EVENT_408", "Package is being returned to the seller.")),
}


@pytest.mark.parametrize("status", list(OVERRIDDEN))
def test_update_package_sets_the_status_from_then_on(mcf, status):
    """A day into transit the sandbox sets a status: its event is added then, the journey stops there."""
    journey = Journey(mcf)
    journey.to(DAY)
    path = f"{V2026}/orders/O-1/packages/{journey.number}"
    assert mcf.call("PUT", path, json={"status": status}).status_code == 204
    journey.to(DAY + 10 * DAY)
    current, added = OVERRIDDEN[status]
    so_far = [e for e in JOURNEY if e[0] <= DAY]
    expected = so_far + ([(DAY, *added[:1], SEATTLE, *added[1:])] if added else [])
    assert journey.events() == expected
    found = journey.tracking()
    assert found["currentStatus"] == current
    assert found["currentStatusDescription"] == expected[-1][3]
    package = journey.package_2026()
    assert package["status"] == status
    delivered = status == "DELIVERED"
    assert ("deliveryInformation" in journey.package_2020()) is delivered
    assert ("proofOfDelivery" in package["tracking"]) is delivered
    assert seconds(package["deliveryTime"]) == journey.shipped + (DAY if delivered else TRANSIT)


def test_update_package_delivered_at_a_given_time(mcf):
    journey = Journey(mcf)
    journey.to(DAY)
    path = f"{V2026}/orders/O-1/packages/{journey.number}"
    body = {"status": "DELIVERED", "deliveryTime": "2030-01-02T03:04:05Z"}
    assert mcf.call("PUT", path, json=body).status_code == 204
    package = journey.package_2026()
    assert package["status"] == "DELIVERED" and package["deliveryTime"].startswith("2030-01-02T03:04:05")
    assert package["tracking"]["proofOfDelivery"]["receivedBy"] == "Jane Doe"
    assert journey.tracking()["signedForBy"] == "Jane Doe"
    assert "deliveryInformation" in journey.package_2020()
