"""A 2020-07-01 order's delivery preferences (instructions, drop-off place and its attributes) read back
in 2026-07-04's destination."""

from __future__ import annotations

from tests.api.outbound.support import V2026


def test_drop_off_type_and_attributes_read_back_in_2026(mcf):
    mcf.stock("MUG", 1)
    drop_off = {
        "type": "FALLBACK_NEIGHBOR_DELIVERY",
        "attributes": {"neighborName": "Sam Roe", "houseNumber": "3"},
    }
    preferences = {"deliveryInstructions": "Ring twice", "dropOffLocation": drop_off}
    response = mcf.create("O-DROP", {"MUG": 1}, deliveryPreferences=preferences)
    assert response.status_code == 200, response.text
    order = mcf.call("GET", f"{V2026}/orders/O-DROP")
    assert order.status_code == 200, order.text
    destination = order.json()["order"]["destination"]
    assert destination["deliveryNotes"] == "Ring twice"
    assert destination["dropOffLocation"] == drop_off
