"""Listings Items refusals and page tokens: the exact words, the field, and tokens that lead back."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("params", "message", "details"),
    [
        (
            {"identifiersType": "SKU", "identifiers": "A-1", "variationParentSku": "P"},
            "identifiers and variationParentSku are mutually exclusive.",
            "variationParentSku",
        ),
        (
            {"packageHierarchySku": "P"},
            "packageHierarchySku is not supported by the emulator.",
            "packageHierarchySku",
        ),
    ],
)
def test_a_refused_search_names_its_rule_and_field(listings, params, message, details):
    response = listings.search(**params)
    assert response.status_code == 400
    assert response.json()["errors"] == [{"code": "BAD_REQUEST", "message": message, "details": details}]


def test_a_page_token_pages_the_same_query_whatever_the_parameter_order(listings):
    for n in range(3):
        listings.accepted(f"SKU-{n}")
    first = listings.search(sortBy="sku", sortOrder="ASC", pageSize=2).json()
    token = first["pagination"]["nextToken"]
    second = listings.search(pageSize=2, sortOrder="ASC", sortBy="sku", pageToken=token)
    assert second.status_code == 200, second.text
    assert [item["sku"] for item in second.json()["items"]] == ["SKU-2"]


def test_an_offer_without_a_condition_says_why_the_condition_is_needed(listings):
    body = {
        "productType": "HOME",
        "requirements": "LISTING",
        "attributes": {
            "item_name": [{"value": "x"}],
            "fulfillment_availability": [{"fulfillment_channel_code": "DEFAULT", "quantity": 1}],
        },
    }
    response = listings.put("MUG-1", body)
    messages = [issue["message"] for issue in response.json()["issues"]]
    assert messages == [
        "'condition_type' is required but not supplied (an offer needs the item's condition)."
    ]


def test_the_second_pages_previous_token_leads_back_to_the_first(listings):
    for n in range(3):
        listings.accepted(f"SKU-{n}")
    first = listings.search(sortBy="sku", sortOrder="ASC", pageSize=2).json()
    second = listings.search(
        sortBy="sku", sortOrder="ASC", pageSize=2, pageToken=first["pagination"]["nextToken"]
    ).json()
    back = listings.search(
        sortBy="sku", sortOrder="ASC", pageSize=2, pageToken=second["pagination"]["previousToken"]
    )
    assert back.status_code == 200, back.text
    assert back.json()["items"] == first["items"]
