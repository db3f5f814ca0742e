"""The clock-driven order lifecycle, its configurable timings, and the sandbox status update."""

from __future__ import annotations

import pytest

from emulator.apis.outbound.timings import DEFAULT, HOUR
from tests.api.outbound.support import V2020


def test_orders_progress_with_the_clock(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2})
    assert mcf.status_of("O-1") == "Received"
    mcf.advance(DEFAULT.planning_after + 1)
    assert mcf.status_of("O-1") == "Planning"
    mcf.advance(DEFAULT.processing_after)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Processing"
    shipment = payload["fulfillmentShipments"][0]
    assert shipment["fulfillmentShipmentStatus"] == "PENDING"
    assert shipment["fulfillmentShipmentPackage"][0]["trackingNumber"].startswith("TBA")
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 2
    mcf.advance(DEFAULT.ship_after)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    assert payload["fulfillmentShipments"][0]["fulfillmentShipmentStatus"] == "SHIPPED"
    details = mcf.details("MUG")
    assert details["fulfillableQuantity"] == 3 and details["reservedQuantity"]["totalReservedQuantity"] == 0
    assert details["totalQuantity"] == 3


def test_a_long_jump_fires_every_step_in_order(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.advance(30 * 24 * HOUR)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    shipped = payload["fulfillmentShipments"][0]
    assert shipped["shippingDate"] > payload["fulfillmentOrder"]["receivedDate"]


def test_timings_are_configurable(mcf):
    mcf.set_timings(planning_after=1, processing_after=1, ship_after=1)
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.advance(5)
    assert mcf.status_of("O-1") == "Complete"


def test_validation_can_be_made_asynchronous(mcf):
    mcf.set_timings(received_after=30)
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert mcf.status_of("O-1") == "New"
    mcf.advance(31)
    assert mcf.status_of("O-1") == "Received"


def test_hold_orders_are_cancelled_after_14_days(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2}, fulfillmentAction="Hold")
    mcf.advance(DEFAULT.hold_expiry - 60)
    assert mcf.status_of("O-1") == "Received"
    mcf.advance(120)
    assert mcf.status_of("O-1") == "Cancelled"
    assert mcf.details("MUG")["fulfillableQuantity"] == 5


def test_fill_all_waits_for_stock_then_gives_up_after_a_day(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy="FillAll")
    mcf.advance(DEFAULT.planning_after + 60)
    mcf.add("MUG", 1)  # arrives before picking: taken at picking
    mcf.advance(DEFAULT.processing_after + DEFAULT.ship_after)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Processing"
    assert payload["fulfillmentShipments"][0]["fulfillmentShipmentItem"][0]["quantity"] == 2
    mcf.advance(DEFAULT.fill_all_deadline)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "CompletePartialled"
    assert payload["fulfillmentOrderItems"][0]["unfulfillableQuantity"] == 1


def test_status_update_walks_the_real_steps(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2})
    assert mcf.set_status("O-1", "Processing").status_code == 200
    payload = mcf.order("O-1")
    assert payload["fulfillmentShipments"][0]["fulfillmentShipmentStatus"] == "PENDING"
    assert mcf.set_status("O-1", "Complete").status_code == 200
    assert mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentStatus"] == "SHIPPED"
    assert mcf.details("MUG")["totalQuantity"] == 3


@pytest.mark.parametrize(
    ("first", "then"),
    [("Planning", "Received"), ("Complete", "Processing"), ("Cancelled", "Planning"), ("Processing", "New")],
)
def test_status_update_only_moves_forwards(mcf, first, then):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2})
    assert mcf.set_status("O-1", first).status_code == 200
    response = mcf.set_status("O-1", then)
    assert response.status_code == 400
    assert "Cannot move" in response.json()["errors"][0]["message"]
    assert mcf.status_of("O-1") == first


def test_status_update_to_complete_partialled_withholds_a_unit(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 3})
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 200
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "CompletePartialled"
    assert payload["fulfillmentOrderItems"][0]["unfulfillableQuantity"] == 1
    assert payload["fulfillmentShipments"][0]["fulfillmentShipmentItem"][0]["quantity"] == 2
    assert mcf.details("MUG")["fulfillableQuantity"] == 3


def test_status_update_to_complete_partialled_needs_two_units(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 400
    assert mcf.status_of("O-1") == "Received" and mcf.order("O-1")["fulfillmentShipments"] == []


@pytest.mark.parametrize("target", ["Unfulfillable", "Invalid", "Cancelled"])
def test_status_update_to_a_dead_end_releases_stock(mcf, target):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2})
    assert mcf.set_status("O-1", target).status_code == 200
    assert mcf.status_of("O-1") == target
    assert mcf.details("MUG")["fulfillableQuantity"] == 5


def test_status_update_refuses_invalid_after_planning_and_held_orders(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.set_status("O-1", "Planning")
    assert mcf.set_status("O-1", "Invalid").status_code == 400
    mcf.create("O-2", {"MUG": 1}, fulfillmentAction="Hold")
    held = mcf.set_status("O-2", "Complete")
    assert held.status_code == 400 and "on hold" in held.json()["errors"][0]["message"]


def test_status_update_requires_a_status(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1/status", json={})
    assert response.status_code == 400


def test_scheduled_steps_after_a_status_update_are_ignored(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.set_status("O-1", "Cancelled")
    mcf.advance(10 * 24 * HOUR)
    assert mcf.status_of("O-1") == "Cancelled"
    assert mcf.order("O-1")["fulfillmentShipments"] == []


def test_complete_partialled_drops_a_package_left_empty(mcf):
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    mcf.create("O-1", {"MUG": 1, "CUP": 1})
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 200
    shipment = mcf.order("O-1")["fulfillmentShipments"][0]
    assert [i["sellerSku"] for i in shipment["fulfillmentShipmentItem"]] == ["MUG"]
    assert len(shipment["fulfillmentShipmentPackage"]) == 1
    assert mcf.details("CUP")["fulfillableQuantity"] == 5


def test_a_restored_snapshot_carries_on_where_it_left_off(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2})
    mcf.set_status("O-1", "Processing")
    saved = mcf.client.get("/_emulator/state")
    assert saved.status_code == 200
    mcf.set_status("O-1", "Complete")
    mcf.stock("CUP", 1)
    restored = mcf.client.put("/_emulator/state", json=saved.json())
    assert restored.status_code in (200, 204), restored.text
    assert mcf.status_of("O-1") == "Processing"
    mcf.advance(DEFAULT.ship_after + 1)
    assert mcf.status_of("O-1") == "Complete"
    assert mcf.details("MUG")["totalQuantity"] == 3


def test_timings_can_be_set_over_http_through_a_state_snapshot(mcf):
    document = mcf.client.get("/_emulator/state").json()
    document["store"]["shared"].setdefault("config", {})["outbound.timings"] = {
        "value": {"planning_after": 1, "processing_after": 1}
    }
    assert mcf.client.put("/_emulator/state", json=document).status_code in (200, 204)
    mcf.stock("MUG", 2)
    mcf.create("O-1", {"MUG": 1})
    mcf.advance(3)
    assert mcf.status_of("O-1") == "Processing"
