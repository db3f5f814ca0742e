"""Writes (put, patch): validate, judge ACCEPTED/VALID/INVALID, persist, schedule processing.

ACCEPTED writes are stored at once (reads see the new attributes immediately) and processed
`PROCESSING_SECONDS` of emulator time later by the `listings.process` transition, which records the
asynchronous issues, makes the listing live (see `status`) and makes its offer count for MCF as it
now is, fulfilled by Amazon or not (see `published`):

* no main image (`main_product_image_locator` with a `media_location`): WARNING `MISSING_IMAGE`
  (the listing stays sellable);
* a listing with a fulfillment channel but no priced `purchasable_offer` for its marketplace:
  WARNING `MISSING_PRICE`;
* no product to attach to (no `item_name` value, no `merchant_suggested_asin`, no FBA inventory
  item): ERROR `MISSING_ATTRIBUTE`, the listing is suppressed (an offer alone is accepted, never sellable).

`mode=VALIDATION_PREVIEW` runs the same checks and persists nothing (verdict VALID or INVALID).
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.listings import facts, identity, issues, records, status, validation
from emulator.apis.listings.events import ListingIssuesChanged
from emulator.apis.listings.records import (
    Issue,
    Listing,
    PendingProcessing,
    Requirements,
    Severity,
    Submission,
    Verdict,
)
from emulator.context import Call
from emulator.registry import transition
from emulator.state import Store, TenantState

PROCESS = "listings.process"
PROCESSING_SECONDS = 60.0


def implied_requirements(attributes: dict[str, Any]) -> Requirements:
    """The requirements a patch that starts a listing meets: offer only, product only, or both."""
    has_offer = any(attributes.get(a) for a in validation.OFFER_ATTRIBUTES)
    if has_offer and "item_name" not in attributes:
        return Requirements.LISTING_OFFER_ONLY
    return Requirements.LISTING if has_offer else Requirements.LISTING_PRODUCT_ONLY


def submit(
    call: Call, product_type: str, requirements: Requirements, attributes: Any, found: list[Issue]
) -> Submission:
    """Validate `attributes` (unless `found` already holds errors); store them unless INVALID or a preview."""
    sku, mp = call.params["sku"], call.params["marketplaceIds"][0]
    found = found or validation.check(requirements, attributes, call.params["marketplaceIds"])
    if issues.has_errors(found):
        return Submission(submission_id=call.ids.uuid(), verdict=Verdict.INVALID, issues=tuple(found))
    read = facts.read(attributes, mp)
    given = identity.assign(call.tenant, call.ids, mp, sku, read)
    judged = Submission(
        submission_id=call.ids.uuid(), verdict=Verdict.VALID, issues=tuple(found), asin=given[0]
    )
    if call.params.get("mode") == "VALIDATION_PREVIEW":
        return judged
    now = call.clock.timestamp()
    listing = records.find(call.tenant, mp, sku)
    previous = listing.status if listing else None
    listing = listing or Listing(sku=sku, marketplace_id=mp, created_at=now)
    listing.accept(now, judged.submission_id, product_type, requirements, attributes, read, given)
    status.keep(call.tenant, now, listing, previous)
    pending = PendingProcessing(marketplace_id=mp, sku=sku, submission_id=judged.submission_id)
    call.store.scheduler.schedule(
        now + PROCESSING_SECONDS, PROCESS, call.seller_id, msgspec.to_builtins(pending)
    )
    return msgspec.structs.replace(judged, verdict=Verdict.ACCEPTED)


def later_issues(tenant: TenantState, listing: Listing) -> tuple[Issue, ...]:
    """What asynchronous processing finds (see module docstring)."""
    found: list[Issue] = []
    mp = listing.marketplace_id
    if listing.facts.main_image is None:
        found.append(
            issues.issue(
                issues.MISSING_IMAGE,
                "The listing has no main image.",
                "main_product_image_locator",
                "MISSING_IMAGE",
                severity=Severity.WARNING,
                marketplace_id=mp,
            )
        )
    if listing.facts.channels and not listing.facts.offers:
        found.append(
            issues.issue(
                issues.MISSING_PRICE,
                "The listing has no price in this marketplace, so buyers cannot purchase it.",
                "purchasable_offer",
                "MISSING_PRICE",
                severity=Severity.WARNING,
                marketplace_id=mp,
            )
        )
    if not identity.has_product(tenant, listing):
        found.append(
            issues.issue(
                issues.NO_PRODUCT,
                "The offer matches no product: give item_name or merchant_suggested_asin.",
                "item_name",
                "MISSING_ATTRIBUTE",
                enforcement="LISTING_SUPPRESSED",
                marketplace_id=mp,
            )
        )
    return tuple(found)


@transition(PROCESS)
def process(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """Asynchronous processing of an accepted write; a later write makes it stale (a no-op)."""
    pending = msgspec.convert(payload, PendingProcessing)
    tenant = store.tenant(seller_id)
    listing = records.find(tenant, pending.marketplace_id, pending.sku)
    if listing is None or listing.submission_id != pending.submission_id:
        return
    previous = listing.status
    found = later_issues(tenant, listing)
    listing.live, listing.fba_offer = True, listing.facts.fba
    if found != listing.issues:
        listing.issues = found
        tenant.record(
            due,
            ListingIssuesChanged(
                sku=listing.sku,
                marketplace_id=listing.marketplace_id,
                asin=identity.current(tenant, listing)[0],
                issues=found,
            ),
        )
    status.keep(tenant, due, listing, previous)
