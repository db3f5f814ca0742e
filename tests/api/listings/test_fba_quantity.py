"""The quantity an FBA listing reports is what a new order could still take: reserved units are not in it."""

from __future__ import annotations

from tests.api.listings.conftest import listing


def fba_quantity(listings) -> int:
    item = listings.item("MUG-1", "summaries,fulfillmentAvailability")
    [availability] = item["fulfillmentAvailability"]
    assert availability["fulfillmentChannelCode"] == "AMAZON_NA"
    return int(availability["quantity"])


def test_units_reserved_by_orders_are_not_offered(listings, mcf):
    mcf.stock("MUG-1", 7)
    listings.accepted("MUG-1", listing(channel="AMAZON_NA", quantity=None))
    listings.processed()
    assert fba_quantity(listings) == 7
    assert mcf.create("O-1", {"MUG-1": 3}).status_code == 200
    assert mcf.details("MUG-1")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 3
    assert fba_quantity(listings) == 4


def test_a_listing_whose_stock_is_all_reserved_is_not_buyable(listings, mcf):
    mcf.stock("MUG-1", 2)
    listings.accepted("MUG-1", listing(channel="AMAZON_NA", quantity=None))
    listings.processed()
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]
    assert mcf.create("O-1", {"MUG-1": 2}).status_code == 200
    assert fba_quantity(listings) == 0
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["DISCOVERABLE"]
