"""An offer alone attaches to the product of the SKU's FBA inventory item: no product facts needed."""

from __future__ import annotations

from tests.api.listings.conftest import listing


def test_an_offer_for_an_fba_inventory_item_needs_no_product_facts(listings, mcf):
    mcf.stock("MUG-1", 3)
    body = listing(channel="AMAZON_NA", quantity=None)
    del body["attributes"]["item_name"]
    body["requirements"] = "LISTING_OFFER_ONLY"
    listings.accepted("MUG-1", body)
    listings.processed()
    item = listings.item("MUG-1", "summaries,issues")
    assert item["issues"] == [] and item["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]
