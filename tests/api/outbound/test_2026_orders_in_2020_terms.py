"""An order created through 2026-07-04, which has no displayable fields of its own, read through
2020-07-01: its displayableOrderId is its orderId, its displayableOrderDate the time it was received, and
its displayableOrderComment is empty."""

from __future__ import annotations

from tests.api.outbound.test_outbound_2026 import create


def test_a_2026_order_shows_its_id_receipt_and_an_empty_comment_as_displayable_fields(mcf):
    mcf.stock("MUG", 5)
    response = create(mcf, "N-SHOWN")
    assert response.status_code == 200, response.text
    received = response.json()["order"]["receiveTime"]
    legacy = mcf.order("N-SHOWN")["fulfillmentOrder"]
    assert legacy["displayableOrderId"] == "N-SHOWN"
    assert legacy["displayableOrderDate"] == received
    assert legacy["displayableOrderComment"] == ""
