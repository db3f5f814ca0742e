"""The `offers` part of getListingsItem: a business (B2B) offer is reported as such, others as B2C."""

from __future__ import annotations

from tests.api.listings.conftest import US, listing


def test_a_b2b_offer_is_reported_with_offer_type_b2b(listings):
    body = listing()
    consumer = body["attributes"]["purchasable_offer"][0]
    business = {**consumer, "audience": "B2B", "our_price": [{"schedule": [{"value_with_tax": 10}]}]}
    body["attributes"]["purchasable_offer"] = [consumer, business]
    listings.accepted("MUG-1", body)
    assert listings.item("MUG-1", "offers")["offers"] == [
        {
            "marketplaceId": US,
            "offerType": "B2C",
            "price": {"currencyCode": "USD", "amount": "12.50"},
            "audience": {"value": "ALL"},
        },
        {
            "marketplaceId": US,
            "offerType": "B2B",
            "price": {"currencyCode": "USD", "amount": "10.00"},
            "audience": {"value": "B2B"},
        },
    ]
