"""Orders already short of units (FillAllAvailable's unreservable units, FillAll's waiting ones) move to
CompletePartialled by status update without giving up a further unit, and a shortfall given up later is
added to the units already counted unfulfillable."""

from __future__ import annotations

import pytest


def _items(mcf, order_id):
    payload = mcf.order(order_id)
    lines = {
        item["sellerSku"]: (item["quantity"], item["cancelledQuantity"], item["unfulfillableQuantity"])
        for item in payload["fulfillmentOrderItems"]
    }
    shipped = sum(
        item["quantity"]
        for shipment in payload.get("fulfillmentShipments", [])
        if shipment["fulfillmentShipmentStatus"] == "SHIPPED"
        for item in shipment["fulfillmentShipmentItem"]
    )
    return payload["fulfillmentOrder"]["fulfillmentOrderStatus"], lines, shipped


@pytest.mark.parametrize("policy", ["FillAllAvailable", "FillAll"])
def test_a_shortfall_ships_every_reserved_unit(mcf, policy):
    mcf.stock("MUG", 2)
    assert mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy=policy).status_code == 200
    response = mcf.set_status("O-1", "CompletePartialled")
    assert response.status_code == 200, response.text
    assert _items(mcf, "O-1") == ("CompletePartialled", {"MUG": (3, 0, 1)}, 2)


def test_a_short_order_of_one_unit_left_can_complete_partially(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    response = mcf.set_status("O-1", "CompletePartialled")
    assert response.status_code == 200, response.text
    assert _items(mcf, "O-1") == ("CompletePartialled", {"MUG": (2, 0, 1)}, 1)


def test_units_given_up_add_to_those_already_unfulfillable(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    assert _items(mcf, "O-1")[1] == {"MUG": (3, 0, 2)}
    response = mcf.set_status("O-1", "Unfulfillable")
    assert response.status_code == 200, response.text
    assert _items(mcf, "O-1") == ("Unfulfillable", {"MUG": (3, 0, 3)}, 0)
    assert mcf.details("MUG")["fulfillableQuantity"] == 1
