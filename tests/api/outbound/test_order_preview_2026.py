"""getOrderPreview (2026-07-04): the planned items and intervals, payment-on-delivery offers, and the
constraints that name what cannot be met."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.api.listings.conftest import at
from tests.api.outbound.support import ADDRESS, JP_ADDRESS, US, V2026, Mcf


def line(sku: str, units: str) -> dict[str, Any]:
    return {"product": {"productIdentifier": {"amazonSku": sku}}, "amount": {"value": units}}


def preview(
    mcf: Mcf, lines: list[dict[str, Any]], address: dict[str, str] = ADDRESS, **fields: Any
) -> dict[str, Any]:
    body = {"destination": {"deliveryAddress": address}, "lineItems": lines, **fields}
    response = mcf.call("POST", f"{V2026}/previews", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_the_planned_shipment_has_the_units_and_intervals_that_span_time(mcf):
    mcf.stock("MUG", 5)
    [shipment] = preview(mcf, [line("MUG", "2")])["plannedShipments"]
    assert shipment["items"] == [
        {"productIdentifier": {"amazonSku": "MUG"}, "amount": {"unit": "EACHES", "value": "2.0"}}
    ]
    for offer in shipment["offers"]:
        level = offer["fulfillmentConfiguration"]["serviceLevel"]
        ship, delivery = level["shipInterval"], level["deliveryInterval"]
        assert ship["startTime"] < ship["endTime"], level
        assert delivery["startTime"] < delivery["endTime"], level
        assert ship["startTime"] < delivery["startTime"], level


def test_a_tier_the_marketplace_lacks_is_a_constraint_naming_the_tier(mcf):
    mcf.stock("MUG", 5)
    tiers = {"serviceLevel": {"serviceTiers": ["STANDARD", "PRIORITY"]}}
    result = preview(mcf, [line("MUG", "1")], fulfillmentConfiguration=tiers)
    assert result["constraints"] == [
        {
            "type": "ValidationError",
            "code": "DeliverySLAUnavailable",
            "message": "DeliverySLAUnavailable for service tier PRIORITY.",
            "details": [{"type": "serviceTier", "value": "PRIORITY"}],
        }
    ]
    [shipment] = result["plannedShipments"]
    assert [o["fulfillmentConfiguration"]["serviceLevel"]["serviceTier"] for o in shipment["offers"]] == [
        "STANDARD"
    ]


def test_a_sku_without_an_fba_offer_is_named_with_its_marketplace(mcf):
    mcf.stock("MUG", 5)
    deleted = mcf.call("DELETE", at("MUG"), params={"marketplaceIds": US})
    assert deleted.status_code == 200, deleted.text
    assert preview(mcf, [line("MUG", "1")])["constraints"] == [
        {
            "type": "ValidationError",
            "code": "InvalidSku",
            "message": f"The SKU 'MUG' has no offer fulfilled by Amazon in marketplace {US}.",
            "details": [{"type": "amazonSku", "value": "MUG"}],
        }
    ]


def test_payment_on_delivery_offers_say_so_where_it_exists(japan):
    result = preview(japan, [line("TEA", "1")], JP_ADDRESS, includePaymentOnDelivery=True)
    [shipment] = result["plannedShipments"]
    found = [
        (
            o["fulfillmentConfiguration"]["serviceLevel"]["serviceTier"],
            o["fulfillmentConfiguration"].get("services"),
        )
        for o in shipment["offers"]
    ]
    cod = {"delivery": {"paymentOnDelivery": "ENABLED"}}
    assert found == [
        ("STANDARD", None),
        ("STANDARD", cod),
        ("EXPEDITED", None),
        ("EXPEDITED", cod),
        ("SCHEDULED", None),
        ("SCHEDULED", cod),
    ]


def fulfillment_fee(offer: dict[str, Any]) -> str:
    [fee] = [p for p in offer["estimatedPrice"]["rollupPrices"] if p["type"] == "MCFFulfillmentFee"]
    return str(fee["value"]["amount"])


def test_the_services_asked_for_are_priced(mcf):
    mcf.stock("MUG", 5)
    standard = {"serviceLevel": {"serviceTiers": ["STANDARD"]}}
    blocked = {**standard, "services": {"additional": {"blockAMZL": "REQUIRED"}}}
    [plain] = preview(mcf, [line("MUG", "1")], fulfillmentConfiguration=standard)["plannedShipments"]
    [amzl] = preview(mcf, [line("MUG", "1")], fulfillmentConfiguration=blocked)["plannedShipments"]
    surcharge = Decimal(fulfillment_fee(amzl["offers"][0])) - Decimal(fulfillment_fee(plain["offers"][0]))
    assert surcharge == Decimal("0.40")


def test_a_service_the_country_lacks_is_a_constraint_instead_of_an_offer(japan):
    signed = {
        "serviceLevel": {"serviceTiers": ["STANDARD"]},
        "services": {"additional": {"signatureConfirmation": "REQUIRED"}},
    }
    result = preview(japan, [line("TEA", "1")], JP_ADDRESS, fulfillmentConfiguration=signed)
    [shipment] = result["plannedShipments"]
    assert shipment["offers"] == []
    assert [c["code"] for c in result["constraints"]] == ["FeatureNotAvailable"]
