"""A listing's ASIN and FNSKU: Amazon's forms (B0 + 8, X00 + 7 upper-case characters), kept across writes;
a `merchant_suggested_asin` given later wins over the one the listing had."""

from __future__ import annotations

import re

from tests.api.listings.conftest import listing

ASIN = re.compile(r"B0[0-9A-Z]{8}")
FNSKU = re.compile(r"X00[0-9A-Z]{7}")


def identifiers(listings, sku):
    summary = listings.item(sku)["summaries"][0]
    return summary["asin"], summary.get("fnSku")


def test_a_rewritten_listing_keeps_its_asin(listings):
    asin = listings.accepted("MUG-1")["identifiers"][0]["asin"]
    assert ASIN.fullmatch(asin)
    again = listings.accepted("MUG-1", listing(name="Blue mug, 2nd edition"))
    assert again["identifiers"][0]["asin"] == asin and identifiers(listings, "MUG-1") == (asin, None)
    suggested = listings.accepted("MUG-1", listing(merchant_suggested_asin=[{"value": "B00SUGGEST"}]))
    assert suggested["identifiers"][0]["asin"] == "B00SUGGEST"


def test_a_rewritten_fba_listing_keeps_its_fnsku(listings):
    listings.accepted("MUG-1", listing(channel="AMAZON_NA", quantity=None))
    asin, fnsku = identifiers(listings, "MUG-1")
    assert ASIN.fullmatch(asin) and FNSKU.fullmatch(fnsku)
    listings.accepted("MUG-1", listing(name="Blue mug, 2nd edition", channel="AMAZON_NA", quantity=None))
    assert identifiers(listings, "MUG-1") == (asin, fnsku)
