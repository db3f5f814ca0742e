"""A marketplace named twice in `marketplaceIds` counts once: a summary per marketplace, in request order."""

from __future__ import annotations

from tests.api.listings.conftest import CA, ITEMS, US, listing


def test_a_repeated_marketplace_counts_once(listings):
    listings.accepted("MUG-1")
    body = listing()
    body["attributes"]["purchasable_offer"] = [
        {"marketplace_id": CA, "currency": "CAD", "our_price": [{"schedule": [{"value_with_tax": 15}]}]}
    ]
    body["attributes"]["item_name"] = [{"value": "Tasse bleue", "marketplace_id": CA}]
    assert listings.put("MUG-1", body, marketplace=CA).json()["status"] == "ACCEPTED"
    repeated = f"{US},{CA},{US}"
    item = listings.get("MUG-1", "summaries,offers", marketplaces=repeated).json()
    assert [s["marketplaceId"] for s in item["summaries"]] == [US, CA]
    assert [o["marketplaceId"] for o in item["offers"]] == [US, CA]
    found = listings.mcf.call("GET", ITEMS, params={"marketplaceIds": repeated})
    [searched] = found.json()["items"]
    assert [s["marketplaceId"] for s in searched["summaries"]] == [US, CA]
