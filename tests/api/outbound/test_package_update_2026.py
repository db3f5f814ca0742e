"""The sandbox updatePackage (2026-07-04): what it sets reads back through getOrder, and what it refuses
is named in the 400."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.outbound.support import ADDRESS, V2026, Mcf

TRACKING = {
    "carrier": {"carrierCode": "UPS", "trackingNumber": "1Z999", "trackingUrl": "https://ups.example/1Z999"},
    "amazon": {"trackingNumber": "TBA123", "trackingUrl": "https://track.example/TBA123"},
    "dropOffLocation": {
        "type": "FALLBACK_NEIGHBOR_DELIVERY",
        "attributes": {"neighborName": "Sam", "houseNumber": "3"},
    },
    "proofOfDelivery": {"deliveryPhotoUrl": "https://photos.example/1.jpg", "receivedBy": "Sam"},
}


@pytest.fixture
def package_id(mcf: Mcf) -> str:
    """The package of order N-1, shipped."""
    mcf.stock("MUG", 5)
    line = {
        "lineItemId": "L1",
        "product": {"productIdentifier": {"amazonSku": "MUG"}},
        "amount": {"unit": "EACHES", "value": "1"},
    }
    body = {"orderId": "N-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [line]}
    assert mcf.call("POST", f"{V2026}/orders", json=body).status_code == 200
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "COMPLETE"}).status_code == 204
    return str(package(mcf)["packageId"])


def package(mcf: Mcf) -> dict[str, Any]:
    response = mcf.call("GET", f"{V2026}/orders/N-1")
    assert response.status_code == 200, response.text
    return dict(response.json()["order"]["shipments"][0]["packages"][0])


def update(mcf: Mcf, package_id: str, body: dict[str, Any]) -> Any:
    return mcf.call("PUT", f"{V2026}/orders/N-1/packages/{package_id}", json=body)


def test_status_delivery_time_and_every_tracking_part_read_back(mcf, package_id):
    body = {"status": "DELIVERED", "deliveryTime": "2026-12-01T10:00:00Z", "tracking": TRACKING}
    assert update(mcf, package_id, body).status_code == 204
    found = package(mcf)
    assert found["status"] == "DELIVERED"
    assert found["deliveryTime"] == "2026-12-01T10:00:00.000Z"
    assert found["tracking"] == TRACKING


def test_an_unknown_status_is_refused_with_the_statuses_it_may_be(mcf, package_id):
    response = update(mcf, package_id, {"status": "LOST"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["code"] == "InvalidInput"
    assert error["message"] == (
        "status must be one of PROCESSING, IN_TRANSIT, DELAYED, OUT_FOR_DELIVERY, DELIVERED, "
        "UNDELIVERABLE, EXPIRED."
    )
    assert error["details"] == "status=LOST"


def test_a_delivery_time_the_clock_cannot_hold_is_refused_by_name(mcf, package_id):
    # a leap second passes the model's date-time format but is no instant the emulator can keep
    response = update(mcf, package_id, {"status": "DELIVERED", "deliveryTime": "2026-06-30T23:59:60Z"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == "deliveryTime is not a valid ISO 8601 date-time."
    assert error["details"] == "deliveryTime=2026-06-30T23:59:60Z"
    assert package(mcf)["status"] == "IN_TRANSIT"


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
def test_a_delivery_time_beyond_the_clocks_span_is_refused_and_the_order_still_reads(mcf, package_id, when):
    # valid date-times whose instant falls outside the years a timestamp can be written in
    response = update(mcf, package_id, {"status": "DELIVERED", "deliveryTime": when})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == "deliveryTime must be an instant between 1970 and the year 8000."
    assert error["details"] == f"deliveryTime={when}"
    assert package(mcf)["status"] == "IN_TRANSIT"


def test_a_package_of_a_shipment_not_yet_shipped_cannot_be_updated(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert mcf.set_status("O-1", "Processing").status_code == 200
    response = mcf.call("GET", f"{V2026}/orders/O-1")
    [shipment] = response.json()["order"]["shipments"]
    assert shipment["status"] == "PROCESSING"
    package_id = shipment["packages"][0]["packageId"]
    refused = mcf.call("PUT", f"{V2026}/orders/O-1/packages/{package_id}", json={"status": "DELIVERED"})
    assert refused.status_code == 400
    [error] = refused.json()["errors"]
    assert error["message"] == "Only packages of shipped shipments can be updated."
    assert error["details"] == f"packageId={package_id}"
    after = mcf.call("GET", f"{V2026}/orders/O-1").json()["order"]["shipments"][0]["packages"][0]
    assert after["status"] == "PROCESSING"
