"""A patch of an unknown SKU starts a listing whose requirements follow from what the patches give."""

from __future__ import annotations

from tests.api.listings.conftest import listing

ATTRIBUTES = listing()["attributes"]


def adds(*names: str) -> list[dict[str, object]]:
    return [{"op": "add", "path": f"/attributes/{n}", "value": ATTRIBUTES[n]} for n in names]


def test_a_product_and_an_offer_make_a_full_listing_that_needs_a_condition(listings):
    answer = listings.patch("NEW", adds("item_name", "purchasable_offer", "fulfillment_availability")).json()
    assert answer["status"] == "INVALID"
    assert [(i["code"], i["attributeNames"]) for i in answer["issues"]] == [("90220", ["condition_type"])]


def test_a_product_alone_stays_a_product_listing(listings):
    assert listings.patch("NEW", adds("item_name")).json()["status"] == "ACCEPTED"
    answer = listings.patch("NEW", adds("purchasable_offer", "fulfillment_availability")).json()
    assert answer["status"] == "ACCEPTED", answer  # LISTING_PRODUCT_ONLY: an offer needs no condition
