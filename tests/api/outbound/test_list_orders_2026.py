"""listOrders (2026-07-04): which orders an updatedAfter selects, and the one it cannot read."""

from __future__ import annotations

from emulator.apis.outbound.text import at
from tests.api.outbound.support import V2026


def test_updated_after_selects_orders_changed_since(mcf):
    mcf.runtime.clock.freeze()
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    mcf.advance(60)
    since = at(mcf.runtime.clock.timestamp())
    mcf.advance(60)
    assert mcf.create("O-2", {"MUG": 1}).status_code == 200
    response = mcf.call("GET", f"{V2026}/orders", params={"updatedAfter": since})
    assert response.status_code == 200, response.text
    assert [o["orderId"] for o in response.json()["orders"]] == ["O-2"]


def test_an_updated_after_that_is_no_instant_is_refused_by_name(mcf):
    # a leap second passes the model's date-time format but is no instant
    response = mcf.call("GET", f"{V2026}/orders", params={"updatedAfter": "2026-06-30T23:59:60Z"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == "updatedAfter is not a valid ISO 8601 date-time."
    assert error["details"] == "updatedAfter=2026-06-30T23:59:60Z"
