"""A refused amount of money names the field at fault in its message and its `details`, in each version's
own words: the currency code (`X.currencyCode`) or the amount (`X.value` in 2020-07-01, `X.amount` in
2026-07-04), with the value the client sent."""

from __future__ import annotations

import pytest

from tests.api.outbound.support import ADDRESS, V2020, V2026, order_body

CASES = [
    (
        "XYZ",
        "5.00",
        "{f}.currencyCode must be an ISO 4217 currency code (got 'XYZ').",
        "{f}.currencyCode=XYZ",
    ),
    ("USD", "12,50", "{f}.{a} '12,50' is not a decimal number.", "{f}.{a}=12,50"),
    ("USD", "-5", "{f}.{a} must not be negative (got '-5').", "{f}.{a}=-5"),
]


def _error(response):
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert error["code"] == "InvalidInput"
    return error["message"], error["details"]


@pytest.mark.parametrize(("currency", "value", "message", "details"), CASES)
def test_2020_money_refusals_name_the_field(mcf, currency, value, message, details):
    mcf.stock("MUG-01", 5)
    body = order_body("M-1")
    body["items"][0]["perUnitDeclaredValue"] = {"currencyCode": currency, "value": value}
    field = "perUnitDeclaredValue"
    assert _error(mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)) == (
        message.format(f=field, a="value"),
        details.format(f=field, a="value"),
    )


@pytest.mark.parametrize(("currency", "value", "message", "details"), CASES)
def test_2026_money_refusals_name_the_field(mcf, currency, value, message, details):
    mcf.stock("MUG-01", 5)
    money = {"currencyCode": currency, "amount": value}
    line = {
        "lineItemId": "L1",
        "product": {"productIdentifier": {"amazonSku": "MUG-01"}, "perUnitDeclaredValue": money},
        "amount": {"unit": "EACHES", "value": "1"},
    }
    body = {"orderId": "M-2", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [line]}
    field = "product.perUnitDeclaredValue"
    assert _error(mcf.call("POST", f"{V2026}/orders", json=body)) == (
        message.format(f=field, a="amount"),
        details.format(f=field, a="amount"),
    )
