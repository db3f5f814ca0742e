"""The sandbox status update refuses moves it cannot make with a 400 that says why, and changes nothing."""

from __future__ import annotations

import pytest

from emulator.apis.outbound.timings import DEFAULT


def refusal(mcf, order_id: str, target: str) -> str:
    """The message of a refused status update; the order keeps its status."""
    before = mcf.status_of(order_id)
    response = mcf.set_status(order_id, target)
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["code"] == "InvalidInput" and error["details"] == f"fulfillmentOrderStatus={target}"
    assert mcf.status_of(order_id) == before
    return str(error["message"])


def test_a_final_status_is_final_and_repeating_it_says_so(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert mcf.set_status("O-1", "Cancelled").status_code == 200
    assert refusal(mcf, "O-1", "Complete") == (
        "Cannot move fulfillment order O-1 from Cancelled to Complete: Cancelled is final."
    )
    assert refusal(mcf, "O-1", "Cancelled") == (
        "Cannot move fulfillment order O-1 from Cancelled to Cancelled: it is already there."
    )


def test_an_open_status_cannot_be_set_again(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert refusal(mcf, "O-1", "Received") == (
        "Cannot move fulfillment order O-1 from Received to Received: statuses only move forwards."
    )


def test_a_partial_completion_of_one_unit_is_refused_and_of_two_splits_them(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert refusal(mcf, "O-1", "CompletePartialled") == (
        "Cannot move fulfillment order O-1 from Received to CompletePartialled: "
        "a partial completion needs at least two units."
    )
    mcf.create("O-2", {"MUG": 2})
    assert mcf.set_status("O-2", "CompletePartialled").status_code == 200
    item = mcf.order("O-2")["fulfillmentOrderItems"][0]
    assert mcf.status_of("O-2") == "CompletePartialled" and item["unfulfillableQuantity"] == 1


def test_only_orders_not_yet_planned_can_become_invalid(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.advance(DEFAULT.planning_after + 1)
    assert refusal(mcf, "O-1", "Invalid") == (
        "Cannot move fulfillment order O-1 from Planning to Invalid: "
        "only orders not yet planned can become Invalid."
    )
    assert mcf.set_status("O-1", "Unfulfillable").status_code == 200
    assert mcf.details("MUG")["fulfillableQuantity"] == 5


@pytest.mark.parametrize("target", ["Planning", "Processing", "Complete", "CompletePartialled"])
def test_a_held_order_must_be_released_before_it_moves_on(mcf, target):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2}, fulfillmentAction="Hold")
    assert refusal(mcf, "O-1", target) == (
        f"Cannot move fulfillment order O-1 from Received to {target}: "
        "the order is on hold; set fulfillmentAction to Ship first."
    )


@pytest.mark.parametrize("target", ["Unfulfillable", "CompletePartialled"])
def test_once_units_shipped_the_rest_cannot_be_given_up_by_hand(mcf, target):
    mcf.stock("MUG", 1)
    mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy="FillAll")
    mcf.advance(DEFAULT.planning_after + DEFAULT.processing_after + DEFAULT.ship_after + 1)
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Processing"
    assert payload["fulfillmentShipments"][0]["fulfillmentShipmentStatus"] == "SHIPPED"
    if target == "Unfulfillable":
        assert refusal(mcf, "O-1", target) == (
            "Cannot move fulfillment order O-1 from Processing to Unfulfillable: units have already shipped."
        )
    else:  # the units still waiting for stock are the part that is not completed
        assert mcf.set_status("O-1", target).status_code == 200
        item = mcf.order("O-1")["fulfillmentOrderItems"][0]
        assert mcf.status_of("O-1") == target and item["unfulfillableQuantity"] == 2
