"""Issues as a client reads them: code, message, severity, attribute, category and enforcement action."""

from __future__ import annotations

from tests.api.listings.conftest import US, issue, listing

NO_PRICE = "The listing has no price in this marketplace, so buyers cannot purchase it."


def warning(code: str, message: str, attribute: str, category: str) -> dict[str, object]:
    """A WARNING that asynchronous processing found in the US marketplace."""
    return issue(code, message, attribute, category, severity="WARNING", marketplace=US)


def test_a_write_reports_missing_and_invalid_attributes_in_full(listings):
    body = {"productType": "HOME", "attributes": {"condition_type": [{"value": "brand_new"}]}}
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "INVALID"
    assert answer["issues"] == [
        issue(
            "90220",
            "'item_name' is required but not supplied (LISTING submissions carry product facts).",
            "item_name",
            "MISSING_ATTRIBUTE",
            action="LISTING_SUPPRESSED",
        ),
        issue(
            "90000900",
            "The attribute 'condition_type' is invalid: 'brand_new' is not a condition type.",
            "condition_type",
            "INVALID_ATTRIBUTE",
            action="ATTRIBUTE_SUPPRESSED",
        ),
    ]


def test_processing_issues_name_their_marketplace(listings):
    body = listing(image=False)
    del body["attributes"]["item_name"]
    body["requirements"] = "LISTING_OFFER_ONLY"
    listings.accepted("MUG-1", body)
    listings.processed()
    assert listings.item("MUG-1", "issues")["issues"] == [
        warning("99101", "The listing has no main image.", "main_product_image_locator", "MISSING_IMAGE"),
        issue(
            "99103",
            "The offer matches no product: give item_name or merchant_suggested_asin.",
            "item_name",
            "MISSING_ATTRIBUTE",
            action="LISTING_SUPPRESSED",
            marketplace=US,
        ),
    ]


def test_a_channel_without_a_price_is_a_warning_a_product_alone_is_not(listings):
    priceless = listing()
    del priceless["attributes"]["purchasable_offer"]
    listings.accepted("MUG-1", priceless)
    product = {
        "productType": "HOME",
        "requirements": "LISTING_PRODUCT_ONLY",
        "attributes": listing()["attributes"],
    }
    for name in ("purchasable_offer", "fulfillment_availability", "condition_type"):
        del product["attributes"][name]
    listings.accepted("MUG-2", product)
    listings.processed()
    assert listings.item("MUG-1", "issues")["issues"] == [
        warning("99102", NO_PRICE, "purchasable_offer", "MISSING_PRICE")
    ]
    product_item = listings.item("MUG-2", "issues,summaries")
    assert product_item["issues"] == [] and product_item["summaries"][0]["status"] == ["DISCOVERABLE"]
