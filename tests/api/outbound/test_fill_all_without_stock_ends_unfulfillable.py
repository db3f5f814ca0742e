"""A FillAll order whose stock never arrives is picked with nothing to ship and, at the FillAll deadline, ends
Unfulfillable (not CompletePartialled: nothing shipped): every unit unfulfillable, no shipment."""

from __future__ import annotations

from tests.api.outbound.support import V2026


def test_a_fill_all_order_that_never_gets_stock_ends_unfulfillable(mcf):
    mcf.stock("MUG", 0)
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAll").status_code == 200
    assert mcf.status_of("O-1") == "Received"
    mcf.advance(3 * 86400)
    order = mcf.order("O-1")
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Unfulfillable"
    [item] = order["fulfillmentOrderItems"]
    assert (item["quantity"], item["unfulfillableQuantity"], item["cancelledQuantity"]) == (2, 2, 0)
    assert order.get("fulfillmentShipments", []) == []
    response = mcf.call("GET", f"{V2026}/orders/O-1")
    assert response.status_code == 200, response.text
    assert response.json()["order"]["status"] == "UNFULFILLABLE"
