"""Seeding listings through `POST /_emulator/seed` runs putListingsItem in-process."""

from __future__ import annotations

from tests.api.listings.conftest import US, listing


def test_seeded_listings_are_readable_and_follow_seeded_stock(client, listings):
    world = {
        "listings": [
            {"sku": "MUG-1", **listing()},
            {"sku": "FBA-1", **listing(channel="AMAZON_NA", quantity=None), "marketplaceIds": [US]},
        ],
        "inventory": [{"sku": "FBA-1", "quantity": 6}],
    }
    response = client.post("/_emulator/seed", json=world)
    assert response.status_code == 200, response.text
    assert response.json()["applied"]["listings"] == 2
    listings.processed()
    fba = listings.item("FBA-1", "summaries,fulfillmentAvailability")
    assert fba["fulfillmentAvailability"] == [{"fulfillmentChannelCode": "AMAZON_NA", "quantity": 6}]
    assert fba["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]
    assert listings.item("MUG-1")["summaries"][0]["itemName"] == "Blue mug"


def test_an_invalid_seeded_listing_fails_the_seed_and_names_it(client, listings):
    response = client.post(
        "/_emulator/seed",
        json={"listings": [{"sku": "MUG-1", **listing()}, {"sku": "BAD", "attributes": {}}]},
    )
    assert response.status_code == 422
    body = response.json()
    assert "listings[1]" in body["message"] and body["detail"]["status"] == "INVALID"
    assert listings.get("MUG-1").status_code == 404  # all or nothing
