"""A 2020-07-01 order line's own texts (gift message, displayable comment) read back as they were sent."""

from __future__ import annotations

from tests.api.outbound.support import V2020, order_body


def test_a_lines_gift_message_and_comment_read_back(mcf):
    mcf.stock("MUG-01", 1)
    body = order_body("O-LINE")
    body["items"][0] |= {"giftMessage": "Happy birthday", "displayableComment": "Handle with care"}
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)
    assert response.status_code == 200, response.text
    [item] = mcf.order("O-LINE")["fulfillmentOrderItems"]
    assert (item["giftMessage"], item["displayableComment"]) == ("Happy birthday", "Handle with care")
