"""searchListingsItems items carry the `includedData` parts asked for, and summaries alone by default."""

from __future__ import annotations

from tests.api.listings.conftest import US


def test_items_show_summaries_by_default(listings):
    listings.accepted("MUG-1")
    item = listings.search().json()["items"][0]
    assert set(item) == {"sku", "summaries"} and item["summaries"][0]["marketplaceId"] == US


def test_items_show_the_parts_asked_for(listings):
    listings.accepted("MUG-1")
    response = listings.search(includedData="attributes,issues")
    assert response.status_code == 200, response.text
    item = response.json()["items"][0]
    assert set(item) == {"sku", "attributes", "issues"}
    assert item["attributes"]["item_name"][0]["value"] == "Blue mug" and item["issues"] == []
