"""What an order line stores as its details (a snapshot shows it): nothing when the request gave none, in
both versions, so a 2026-07-04 line and a 2020-07-01 line without extras are stored alike; the details
themselves when there are some (a declared value)."""

from __future__ import annotations

from emulator.apis.outbound import wire_2020, wire_2026
from emulator.apis.outbound.records import LineDetails, Money, Order
from tests.api.outbound.support import ADDRESS, order_body

NOW = 1_780_000_000.0
LINE = {"product": {"productIdentifier": {"amazonSku": "MUG"}}, "amount": {"unit": "EACHES", "value": "1"}}


def draft_2026(**line: object) -> Order:
    body = {"orderId": "N-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [{**LINE, **line}]}
    return wire_2026.draft(body, NOW)


def test_a_line_without_extras_stores_no_details_in_either_version():
    assert [line.details for line in wire_2020.draft(order_body("O-1")).lines] == [None]
    assert [line.details for line in draft_2026().lines] == [None]


def test_a_line_with_a_declared_value_stores_it():
    value = {"currencyCode": "USD", "amount": "12.50"}
    product = {"productIdentifier": {"amazonSku": "MUG"}, "perUnitDeclaredValue": value}
    [line] = draft_2026(product=product).lines
    assert line.details == LineDetails(per_unit_declared_value=Money(currency_code="USD", amount="12.50"))
