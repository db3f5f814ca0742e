"""A name, image location or suggested ASIN whose value is not a string counts as absent: the summary
omits it, processing finds the listing without product and image, and the ASIN is the emulator's own."""

from __future__ import annotations

from tests.api.listings.conftest import US, listing


def test_a_name_and_an_image_that_are_not_text_count_as_absent(listings):
    body = listing()
    body["attributes"]["item_name"] = [{"value": 42, "language_tag": "en_US", "marketplace_id": US}]
    body["attributes"]["main_product_image_locator"] = [{"media_location": 7}]
    listings.accepted("MUG-1", body)
    listings.processed()
    item = listings.item("MUG-1", "summaries,issues")
    summary = item["summaries"][0]
    assert "itemName" not in summary and "mainImage" not in summary
    assert summary["status"] == []  # no product: suppressed
    assert [(i["severity"], i["categories"], i["attributeNames"]) for i in item["issues"]] == [
        ("WARNING", ["MISSING_IMAGE"], ["main_product_image_locator"]),
        ("ERROR", ["MISSING_ATTRIBUTE"], ["item_name"]),
    ]


def test_a_suggested_asin_that_is_not_text_is_not_taken(listings):
    answer = listings.accepted("MUG-1", listing(merchant_suggested_asin=[{"value": 1234567890}]))
    asin = answer["identifiers"][0]["asin"]
    assert isinstance(asin, str) and asin.startswith("B0") and len(asin) == 10
