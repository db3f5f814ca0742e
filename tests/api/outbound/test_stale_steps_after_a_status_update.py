"""A step scheduled before a sandbox status update never fires: an order moved to Planning by hand is
not planned a second time when its old planning step comes due, so its status stays dated to the update
and picking starts on the update's own schedule."""

from __future__ import annotations

from emulator.apis.outbound.timings import DEFAULT


def test_an_order_moved_to_planning_is_not_planned_again(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    mcf.advance(60)
    assert mcf.set_status("O-1", "Planning").status_code == 200
    moved = mcf.order("O-1")["fulfillmentOrder"]["statusUpdatedDate"]
    mcf.advance(DEFAULT.planning_after)  # the planning step scheduled at creation comes due
    order = mcf.order("O-1")["fulfillmentOrder"]
    assert (order["fulfillmentOrderStatus"], order["statusUpdatedDate"]) == ("Planning", moved)
    mcf.advance(DEFAULT.processing_after - DEFAULT.planning_after)  # picking is due from the update
    assert mcf.status_of("O-1") == "Processing"
