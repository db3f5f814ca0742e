"""Writes (put, patch, delete): validate, answer ACCEPTED/VALID/INVALID, persist, schedule processing.

ACCEPTED writes are stored at once (reads see the new attributes immediately) and processed
`PROCESSING_SECONDS` of emulator time later by the `listings.process` transition, which records the
asynchronous issues and makes the item live (see `views.status`):

* no `main_product_image_locator`: WARNING `MISSING_IMAGE` (the item stays sellable);
* an offer-bearing listing without a `purchasable_offer` for its marketplace: WARNING `MISSING_PRICE`.
* no `item_name` and no product to attach to (no `merchant_suggested_asin`, no FBA inventory record):
  ERROR `MISSING_ATTRIBUTE`, the listing is suppressed (an offer alone is accepted, never sellable).

`mode=VALIDATION_PREVIEW` runs the same checks and persists nothing (status VALID or INVALID).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.listings import issues, records, validation, views
from emulator.apis.listings.issues import Issue
from emulator.apis.listings.records import Record
from emulator.context import Call
from emulator.registry import transition
from emulator.state import TenantState

PROCESS = "listings.process"
PROCESSING_SECONDS = 60.0


def answer(call: Call, status: str, found: list[Issue], asin: str | None) -> dict[str, Any]:
    """A `ListingsItemSubmissionResponse` with the `includedData` parts asked for."""
    included = call.params.get("includedData") or ["issues"]
    body: dict[str, Any] = {"sku": call.params["sku"], "status": status, "submissionId": call.ids.uuid()}
    if "issues" in included:
        body["issues"] = found
    if "identifiers" in included:
        mp = call.params["marketplaceIds"][0]
        body["identifiers"] = [{"marketplaceId": mp, "asin": asin}] if asin and status != "INVALID" else []
    return body


def implied_requirements(attributes: dict[str, Any]) -> str:
    """The requirements a patch that starts a listing meets: offer only, product only, or both."""
    has_offer = any(attributes.get(a) for a in validation.OFFER_ATTRIBUTES)
    if has_offer and "item_name" not in attributes:
        return "LISTING_OFFER_ONLY"
    return "LISTING" if has_offer else "LISTING_PRODUCT_ONLY"


def submit(
    call: Call, product_type: str, requirements: str, attributes: dict[str, Any], found: list[Issue]
) -> dict[str, Any]:
    """Validate `attributes`; store them unless INVALID or a preview; answer."""
    sku, mp = call.params["sku"], call.params["marketplaceIds"][0]
    found = found or validation.check(requirements, attributes, call.params["marketplaceIds"])
    if issues.has_errors(found):
        return answer(call, "INVALID", found, None)
    asin, fnsku = records.identity(call.tenant, call.ids, mp, sku, attributes)
    if call.params.get("mode") == "VALIDATION_PREVIEW":
        return answer(call, "VALID", found, asin)
    now = call.clock.timestamp()
    record = records.find(call.tenant, mp, sku) or {
        "sku": sku,
        "marketplaceId": mp,
        "createdAt": now,
        "live": False,
        "issues": [],
        "epoch": 0,
    }
    record.update(
        productType=product_type,
        requirements=requirements,
        attributes=attributes,
        asin=asin,
        fnSku=fnsku,
        updatedAt=now,
        epoch=record["epoch"] + 1,
    )
    records.save(call.tenant, record)
    call.store.scheduler.schedule(
        now + PROCESSING_SECONDS,
        PROCESS,
        call.seller_id,
        {"marketplaceId": mp, "sku": sku, "epoch": record["epoch"]},
    )
    return answer(call, "ACCEPTED", found, asin)


def later_issues(tenant: TenantState, record: Record) -> list[Issue]:
    """What asynchronous processing finds (see module docstring)."""
    found: list[Issue] = []
    attributes, mp = record["attributes"], record["marketplaceId"]
    if "main_product_image_locator" not in attributes:
        found.append(
            issues.issue(
                issues.MISSING_IMAGE,
                "The listing has no main image.",
                ["main_product_image_locator"],
                "MISSING_IMAGE",
                severity="WARNING",
                marketplace_id=mp,
            )
        )
    if records.channels(attributes) and not views.offers(record):
        found.append(
            issues.issue(
                issues.MISSING_PRICE,
                "The listing has no price in this marketplace, so buyers cannot purchase it.",
                ["purchasable_offer"],
                "MISSING_PRICE",
                severity="WARNING",
                marketplace_id=mp,
            )
        )
    if not records.has_product(tenant, record):
        found.append(
            issues.issue(
                issues.NO_PRODUCT,
                "The offer matches no product: give item_name or merchant_suggested_asin.",
                ["item_name"],
                "MISSING_ATTRIBUTE",
                action="LISTING_SUPPRESSED",
                marketplace_id=mp,
            )
        )
    return found


@transition(PROCESS)
def process(store: Any, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """Asynchronous processing of an accepted write; a later write makes this event stale."""
    tenant = store.tenant(seller_id)
    record = records.find(tenant, payload["marketplaceId"], payload["sku"])
    if record is None or record["epoch"] != payload["epoch"]:
        return
    record["live"] = True
    record["issues"] = later_issues(tenant, record)
    records.save(tenant, record)
