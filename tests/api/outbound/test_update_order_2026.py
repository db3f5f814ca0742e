"""updateOrder (2026-07-04): an action it does not know is refused by name, and the order keeps its own."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, V2026


def test_an_unknown_action_is_refused_by_name(mcf):
    mcf.stock("MUG", 5)
    line = {
        "lineItemId": "L1",
        "product": {"productIdentifier": {"amazonSku": "MUG"}},
        "amount": {"unit": "EACHES", "value": "1"},
    }
    body = {
        "orderId": "N-1",
        "destination": {"deliveryAddress": ADDRESS},
        "lineItems": [line],
        "fulfillmentConfiguration": {"action": "HOLD"},
    }
    assert mcf.call("POST", f"{V2026}/orders", json=body).status_code == 200
    response = mcf.call("PUT", f"{V2026}/orders/N-1", json={"fulfillmentConfiguration": {"action": "PAUSE"}})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == "action must be one of SHIP, HOLD (got 'PAUSE')."
    assert error["details"] == "action=PAUSE"
    order = mcf.call("GET", f"{V2026}/orders/N-1").json()["order"]
    assert order["fulfillmentConfiguration"]["action"] == "HOLD"
