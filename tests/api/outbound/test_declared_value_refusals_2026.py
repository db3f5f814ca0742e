"""createOrder (2026-07-04) refuses a line's `product.perUnitDeclaredValue` that is not money by its full name
(`product.perUnitDeclaredValue.amount`), and a valid one reads back on the line."""

from __future__ import annotations

from tests.api.outbound.test_create_order_refusals_2026 import refusal
from tests.api.outbound.test_outbound_2026 import LINE, create, get


def declared(value: dict[str, str]) -> list[dict[str, object]]:
    return [{**LINE, "product": {**LINE["product"], "perUnitDeclaredValue": value}}]


def test_a_declared_value_that_is_not_a_decimal_is_refused_by_its_full_name(mcf):
    error = refusal(mcf, lineItems=declared({"currencyCode": "USD", "amount": "abc"}))
    assert error["message"] == "product.perUnitDeclaredValue.amount 'abc' is not a decimal number."
    assert error["details"] == "product.perUnitDeclaredValue.amount=abc"


def test_a_declared_value_reads_back_on_the_line(mcf):
    mcf.stock("MUG", 5)
    assert create(mcf, lineItems=declared({"currencyCode": "USD", "amount": "9.99"})).status_code == 200
    [line] = get(mcf)["lineItems"]
    assert line["product"]["perUnitDeclaredValue"] == {"currencyCode": "USD", "amount": "9.99"}
