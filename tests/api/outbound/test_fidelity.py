"""Requests that pass locally but fail against Amazon: money, preview quantities, PRIORITY in 2026-07-04,
Japanese addresses, and each version's own field names in its errors."""

from __future__ import annotations

import pytest

from tests.api.outbound.support import ADDRESS, JP, JP_ADDRESS, V2020, V2026, order_body
from tests.conftest import issue_token

LINE_2026 = {
    "lineItemId": "L1",
    "product": {"productIdentifier": {"amazonSku": "MUG-01"}},
    "amount": {"unit": "EACHES", "value": "1"},
}
PREVIEW_LINE = {key: value for key, value in LINE_2026.items() if key != "lineItemId"}
BAD_MONEY = [
    ("USD", "abc", "is not a decimal number"),
    ("USD", "12,50", "is not a decimal number"),
    ("USD", "-5", "must not be negative"),
    ("XYZ", "5.00", "ISO 4217"),
]


def _error(response, fragment: str) -> str:
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["code"] == "InvalidInput" and fragment in error["message"], error
    return f"{error['message']} {error['details']}"


@pytest.mark.parametrize(("currency", "value", "fragment"), BAD_MONEY)
def test_2020_money_is_validated_as_amazon_does(mcf, currency, value, fragment):
    mcf.stock("MUG-01", 5)
    body = order_body("M-1")
    body["items"][0]["perUnitDeclaredValue"] = {"currencyCode": currency, "value": value}
    assert "perUnitDeclaredValue" in _error(
        mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body), fragment
    )
    cod = order_body("M-2") | {
        "codSettings": {"isCodRequired": False, "codCharge": {"currencyCode": currency, "value": value}}
    }
    assert "codSettings.codCharge" in _error(
        mcf.call("POST", f"{V2020}/fulfillmentOrders", json=cod), fragment
    )
    assert mcf.details("MUG-01")["fulfillableQuantity"] == 5  # nothing reserved


@pytest.mark.parametrize(("currency", "value", "fragment"), BAD_MONEY)
def test_2026_money_is_validated_as_amazon_does(mcf, currency, value, fragment):
    mcf.stock("MUG-01", 5)
    line = {
        **LINE_2026,
        "product": {
            **LINE_2026["product"],
            "perUnitDeclaredValue": {"currencyCode": currency, "amount": value},
        },
    }
    body = {"orderId": "M-3", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [line]}
    assert "perUnitDeclaredValue" in _error(mcf.call("POST", f"{V2026}/orders", json=body), fragment)


def test_good_money_is_kept(mcf):
    mcf.stock("MUG-01", 5)
    body = order_body("M-4")
    body["items"][0]["perUnitDeclaredValue"] = {"currencyCode": "USD", "value": "0"}
    body["items"][0]["perUnitPrice"] = {"currencyCode": "EUR", "value": "12.50"}
    assert mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body).status_code == 200
    item = mcf.order("M-4")["fulfillmentOrderItems"][0]
    assert item["perUnitPrice"] == {"currencyCode": "EUR", "value": "12.50"}


@pytest.mark.parametrize("quantity", [-3, 0])
def test_previews_reject_quantities_below_one_as_creates_do(mcf, quantity):
    mcf.stock("MUG-01", 5)
    item = {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "line-1", "quantity": quantity}
    body = {"marketplaceId": "ATVPDKIKX0DER", "address": ADDRESS, "items": [item]}
    message = _error(mcf.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body), "must be positive")
    assert "sellerFulfillmentOrderItemId line-1" in message
    line = {**PREVIEW_LINE, "amount": {"unit": "EACHES", "value": str(quantity)}}
    body_2026 = {"destination": {"deliveryAddress": ADDRESS}, "lineItems": [line]}
    message = _error(mcf.call("POST", f"{V2026}/previews", json=body_2026), "must be positive")
    assert "lineItems[0]" in message and "sellerFulfillmentOrderItemId" not in message


def test_priority_is_not_offered_in_the_us_by_2026_but_is_by_2020(mcf):
    mcf.stock("MUG-01", 5)
    priority = {"fulfillmentConfiguration": {"serviceLevel": {"serviceTiers": ["PRIORITY"]}}}
    body = {"orderId": "P-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [LINE_2026]}
    message = _error(mcf.call("POST", f"{V2026}/orders", json=body | priority), "not available")
    assert "serviceTiers=Priority" in message
    offers = mcf.call(
        "POST",
        f"{V2026}/offers",
        json={"origin": {"countryCode": "US"}, "items": [{"productIdentifier": {"amazonSku": "MUG-01"}}]},
    ).json()["offerResults"][0]["offers"]
    tiers = {o["fulfillmentConfiguration"]["serviceLevel"]["serviceTier"] for o in offers}
    assert tiers == {"STANDARD", "EXPEDITED"}
    asked = mcf.call(
        "POST",
        f"{V2026}/previews",
        json={"destination": {"deliveryAddress": ADDRESS}, "lineItems": [PREVIEW_LINE]} | priority,
    ).json()
    assert asked["plannedShipments"][0]["offers"] == []
    assert asked["constraints"][0]["code"] == "DeliverySLAUnavailable"
    assert mcf.create("P-2", {"MUG-01": 1}, shippingSpeedCategory="Priority").status_code == 200


def test_a_city_in_a_japanese_address_is_refused(runtime, client, mcf):
    runtime.accounts.add_seller("A3JAPANSELLER", [JP])  # the default seller stays as it is for other tests
    token = runtime.accounts.add_refresh_token("amzn1.application-oa2-client.mcfemulator", "A3JAPANSELLER")
    mcf.headers = {"x-amz-access-token": issue_token(client, token)}
    mcf.stock("MUG-01", 5, marketplace=JP)
    body = order_body("JP-1") | {"marketplaceId": JP, "destinationAddress": {**JP_ADDRESS, "city": "Tokyo"}}
    _error(mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body), "city must not be used in Japan")
    body["destinationAddress"] = JP_ADDRESS
    assert mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body).status_code == 200, (
        "without city it is fine"
    )


def test_2026_errors_speak_2026_field_names(mcf):
    missing = mcf.call("GET", f"{V2026}/orders/NOPE")
    assert missing.status_code == 404 and missing.json()["errors"][0]["details"] == "orderId=NOPE"
    body = {"orderId": "W-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [LINE_2026]}
    unknown = mcf.call("POST", f"{V2026}/orders", json=body)
    error = unknown.json()["errors"][0]
    assert (
        unknown.status_code == 400
        and "lineItemId L1" in error["message"]
        and "Item Id" not in error["message"]
    )
    assert error["details"] == "amazonSku=MUG-01"
    preview = mcf.call(
        "POST",
        f"{V2026}/previews",
        json={"destination": {"deliveryAddress": ADDRESS}, "lineItems": [PREVIEW_LINE]},
    )
    assert preview.json()["errors"][0]["message"] == "the amazonSku of lineItems[0] is invalid."
    bad_id = mcf.call("POST", f"{V2026}/orders", json=body | {"orderId": "has space"})
    assert bad_id.json()["errors"][0]["details"].startswith("orderId=")
    old = mcf.call("POST", f"{V2020}/fulfillmentOrders", json=order_body("W-2"))
    assert old.json()["errors"][0]["message"] == "the SellerSKU for Item Id: line-1 is invalid."
