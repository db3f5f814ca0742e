"""What each synchronous validation rule tells the seller: the issue's code, message, attribute, category."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.listings.conftest import US, issue

NAME = {"item_name": [{"value": "Blue mug"}]}
NEW = {"condition_type": [{"value": "new_new"}]}


def offer(price: Any = 5, **fields: Any) -> dict[str, Any]:
    entry = {
        "marketplace_id": US,
        "currency": "USD",
        "our_price": [{"schedule": [{"value_with_tax": price}]}],
    }
    return {**entry, **fields}


def channel(**fields: Any) -> dict[str, Any]:
    return {"fulfillment_availability": [fields]}


def missing(name: str, why: str) -> tuple[str, str, list[str], list[str]]:
    return ("90220", f"'{name}' is required but not supplied ({why}).", [name], ["MISSING_ATTRIBUTE"])


def invalid(name: str, why: str) -> tuple[str, str, list[str], list[str]]:
    return ("90000900", f"The attribute '{name}' is invalid: {why}", [name], ["INVALID_ATTRIBUTE"])


@pytest.mark.parametrize(
    ("requirements", "attributes", "expected"),
    [
        (
            "LISTING_PRODUCT_ONLY",
            {**NEW},
            [missing("item_name", "LISTING_PRODUCT_ONLY submissions carry product facts")],
        ),
        (
            "LISTING_OFFER_ONLY",
            {**NEW},
            [missing("purchasable_offer", "LISTING_OFFER_ONLY submissions carry an offer")],
        ),
        (
            "LISTING",
            {**NAME, "purchasable_offer": [offer()]},
            [missing("condition_type", "an offer needs the item's condition")],
        ),
        (
            "LISTING",
            {"item_name": {"value": "Blue mug"}, "condition_type": [{"value": "brand_new"}]},
            [invalid("item_name", "an attribute is a non-empty array of objects.")],
        ),
        (
            "LISTING",
            {"item_name": [{"value": "Blue mug", "marketplace_id": "A1F83G8C2ARO7P"}]},
            [invalid("item_name", "marketplace_id 'A1F83G8C2ARO7P' is not a marketplace of this request.")],
        ),
        (
            "LISTING",
            {**NAME, **NEW, "purchasable_offer": [{"currency": "USD"}]},
            [missing("purchasable_offer", "each offer names its marketplace_id")],
        ),
        (
            "LISTING",
            {**NAME, **NEW, "purchasable_offer": [offer(currency="EUR")]},
            [invalid("purchasable_offer", f"currency must be USD in {US}, not 'EUR'.")],
        ),
        (
            "LISTING",
            {**NAME, **NEW, **channel(quantity=1)},
            [missing("fulfillment_availability", "each entry names its fulfillment_channel_code")],
        ),
        (
            "LISTING",
            {**NAME, **NEW, **channel(fulfillment_channel_code="POSTAL")},
            [invalid("fulfillment_availability", "unknown fulfillment channel 'POSTAL'.")],
        ),
        (
            "LISTING",
            {**NAME, **NEW, **channel(fulfillment_channel_code="DEFAULT", quantity=True)},
            [invalid("fulfillment_availability", "DEFAULT needs a whole quantity of 0 or more.")],
        ),
    ],
)
def test_each_rule_names_the_attribute_and_why(listings, requirements, attributes, expected):
    body = {"productType": "HOME", "requirements": requirements, "attributes": attributes}
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "INVALID"
    found = [(i["code"], i["message"], i["attributeNames"], i["categories"]) for i in answer["issues"]]
    assert found == expected


@pytest.mark.parametrize("price", [0, -1, "5", True])
def test_a_price_must_be_a_positive_number(listings, price):
    body = {"productType": "HOME", "attributes": {**NAME, **NEW, "purchasable_offer": [offer(price)]}}
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "INVALID"
    price_rule = "our_price[0].schedule[0].value_with_tax must be a positive number."
    expected = issue(
        "90000900", price_rule, "purchasable_offer", "INVALID_PRICE", action="LISTING_SUPPRESSED"
    )
    assert answer["issues"] == [expected]


@pytest.mark.parametrize(
    ("requirements", "attributes"),
    [
        ("LISTING", {**NAME, **NEW, "purchasable_offer": [offer(0.5)]}),  # any positive price, cents too
        ("LISTING", {**NAME, **NEW, **channel(fulfillment_channel_code="DEFAULT", quantity=0)}),
        ("LISTING", {**NAME, **NEW, **channel(fulfillment_channel_code="AMAZON_NA", quantity=-3)}),
        ("LISTING_PRODUCT_ONLY", {**NAME, "purchasable_offer": [offer()]}),  # no condition needed
        ("LISTING_OFFER_ONLY", {**NEW, "purchasable_offer": [offer()]}),  # no item_name needed
    ],
)
def test_what_the_rules_let_through(listings, requirements, attributes):
    body = {"productType": "HOME", "requirements": requirements, "attributes": attributes}
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "ACCEPTED" and answer["issues"] == []
