"""Listings as SP-API shows them: `Item` from the listings of the requested marketplaces, `Issue`,
and the `ListingsItemSubmissionResponse` of a write. The only module that renders listings.

With several marketplaces, `attributes` are those of the first requested marketplace holding the SKU.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.listings import identity
from emulator.apis.listings.records import Issue, Listing, Submission
from emulator.state import TenantState
from emulator.state.clock import iso

IMAGE_SIDE = 1000  # images are not fetched; their size is reported as 1000 x 1000 pixels


def availability(tenant: TenantState, listing: Listing) -> list[dict[str, Any]]:
    """`fulfillmentAvailability`: FBA channels report FBA's fulfillable quantity."""
    return [
        {
            "fulfillmentChannelCode": c.code,
            "quantity": identity.fba_quantity(tenant, listing) if c.fba else c.quantity,
        }
        for c in listing.facts.channels
    ]


def offers(listing: Listing) -> list[dict[str, Any]]:
    """`offers`: the priced `purchasable_offer` entries of the listing's marketplace."""
    return [
        {
            "marketplaceId": listing.marketplace_id,
            "offerType": "B2B" if o.audience == "B2B" else "B2C",
            "price": {"currencyCode": o.currency, "amount": f"{o.price:.2f}"},
            "audience": {"value": o.audience},
        }
        for o in listing.facts.offers
    ]


def summary(tenant: TenantState, listing: Listing) -> dict[str, Any]:
    asin, fnsku = identity.current(tenant, listing)
    found: dict[str, Any] = {
        "marketplaceId": listing.marketplace_id,
        "asin": asin,
        "productType": listing.product_type,
        "status": list(listing.status),
        "createdDate": iso(listing.created_at),
        "lastUpdatedDate": iso(listing.updated_at),
    }
    facts = listing.facts
    if facts.condition is not None:
        found["conditionType"] = facts.condition
    if fnsku:
        found["fnSku"] = fnsku
    if facts.item_name is not None:
        found["itemName"] = facts.item_name
    if facts.main_image is not None:
        found["mainImage"] = {"link": facts.main_image, "height": IMAGE_SIDE, "width": IMAGE_SIDE}
    return found


def relationships(listing: Listing) -> list[dict[str, Any]]:
    """A VARIATION relationship when `child_parent_sku_relationship` names a parent SKU."""
    parent = listing.facts.parent_sku
    return [{"type": "VARIATION", "parentSkus": [parent]}] if parent is not None else []


def issue(found: Issue) -> dict[str, Any]:
    """One `Issue`."""
    shape: dict[str, Any] = {
        "code": found.code,
        "message": found.message,
        "severity": found.severity.value,
        "attributeNames": list(found.attribute_names),
        "categories": list(found.categories),
    }
    if found.enforcement:
        shape["enforcements"] = {
            "actions": [{"action": found.enforcement}],
            "exemption": {"status": "NOT_EXEMPT"},
        }
    if found.marketplace_id:
        shape["marketplaceIds"] = [found.marketplace_id]
    return shape


def item(tenant: TenantState, held: list[Listing], included: list[str]) -> dict[str, Any]:
    """The `Item` of one SKU from its listings (at least one), with the `includedData` parts asked for."""
    parts: dict[str, Any] = {"sku": held[0].sku}
    if "summaries" in included:
        parts["summaries"] = [summary(tenant, r) for r in held]
    if "attributes" in included:
        parts["attributes"] = held[0].attributes
    if "issues" in included:
        parts["issues"] = [issue(i) for r in held for i in r.issues]
    if "offers" in included:
        parts["offers"] = [o for r in held for o in offers(r)]
    if "fulfillmentAvailability" in included:
        parts["fulfillmentAvailability"] = [a for r in held for a in availability(tenant, r)]
    if "procurement" in included:
        parts["procurement"] = []  # vendor cost prices; sellers have none
    if "relationships" in included:
        parts["relationships"] = [
            {"marketplaceId": r.marketplace_id, "relationships": relationships(r)} for r in held
        ]
    if "productTypes" in included:
        parts["productTypes"] = [
            {"marketplaceId": r.marketplace_id, "productType": r.product_type} for r in held
        ]
    return parts


def submission(sku: str, marketplace_id: str, included: list[str], judged: Submission) -> dict[str, Any]:
    """A `ListingsItemSubmissionResponse` with the `includedData` parts asked for."""
    body: dict[str, Any] = {"sku": sku, "status": judged.verdict.value, "submissionId": judged.submission_id}
    if "issues" in included:
        body["issues"] = [issue(i) for i in judged.issues]
    if "identifiers" in included:
        asin = judged.asin  # an INVALID submission names no product
        body["identifiers"] = [{"marketplaceId": marketplace_id, "asin": asin}] if asin else []
    return body
