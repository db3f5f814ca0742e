"""An order the seller does not have is a 404 that names it, in the words of the parameter the request
named it with: `sellerFulfillmentOrderId` in 2020-07-01, `orderId` in 2026-07-04, whether the order is
read, cancelled or moved on."""

from __future__ import annotations

import pytest

from tests.api.outbound.support import V2020, V2026


def not_found(response, field):
    assert response.status_code == 404, response.text
    (error,) = response.json()["errors"]
    assert error == {
        "code": "NotFound",
        "message": "Fulfillment order 'NOPE-1' was not found.",
        "details": f"{field}=NOPE-1",
    }


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/fulfillmentOrders/NOPE-1", None),
        ("PUT", "/fulfillmentOrders/NOPE-1/cancel", None),
        ("PUT", "/fulfillmentOrders/NOPE-1/status", {"fulfillmentOrderStatus": "Planning"}),
    ],
)
def test_an_unknown_2020_order_is_named_by_seller_fulfillment_order_id(mcf, method, path, body):
    not_found(mcf.call(method, f"{V2020}{path}", json=body), "sellerFulfillmentOrderId")


@pytest.mark.parametrize(("method", "path"), [("GET", "/orders/NOPE-1"), ("PUT", "/orders/NOPE-1/cancel")])
def test_an_unknown_2026_order_is_named_by_order_id(mcf, method, path):
    not_found(mcf.call(method, f"{V2026}{path}"), "orderId")
