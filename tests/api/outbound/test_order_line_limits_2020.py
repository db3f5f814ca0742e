"""createFulfillmentOrder (2020-07-01) refuses an order beyond Amazon's line limits with a 400 that names
the rule and the `items` field, and stores nothing."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import V2020, order_body


def refusal(mcf, items: list[dict[str, Any]]) -> dict[str, Any]:
    body = {**order_body("LIMITS"), "items": items}
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["code"] == "InvalidInput"
    assert mcf.call("GET", f"{V2020}/fulfillmentOrders/LIMITS").status_code == 404
    return error


def test_line_ids_must_be_unique_within_an_order(mcf):
    mcf.stock("MUG-01", 5)
    mcf.stock("MUG-02", 5)
    items = [
        {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "line-1", "quantity": 1},
        {"sellerSku": "MUG-02", "sellerFulfillmentOrderItemId": "line-1", "quantity": 1},
    ]
    error = refusal(mcf, items)
    assert error["message"] == "sellerFulfillmentOrderItemId values must be unique within an order."
    assert error["details"] == "items"


def test_an_order_may_have_at_most_250_units(mcf):
    mcf.stock("MUG-01", 300)
    items = [
        {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "line-1", "quantity": 200},
        {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "line-2", "quantity": 51},
    ]
    error = refusal(mcf, items)
    assert error["message"] == "An order may have at most 250 units."
    assert error["details"] == "items"
