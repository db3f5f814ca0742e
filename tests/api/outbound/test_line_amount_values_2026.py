"""createOrder (2026-07-04) reads a line's `amount.value` as a decimal string of whole eaches: a value that is
not a decimal is refused by name, one beyond int32 is refused as not whole, and the largest int32 passes that
check and meets the order's 250-unit limit instead."""

from __future__ import annotations

from tests.api.outbound.test_create_order_refusals_2026 import refusal
from tests.api.outbound.test_outbound_2026 import LINE


def units(value: str) -> list[dict[str, str]]:
    return [{**LINE, "amount": {"unit": "EACHES", "value": value}}]


def test_a_line_amount_that_is_not_a_decimal_is_refused_by_name(mcf):
    error = refusal(mcf, lineItems=units("abc"))
    assert error["message"] == "amount.value 'abc' is not a decimal number."
    assert error["details"] == "amount.value"


def test_the_largest_int32_amount_is_whole_and_meets_the_order_size_limit(mcf):
    error = refusal(mcf, lineItems=units("2147483647"))
    assert error["message"] == "An order may have at most 250 units."
    assert error["details"] == "lineItems"


def test_an_amount_beyond_int32_is_not_a_whole_number_of_eaches(mcf):
    error = refusal(mcf, lineItems=units("2147483648"))
    assert error["message"] == "amount.value must be a whole number of eaches (got '2147483648')."
    assert error["details"] == "amount.value"
