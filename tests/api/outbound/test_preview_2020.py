"""getFulfillmentPreview and deliveryOffers (2020-07-01)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from emulator.apis.outbound.timings import DEFAULT
from emulator.state.clock import parse_iso
from tests.api.outbound.support import ADDRESS, JP, JP_ADDRESS, V2020


def preview(mcf, items, **fields):
    body = {
        "address": ADDRESS,
        "items": [
            {"sellerSku": s, "quantity": q, "sellerFulfillmentOrderItemId": s} for s, q in items.items()
        ],
        **fields,
    }
    return mcf.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)


def previews(mcf, items, **fields):
    response = preview(mcf, items, **fields)
    assert response.status_code == 200, response.text
    return {p["shippingSpeedCategory"]: p for p in response.json()["payload"]["fulfillmentPreviews"]}


def test_every_speed_offered_in_the_us_is_previewed(mcf):
    mcf.stock("MUG", 5)
    found = previews(mcf, {"MUG": 2})
    assert set(found) == {"Standard", "Expedited", "Priority"}
    assert all(p["isFulfillable"] and not p["isCODCapable"] for p in found.values())


def test_fees_are_decimal_strings_and_faster_costs_more(mcf):
    mcf.stock("MUG", 5)
    found = previews(mcf, {"MUG": 2})
    fees = {speed: p["estimatedFees"][0]["amount"] for speed, p in found.items()}
    assert all(isinstance(f["value"], str) and f["currencyCode"] == "USD" for f in fees.values())
    assert (
        Decimal(fees["Standard"]["value"])
        < Decimal(fees["Expedited"]["value"])
        < Decimal(fees["Priority"]["value"])
    )
    assert found["Standard"]["estimatedFees"][0]["name"] == "FBAPerUnitFulfillmentFee"


def test_weight_is_the_sum_of_unit_weights(mcf):
    mcf.stock("MUG", 5)
    standard = previews(mcf, {"MUG": 3}, shippingSpeedCategories=["Standard"])["Standard"]
    item = standard["fulfillmentPreviewShipments"][0]["fulfillmentPreviewItems"][0]
    unit = Decimal(item["estimatedShippingWeight"]["value"])
    assert standard["estimatedShippingWeight"]["unit"] == "POUNDS"
    assert abs(Decimal(standard["estimatedShippingWeight"]["value"]) - 3 * unit) <= Decimal("0.02")


def test_dates_follow_the_emulator_clock(mcf):
    mcf.runtime.clock.freeze()
    now = mcf.runtime.clock.timestamp()
    mcf.stock("MUG", 5)
    shipment = previews(mcf, {"MUG": 1}, shippingSpeedCategories=["Expedited"])["Expedited"][
        "fulfillmentPreviewShipments"
    ][0]
    assert parse_iso(shipment["earliestShipDate"]).timestamp() == pytest.approx(
        now + DEFAULT.fc_time(), abs=0.01
    )
    assert parse_iso(shipment["earliestArrivalDate"]).timestamp() == pytest.approx(
        now + DEFAULT.fc_time() + DEFAULT.transit_expedited, abs=0.01
    )
    assert shipment["latestArrivalDate"] > shipment["earliestArrivalDate"]


def test_reserved_stock_is_not_fulfillable(mcf):
    mcf.stock("MUG", 3)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    standard = previews(mcf, {"MUG": 2}, shippingSpeedCategories=["Standard"])["Standard"]
    assert standard["isFulfillable"] is False
    assert standard["unfulfillablePreviewItems"] == [
        {
            "sellerSku": "MUG",
            "quantity": 2,
            "sellerFulfillmentOrderItemId": "MUG",
            "itemUnfulfillableReasons": ["InsufficientInventory"],
        }
    ]
    assert "fulfillmentPreviewShipments" not in standard and "estimatedFees" not in standard


def test_unknown_sku_is_a_400_not_an_unfulfillable_item(mcf):
    response = preview(mcf, {"GHOST": 1})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "the SellerSKU for Item Id: GHOST is invalid."


def test_bad_address_and_unavailable_speed_are_order_reasons(mcf):
    mcf.stock("MUG", 5)
    no_city = {k: v for k, v in ADDRESS.items() if k != "city"}
    bad = previews(
        mcf, {"MUG": 1}, address=no_city, shippingSpeedCategories=["Standard", "ScheduledDelivery"]
    )
    assert bad["Standard"]["orderUnfulfillableReasons"] == ["InvalidDestinationAddress"]
    assert bad["ScheduledDelivery"]["orderUnfulfillableReasons"] == [
        "DeliverySLAUnavailable",
        "InvalidDestinationAddress",
    ]


def test_feature_constraints_are_echoed_and_checked(mcf):
    mcf.stock("MUG", 5)
    wanted = [{"featureName": "BLOCK_AMZL", "featureFulfillmentPolicy": "Required"}]
    plain = previews(mcf, {"MUG": 1}, shippingSpeedCategories=["Standard"])["Standard"]
    blocked = previews(mcf, {"MUG": 1}, shippingSpeedCategories=["Standard"], featureConstraints=wanted)[
        "Standard"
    ]
    assert blocked["featureConstraints"] == wanted
    assert Decimal(blocked["estimatedFees"][0]["amount"]["value"]) > Decimal(
        plain["estimatedFees"][0]["amount"]["value"]
    )
    ca_only = [{"featureName": "SIGNATURE_CONFIRMATION", "featureFulfillmentPolicy": "Required"}]
    mcf.stock("MUG", 5, marketplace="A2EUQ1WTGCTBG2")
    canada = previews(
        mcf,
        {"MUG": 1},
        marketplaceId="A2EUQ1WTGCTBG2",
        featureConstraints=ca_only,
        address={**ADDRESS, "countryCode": "CA", "stateOrRegion": "ON", "city": "Toronto"},
    )
    assert canada["Standard"]["orderUnfulfillableReasons"] == ["FeatureNotAvailable"]


def test_cod_and_delivery_window_variants_in_japan(japan):
    response = preview(
        japan,
        {"TEA": 1},
        address=JP_ADDRESS,
        marketplaceId=JP,
        includeCODFulfillmentPreview=True,
        includeDeliveryWindows=True,
        shippingSpeedCategories=["Standard", "ScheduledDelivery"],
    )
    found = response.json()["payload"]["fulfillmentPreviews"]
    assert [(p["shippingSpeedCategory"], p["isCODCapable"]) for p in found] == [
        ("Standard", False),
        ("Standard", True),
        ("ScheduledDelivery", False),
        ("ScheduledDelivery", True),
    ]
    cod_fees = {f["name"] for f in found[1]["estimatedFees"]}
    assert (
        "FBAFulfillmentCODFee" in cod_fees and found[1]["estimatedFees"][0]["amount"]["currencyCode"] == "JPY"
    )
    info = found[2]["scheduledDeliveryInfo"]
    assert info["deliveryTimeZone"] == "Asia/Tokyo" and len(info["deliveryWindows"]) == 3
    assert found[0]["estimatedShippingWeight"]["unit"] == "KILOGRAMS"


def offers(mcf, sku, value="1", destination=None):
    terms = {
        "origin": {"countryCode": "US"},
        "destination": {"deliveryAddress": destination or {"postalCode": "98101", "countryCode": "US"}},
    }
    return mcf.call(
        "POST",
        f"{V2020}/deliveryOffers",
        json={
            "product": {
                "productIdentifier": {"merchantSku": sku},
                "amount": {"unitOfMeasure": "Eaches", "value": value},
            },
            "terms": terms,
        },
    )


def test_delivery_offers_expire_and_follow_stock(mcf):
    mcf.runtime.clock.freeze()
    mcf.stock("MUG", 2)
    found = offers(mcf, "MUG", "2").json()["payload"]["deliveryOffers"]
    assert len(found) == 3
    expiry = parse_iso(found[0]["expiresAt"]).timestamp()
    assert expiry == pytest.approx(mcf.runtime.clock.timestamp() + DEFAULT.offer_ttl, abs=0.01)
    assert found[0]["dateRange"]["earliest"] < found[0]["dateRange"]["latest"]
    assert offers(mcf, "MUG", "3").json()["payload"]["deliveryOffers"] == []


def test_delivery_offers_reject_unknown_sku_and_bad_amounts(mcf):
    mcf.stock("MUG", 2)
    assert offers(mcf, "GHOST").status_code == 400
    assert offers(mcf, "MUG", "1.5").status_code == 400
    assert offers(mcf, "MUG", "abc").status_code == 400


def test_preview_limits(mcf):
    mcf.stock("MUG", 300)
    assert preview(mcf, {"MUG": 251}).status_code == 400
    assert mcf.details("MUG")["fulfillableQuantity"] == 300


def test_scheduled_delivery_and_cod_orders_in_japan(japan):
    window = {"startDate": "2026-12-01T00:00:00Z", "endDate": "2026-12-01T04:00:00Z"}
    fields = {
        "marketplaceId": JP,
        "destinationAddress": JP_ADDRESS,
        "shippingSpeedCategory": "ScheduledDelivery",
    }
    assert japan.create("J-1", {"TEA": 1}, **fields).status_code == 400  # no delivery window
    cod = {"isCodRequired": True, "codCharge": {"currencyCode": "JPY", "value": "500"}}
    response = japan.create("J-1", {"TEA": 1}, deliveryWindow=window, codSettings=cod, **fields)
    assert response.status_code == 200, response.text
    order = japan.order("J-1")["fulfillmentOrder"]
    assert order["deliveryWindow"] == window and order["codSettings"] == cod
    assert japan.details("TEA", JP)["reservedQuantity"]["pendingCustomerOrderQuantity"] == 1
