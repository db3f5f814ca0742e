"""A 2020-07-01 order line reads back its fulfillment network SKU and per-unit price, tax and declared value
as they were sent, and shows `orderItemDisposition: Sellable` while it has units held for it or shipped
(none while nothing was ever held for it)."""

from __future__ import annotations

from tests.api.outbound.support import V2020, order_body


def test_a_lines_network_sku_and_per_unit_money_read_back(mcf):
    mcf.stock("MUG-01", 1)
    body = order_body("O-MONEY")
    body["items"][0] |= {
        "fulfillmentNetworkSku": "X00MUG0001",
        "perUnitPrice": {"currencyCode": "USD", "value": "12.50"},
        "perUnitTax": {"currencyCode": "USD", "value": "1.10"},
        "perUnitDeclaredValue": {"currencyCode": "USD", "value": "9.99"},
    }
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)
    assert response.status_code == 200, response.text
    [item] = mcf.order("O-MONEY")["fulfillmentOrderItems"]
    assert item["fulfillmentNetworkSku"] == "X00MUG0001"
    assert item["perUnitPrice"] == {"currencyCode": "USD", "value": "12.50"}
    assert item["perUnitTax"] == {"currencyCode": "USD", "value": "1.10"}
    assert item["perUnitDeclaredValue"] == {"currencyCode": "USD", "value": "9.99"}


def test_a_line_is_sellable_while_units_are_held_for_it_and_once_they_shipped(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    [held] = mcf.order("O-1")["fulfillmentOrderItems"]
    assert held["orderItemDisposition"] == "Sellable"
    mcf.advance(3 * 86400)
    order = mcf.order("O-1")
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    [shipped] = order["fulfillmentOrderItems"]
    assert shipped["orderItemDisposition"] == "Sellable"


def test_a_line_nothing_was_held_for_has_no_disposition(mcf):
    mcf.stock("MUG", 0)
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAll").status_code == 200
    [item] = mcf.order("O-1")["fulfillmentOrderItems"]
    assert "orderItemDisposition" not in item
