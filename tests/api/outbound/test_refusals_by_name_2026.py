"""2026-07-04 refusals that name what was wrong: an order status updateOrderStatus cannot walk to, a
preview service tier that does not exist, and a preview origin the seller cannot ship from."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import ADDRESS, V2026, Mcf

LINE = {"product": {"productIdentifier": {"amazonSku": "MUG"}}, "amount": {"unit": "EACHES", "value": "1"}}


def error_of(response: Any) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    return dict(error)


def preview(mcf: Mcf, **fields: Any) -> Any:
    body = {"destination": {"deliveryAddress": ADDRESS}, "lineItems": [LINE], **fields}
    return mcf.call("POST", f"{V2026}/previews", json=body)


def test_a_status_that_is_not_an_order_status_is_refused_by_name(mcf):
    mcf.stock("MUG", 5)
    line = {**LINE, "lineItemId": "L1"}
    body = {"orderId": "N-1", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [line]}
    assert mcf.call("POST", f"{V2026}/orders", json=body).status_code == 200
    error = error_of(mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "SHIPPED"}))
    assert error["message"] == (
        "status must be one of PROCESSING, COMPLETE, COMPLETE_PARTIAL, CANCELLED, UNFULFILLABLE, INVALID "
        "(got 'SHIPPED')."
    )
    assert error["details"] == "status=SHIPPED"


def test_a_preview_tier_that_does_not_exist_is_refused_by_name(mcf):
    mcf.stock("MUG", 5)
    tiers = {"serviceLevel": {"serviceTiers": ["STANDARD", "WARP"]}}
    error = error_of(preview(mcf, fulfillmentConfiguration=tiers))
    assert error["message"] == (
        "serviceTiers must be one of STANDARD, EXPEDITED, PRIORITY, SCHEDULED (got 'WARP')."
    )
    assert error["details"] == "serviceTiers=WARP"


def test_a_preview_from_an_unknown_origin_is_refused_by_name(mcf):
    mcf.stock("MUG", 5)
    error = error_of(preview(mcf, origin={"countryCode": "XX"}))
    assert error["message"] == "origin.countryCode 'XX' is not supported."
    assert error["details"] == "origin.countryCode"


def test_a_preview_from_a_marketplace_the_seller_is_not_in_is_refused(mcf):
    mcf.stock("MUG", 5)
    error = error_of(preview(mcf, origin={"countryCode": "GB"}))
    assert error["message"] == "The seller does not participate in marketplace A1F83G8C2ARO7P."
    assert preview(mcf, origin={"countryCode": "US"}).status_code == 200
