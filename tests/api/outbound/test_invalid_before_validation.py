"""The sandbox status update can make an order Invalid while it is still New (validation pending), as it can
once Received; its reserved units go back to fulfillable stock."""

from __future__ import annotations


def test_a_new_order_can_be_made_invalid(mcf):
    mcf.set_timings(received_after=60)
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    assert mcf.status_of("O-1") == "New"
    moved = mcf.set_status("O-1", "Invalid")
    assert moved.status_code == 200, moved.text
    order = mcf.order("O-1")
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Invalid"
    assert order["fulfillmentOrderItems"][0]["unfulfillableQuantity"] == 2
    assert mcf.details("MUG")["fulfillableQuantity"] == 5
