"""Synchronous validation of a submission, without Product Type Definition schemas.

The emulator has no product type schemas, so it checks only what holds for every product type:

* every attribute is a non-empty array of objects (how Amazon shapes all listing attributes);
* a `marketplace_id` inside an attribute value is a marketplace the request names;
* `requirements` (default `LISTING`): `LISTING` and `LISTING_PRODUCT_ONLY` need product facts,
  here `item_name`; `LISTING_OFFER_ONLY` needs an offer, i.e. `purchasable_offer` or
  `fulfillment_availability`; `LISTING` and `LISTING_OFFER_ONLY` with an offer need `condition_type`;
* `condition_type` values are SP-API condition types (`new_new`, `used_good`, ...);
* `purchasable_offer` entries name `marketplace_id` and the marketplace's `currency`, and carry
  a positive `our_price[0].schedule[0].value_with_tax`;
* `fulfillment_availability` entries name a `fulfillment_channel_code`; `DEFAULT` (merchant
  fulfilled) needs a whole `quantity` >= 0; `AMAZON_*` (FBA) quantities are Amazon's and ignored.

Each failure is an ERROR issue; any ERROR makes the submission INVALID (HTTP 200).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import marketplaces
from emulator.apis.listings import issues
from emulator.apis.listings.facts import offer_price
from emulator.apis.listings.records import Issue, Requirements

CONDITIONS = frozenset(
    {
        "new_new",
        "new_open_box",
        "new_oem",
        "refurbished_refurbished",
        "used_like_new",
        "used_very_good",
        "used_good",
        "used_acceptable",
        "collectible_like_new",
        "collectible_very_good",
        "collectible_good",
        "collectible_acceptable",
        "club_club",
    }
)
OFFER_ATTRIBUTES = ("purchasable_offer", "fulfillment_availability")


def check(requirements: Requirements, attributes: dict[str, Any], marketplace_ids: list[str]) -> list[Issue]:
    """Every ERROR issue of `attributes` under `requirements`; empty when the submission is acceptable."""
    found: list[Issue] = []
    for name, values in attributes.items():
        found.extend(_shape(name, values, marketplace_ids))
    if found:
        return found
    has_offer = any(attributes.get(a) for a in OFFER_ATTRIBUTES)
    product_only, offer_only = Requirements.LISTING_PRODUCT_ONLY, Requirements.LISTING_OFFER_ONLY
    if requirements != offer_only and "item_name" not in attributes:
        found.append(issues.missing("item_name", f"{requirements} submissions carry product facts"))
    if requirements == offer_only and not has_offer:
        found.append(issues.missing("purchasable_offer", "LISTING_OFFER_ONLY submissions carry an offer"))
    if requirements != product_only and has_offer and "condition_type" not in attributes:
        found.append(issues.missing("condition_type", "an offer needs the item's condition"))
    for value in attributes.get("condition_type", []):
        if not isinstance(value.get("value"), str) or value["value"] not in CONDITIONS:
            found.append(issues.invalid("condition_type", f"{value.get('value')!r} is not a condition type."))
    for offer in attributes.get("purchasable_offer", []):
        found.extend(_offer(offer))
    for entry in attributes.get("fulfillment_availability", []):
        found.extend(_availability(entry))
    return found


def _shape(name: str, values: Any, marketplace_ids: list[str]) -> list[Issue]:
    if not isinstance(values, list) or not values or not all(isinstance(v, dict) for v in values):
        return [issues.invalid(name, "an attribute is a non-empty array of objects.")]
    return [
        issues.invalid(name, f"marketplace_id {v['marketplace_id']!r} is not a marketplace of this request.")
        for v in values
        if "marketplace_id" in v and v["marketplace_id"] not in marketplace_ids
    ]


def _offer(offer: dict[str, Any]) -> list[Issue]:
    marketplace = marketplaces.BY_ID.get(str(offer.get("marketplace_id")))
    if marketplace is None:
        return [issues.missing("purchasable_offer", "each offer names its marketplace_id")]
    if offer.get("currency") != marketplace.currency:
        return [
            issues.invalid(
                "purchasable_offer",
                f"currency must be {marketplace.currency} "
                f"in {marketplace.marketplace_id}, not {offer.get('currency')!r}.",
            )
        ]
    price = offer_price(offer)
    if price is None or price <= 0:
        return [
            issues.issue(
                issues.INVALID,
                "our_price[0].schedule[0].value_with_tax must be a positive number.",
                "purchasable_offer",
                "INVALID_PRICE",
                enforcement="LISTING_SUPPRESSED",
            )
        ]
    return []


def _availability(entry: dict[str, Any]) -> list[Issue]:
    code = entry.get("fulfillment_channel_code")
    if not isinstance(code, str) or not code:
        return [issues.missing("fulfillment_availability", "each entry names its fulfillment_channel_code")]
    if code.startswith("AMAZON_"):
        return []
    if code != "DEFAULT":
        return [issues.invalid("fulfillment_availability", f"unknown fulfillment channel {code!r}.")]
    quantity = entry.get("quantity")
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 0:
        return [issues.invalid("fulfillment_availability", "DEFAULT needs a whole quantity of 0 or more.")]
    return []
