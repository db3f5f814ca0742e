"""getOrder (2026-07-04) shipments: each item's units and package, the ship and delivery times of a live
shipment, nothing of the kind on a cancelled one, and a package update's own delivery time."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import ADDRESS, V2026, Mcf

LINE = {
    "lineItemId": "L1",
    "product": {"productIdentifier": {"amazonSku": "MUG"}},
    "amount": {"unit": "EACHES", "value": "3"},
}


def create(mcf: Mcf) -> None:
    mcf.stock("MUG", 5)
    body = {"orderId": "N-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [LINE]}
    assert mcf.call("POST", f"{V2026}/orders", json=body).status_code == 200


def set_status(mcf: Mcf, status: str) -> None:
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": status}).status_code == 204


def shipment(mcf: Mcf) -> dict[str, Any]:
    response = mcf.call("GET", f"{V2026}/orders/N-1")
    assert response.status_code == 200, response.text
    return dict(response.json()["order"]["shipments"][0])


def test_a_shipped_shipment_has_its_items_units_package_and_times(mcf):
    create(mcf)
    set_status(mcf, "COMPLETE")
    found = shipment(mcf)
    [package] = found["packages"]
    [item] = found["items"]
    assert item["amount"] == {"unit": "EACHES", "value": "3.0"}
    assert item["packageId"] == package["packageId"]
    assert found["shipTime"].endswith("Z") and found["deliveryTime"].endswith("Z")
    assert found["shipTime"] < found["deliveryTime"]
    assert package["deliveryTime"] == found["deliveryTime"]


def test_a_shipment_given_up_on_has_no_times_and_no_packages(mcf):
    create(mcf)
    set_status(mcf, "PROCESSING")
    assert shipment(mcf)["status"] == "PROCESSING"
    set_status(mcf, "UNFULFILLABLE")
    found = shipment(mcf)
    assert found["status"] == "CANCELLED"
    assert "shipTime" not in found and "deliveryTime" not in found and "packages" not in found


def test_a_package_update_with_a_delivery_time_shows_it_before_delivery(mcf):
    create(mcf)
    set_status(mcf, "COMPLETE")
    package_id = shipment(mcf)["packages"][0]["packageId"]
    body = {"status": "DELAYED", "deliveryTime": "2026-12-24T09:30:00Z"}
    assert mcf.call("PUT", f"{V2026}/orders/N-1/packages/{package_id}", json=body).status_code == 204
    [package] = shipment(mcf)["packages"]
    assert package["status"] == "DELAYED"
    assert package["deliveryTime"] == "2026-12-24T09:30:00.000Z"
