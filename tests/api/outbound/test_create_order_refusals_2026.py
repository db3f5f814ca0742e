"""createOrder (2026-07-04) refusals that name what was wrong: a service tier, fulfillment action or policy
that does not exist, an origin country the emulator does not know, a line amount in a unit other than
EACHES or not a whole number, a line's payment-on-delivery price that is not a decimal, and an orderId
longer than 40 characters (so `displayableOrderId`, the orderId cut to 40, is always the whole orderId).
A refused order is not stored."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import V2026, Mcf
from tests.api.outbound.test_outbound_2026 import LINE, create


def refusal(mcf: Mcf, order_id: str = "N-1", **fields: Any) -> dict[str, Any]:
    """The one error of a createOrder that must be refused, after checking nothing was stored."""
    mcf.stock("MUG", 5)
    response = create(mcf, order_id, **fields)
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["code"] == "InvalidInput"
    assert mcf.call("GET", f"{V2026}/orders/{order_id}").status_code == 404
    return dict(error)


def test_an_unknown_service_tier_is_refused_by_name(mcf):
    error = refusal(mcf, fulfillmentConfiguration={"serviceLevel": {"serviceTiers": ["WARP"]}})
    assert error["message"] == (
        "serviceTiers must be one of STANDARD, EXPEDITED, PRIORITY, SCHEDULED (got 'WARP')."
    )
    assert error["details"] == "serviceTiers=WARP"


def test_an_unknown_fulfillment_action_is_refused_by_name(mcf):
    error = refusal(mcf, fulfillmentConfiguration={"action": "LAUNCH"})
    assert error["message"] == "action must be one of SHIP, HOLD (got 'LAUNCH')."
    assert error["details"] == "action=LAUNCH"


def test_an_unknown_fulfillment_policy_is_refused_by_name(mcf):
    error = refusal(mcf, fulfillmentConfiguration={"policy": "FILL_SOME"})
    assert error["message"] == (
        "policy must be one of FILL_OR_KILL, FILL_ALL, FILL_ALL_AVAILABLE (got 'FILL_SOME')."
    )
    assert error["details"] == "policy=FILL_SOME"


def test_an_unknown_origin_country_is_refused_by_name(mcf):
    error = refusal(mcf, origin={"countryCode": "XX"})
    assert error["message"] == "origin.countryCode 'XX' is not supported."
    assert error["details"] == "origin.countryCode"


def test_a_line_amount_in_another_unit_is_refused_by_name(mcf):
    error = refusal(mcf, lineItems=[{**LINE, "amount": {"unit": "CASES", "value": "2"}}])
    assert error["message"] == "amount.unit must be EACHES."
    assert error["details"] == "amount.unit=CASES"


def test_a_line_amount_that_is_not_whole_is_refused_by_name(mcf):
    error = refusal(mcf, lineItems=[{**LINE, "amount": {"unit": "EACHES", "value": "1.5"}}])
    assert error["message"] == "amount.value must be a whole number of eaches (got '1.5')."
    assert error["details"] == "amount.value"


def test_a_line_payment_on_delivery_price_that_is_not_a_decimal_is_refused_by_name(mcf):
    price = {"currencyCode": "USD", "amount": "abc"}
    services = {"delivery": {"paymentOnDelivery": {"perUnitServicePrice": price}}}
    line = {**LINE, "fulfillmentConfiguration": {"services": services}}
    error = refusal(mcf, lineItems=[line])
    assert error["message"] == "paymentOnDelivery.perUnitServicePrice.amount 'abc' is not a decimal number."
    assert error["details"] == "paymentOnDelivery.perUnitServicePrice.amount=abc"


def test_an_order_id_longer_than_40_characters_is_refused(mcf):
    mcf.stock("MUG", 5)
    response = create(mcf, "A" * 41)
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["message"] == "orderId must be 1 to 40 characters of letters, digits, '-' or '_'."
    assert error["details"] == f"orderId={'A' * 41}"
