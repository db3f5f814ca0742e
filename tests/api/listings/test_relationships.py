"""The `relationships` part of getListingsItem: a VARIATION only for a listing that names a parent SKU."""

from __future__ import annotations

from tests.api.listings.conftest import US, listing


def test_a_listing_without_a_parent_has_no_relationships(listings):
    listings.accepted("MUG-1")
    listings.accepted("KID", listing(child_parent_sku_relationship=[{"parent_sku": "MUG-1"}]))
    assert listings.item("MUG-1", "relationships")["relationships"] == [
        {"marketplaceId": US, "relationships": []}
    ]
    assert listings.item("KID", "relationships")["relationships"] == [
        {"marketplaceId": US, "relationships": [{"type": "VARIATION", "parentSkus": ["MUG-1"]}]}
    ]
