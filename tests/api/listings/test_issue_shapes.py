"""Issues as a client reads them: code, message, severity, attribute, category and enforcement action."""

from __future__ import annotations

from tests.api.listings.conftest import US, listing

NOT_EXEMPT = {"status": "NOT_EXEMPT"}


def test_a_write_reports_missing_and_invalid_attributes_in_full(listings):
    body = {
        "productType": "HOME",
        "attributes": {"condition_type": [{"value": "brand_new"}]},
    }
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "INVALID"
    assert answer["issues"] == [
        {
            "code": "90220",
            "message": "'item_name' is required but not supplied (LISTING submissions carry product facts).",
            "severity": "ERROR",
            "attributeNames": ["item_name"],
            "categories": ["MISSING_ATTRIBUTE"],
            "enforcements": {"actions": [{"action": "LISTING_SUPPRESSED"}], "exemption": NOT_EXEMPT},
        },
        {
            "code": "90000900",
            "message": "The attribute 'condition_type' is invalid: 'brand_new' is not a condition type.",
            "severity": "ERROR",
            "attributeNames": ["condition_type"],
            "categories": ["INVALID_ATTRIBUTE"],
            "enforcements": {"actions": [{"action": "ATTRIBUTE_SUPPRESSED"}], "exemption": NOT_EXEMPT},
        },
    ]


def test_processing_issues_name_their_marketplace(listings):
    body = listing(image=False)
    del body["attributes"]["item_name"]
    body["requirements"] = "LISTING_OFFER_ONLY"
    listings.accepted("MUG-1", body)
    listings.processed()
    assert listings.item("MUG-1", "issues")["issues"] == [
        {
            "code": "99101",
            "message": "The listing has no main image.",
            "severity": "WARNING",
            "attributeNames": ["main_product_image_locator"],
            "categories": ["MISSING_IMAGE"],
            "marketplaceIds": [US],
        },
        {
            "code": "99103",
            "message": "The offer matches no product: give item_name or merchant_suggested_asin.",
            "severity": "ERROR",
            "attributeNames": ["item_name"],
            "categories": ["MISSING_ATTRIBUTE"],
            "enforcements": {"actions": [{"action": "LISTING_SUPPRESSED"}], "exemption": NOT_EXEMPT},
            "marketplaceIds": [US],
        },
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
        {
            "code": "99102",
            "message": "The listing has no price in this marketplace, so buyers cannot purchase it.",
            "severity": "WARNING",
            "attributeNames": ["purchasable_offer"],
            "categories": ["MISSING_PRICE"],
            "marketplaceIds": [US],
        }
    ]
    product_item = listings.item("MUG-2", "issues,summaries")
    assert product_item["issues"] == [] and product_item["summaries"][0]["status"] == ["DISCOVERABLE"]
