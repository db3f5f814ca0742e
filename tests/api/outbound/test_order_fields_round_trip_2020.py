"""A 2020-07-01 order reads back what was sent: each line's network SKU and per-unit price, tax and
declared value, the destination's second and third address lines and district, and the disposition of
reserved units (`Sellable`). An amount of money that is not a decimal number, on a line or in the COD
settings, is refused naming its own field exactly in the message and `details`."""

from __future__ import annotations

import pytest

from tests.api.outbound.support import ADDRESS, V2020, order_body

FULL_ADDRESS = ADDRESS | {
    "addressLine2": "Suite 200",
    "addressLine3": "Building B",
    "districtOrCounty": "King",
    "phone": "+1 206 555 0100",
}
DETAILS = {
    "fulfillmentNetworkSku": "X00ABCDEFG",
    "perUnitPrice": {"currencyCode": "USD", "value": "19.99"},
    "perUnitTax": {"currencyCode": "USD", "value": "1.80"},
    "perUnitDeclaredValue": {"currencyCode": "USD", "value": "12.50"},
}


def test_line_details_and_full_address_read_back(mcf):
    mcf.stock("MUG-01", 1)
    body = order_body("O-FULL") | {"destinationAddress": FULL_ADDRESS}
    body["items"][0] |= DETAILS
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)
    assert response.status_code == 200, response.text
    payload = mcf.order("O-FULL")
    assert payload["fulfillmentOrder"]["destinationAddress"] == FULL_ADDRESS
    [item] = payload["fulfillmentOrderItems"]
    assert {key: item.get(key) for key in DETAILS} == DETAILS
    assert item["orderItemDisposition"] == "Sellable"


MONEY_FIELDS = [
    ("line", "perUnitPrice", "perUnitPrice"),
    ("line", "perUnitTax", "perUnitTax"),
    ("cod", "codCharge", "codSettings.codCharge"),
    ("cod", "codChargeTax", "codSettings.codChargeTax"),
    ("cod", "shippingCharge", "codSettings.shippingCharge"),
    ("cod", "shippingChargeTax", "codSettings.shippingChargeTax"),
]


@pytest.mark.parametrize(("where", "key", "field"), MONEY_FIELDS)
def test_a_refused_amount_names_its_field(mcf, where, key, field):
    mcf.stock("MUG-01", 5)
    body = order_body("M-1")
    money = {"currencyCode": "USD", "value": "12,50"}
    if where == "line":
        body["items"][0][key] = money
    else:
        body["codSettings"] = {"isCodRequired": False, key: money}
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert (error["code"], error["message"], error["details"]) == (
        "InvalidInput",
        f"{field}.value '12,50' is not a decimal number.",
        f"{field}.value=12,50",
    )
    assert mcf.details("MUG-01")["fulfillableQuantity"] == 5  # nothing reserved
