"""A patch of an unknown SKU starts a listing whose requirements follow from what the patches give,
and later patches are judged by those requirements: a product with an offer is a full LISTING."""

from __future__ import annotations

from typing import Any

from tests.api.listings.conftest import issue, listing

ATTRIBUTES = listing()["attributes"]


def adds(*names: str) -> list[dict[str, Any]]:
    return [{"op": "add", "path": f"/attributes/{n}", "value": ATTRIBUTES[n]} for n in names]


def item_name_missing(requirements: str) -> dict[str, Any]:
    why = f"{requirements} submissions carry product facts"
    message = f"'item_name' is required but not supplied ({why})."
    return issue("90220", message, "item_name", "MISSING_ATTRIBUTE", action="LISTING_SUPPRESSED")


def test_a_start_without_product_or_offer_is_judged_as_a_product_listing(listings):
    answer = listings.patch("NEW", adds("condition_type")).json()
    assert answer["status"] == "INVALID"
    assert answer["issues"] == [item_name_missing("LISTING_PRODUCT_ONLY")]


def test_a_listing_started_with_product_and_offer_keeps_needing_its_item_name(listings):
    started = adds("item_name", "condition_type", "purchasable_offer", "fulfillment_availability")
    assert listings.patch("NEW", started).json()["status"] == "ACCEPTED"
    answer = listings.patch("NEW", [{"op": "delete", "path": "/attributes/item_name"}]).json()
    assert answer["status"] == "INVALID"
    assert answer["issues"] == [item_name_missing("LISTING")]
