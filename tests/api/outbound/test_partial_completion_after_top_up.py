"""The sandbox's CompletePartialled needs two units when nothing would be short: a FillAll order short at
creation counts as short only while the stock that arrived since cannot top it up at picking. A one-unit
order that picking would fill is refused (before, it was accepted and ended Complete); two such units
split into one shipped and one unfulfillable."""

from __future__ import annotations

from tests.api.outbound.test_status_update_refusals import refusal


def test_a_one_unit_fill_all_order_that_picking_would_fill_is_refused(mcf):
    mcf.stock("MUG", 0)
    assert mcf.create("O-1", {"MUG": 1}, fulfillmentPolicy="FillAll").status_code == 200
    mcf.add("MUG", 3)
    assert refusal(mcf, "O-1", "CompletePartialled") == (
        "Cannot move fulfillment order O-1 from Received to CompletePartialled: "
        "a partial completion needs at least two units."
    )
    assert mcf.order("O-1")["fulfillmentShipments"] == []
    assert mcf.details("MUG")["fulfillableQuantity"] == 3


def test_a_two_unit_fill_all_order_topped_up_at_picking_splits_them(mcf):
    mcf.stock("MUG", 0)
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAll").status_code == 200
    mcf.add("MUG", 3)
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 200
    order = mcf.order("O-1")
    (item,) = order["fulfillmentOrderItems"]
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "CompletePartialled"
    assert item["unfulfillableQuantity"] == 1
    assert [i["quantity"] for s in order["fulfillmentShipments"] for i in s["fulfillmentShipmentItem"]] == [1]
    assert mcf.details("MUG")["fulfillableQuantity"] == 2
