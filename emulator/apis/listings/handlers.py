"""The five Listings Items 2021-08-01 operations.

`{sellerId}` must be the calling seller: any other value is 403 Unauthorized (the emulator's choice;
a token only ever grants access to its own seller's listings). Every `marketplaceIds` entry must
be a marketplace the seller participates in (400). Writes name exactly one marketplace (the model
says so for put and delete; patch follows). `issueLocale` is accepted; messages are in English.
As Amazon does, a patch of a SKU that has no listing is accepted and starts a partial listing (an
offer alone, say; its requirements are implied by what the patches give). Deleting a SKU that has
no listing is a 400, as Amazon's sandbox answers a delete of a bad SKU (the model declares no 404),
unless the SKU was registered with createInventoryItem: its implicit FBA offer stands for the listing
Amazon would have, and the delete removes it (see `published`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from emulator.apis.inventory import marketplaces
from emulator.apis.inventory import service as inventory
from emulator.apis.listings import issues, patches, records, search, status, submissions, wire
from emulator.apis.listings.records import Requirements, Submission, Verdict
from emulator.context import Call
from emulator.errors import INVALID_INPUT_CODES, InvalidInput, NotFound, Unauthorized
from emulator.registry import operation

Handler = Callable[[Call], dict[str, Any]]


def _spelled(handler: Handler) -> Handler:
    """Listings Items spells its 400 code `BAD_REQUEST` (the model's canned errors), not `InvalidInput`;
    the edge spells its own 400s for these operations the same way."""

    @wraps(handler)
    def run(call: Call) -> dict[str, Any]:
        try:
            return handler(call)
        except InvalidInput as error:
            error.code = INVALID_INPUT_CODES["listings-items"]
            raise

    return run


def _checked(call: Call) -> list[str]:
    """The request's marketplaces after the seller and marketplace checks, each once, in request order."""
    if call.params["sellerId"] != call.seller_id:
        raise Unauthorized(details=f"sellerId={call.params['sellerId']} is not the authorized seller.")
    wanted = call.params["marketplaceIds"]  # never empty: the edge requires at least one
    for marketplace_id in wanted:
        marketplaces.require(marketplace_id, call.caller.marketplaces, "marketplaceIds")
    return list(dict.fromkeys(wanted))


def _one_marketplace(call: Call) -> str:
    wanted = _checked(call)
    if len(wanted) != 1:
        raise InvalidInput("A listings write names exactly one marketplace.", "marketplaceIds")
    if not call.params["sku"].strip():
        raise InvalidInput("sku must not be empty.", "sku")
    return wanted[0]


def _answer(call: Call, judged: Submission) -> dict[str, Any]:
    included = call.params.get("includedData") or ["issues"]
    marketplace_id = call.params["marketplaceIds"][0]
    return wire.submission(call.params["sku"], marketplace_id, included, judged)


@operation("putListingsItem")
@_spelled
def put_listings_item(call: Call) -> dict[str, Any]:
    """Creates or fully replaces a listing; INVALID answers are HTTP 200 with issues."""
    _one_marketplace(call)
    body = call.body
    requirements = Requirements(body.get("requirements") or Requirements.LISTING)
    return _answer(call, submissions.submit(call, body["productType"], requirements, body["attributes"], []))


@operation("patchListingsItem")
@_spelled
def patch_listings_item(call: Call) -> dict[str, Any]:
    """Applies add/replace/merge/delete patches to top-level attributes (an unknown SKU starts a listing)."""
    listing = records.find(call.tenant, _one_marketplace(call), call.params["sku"])
    product_type = call.body["productType"]
    attributes, found = patches.apply(listing.attributes if listing else {}, call.body["patches"])
    if listing is None:
        requirements = submissions.implied_requirements(attributes)
    else:
        requirements = listing.requirements
        if product_type != listing.product_type:
            why = f"the listing's product type is {listing.product_type}, not {product_type}."
            found.append(issues.invalid("productType", why))
    return _answer(call, submissions.submit(call, product_type, requirements, attributes, found))


@operation("deleteListingsItem")
@_spelled
def delete_listings_item(call: Call) -> dict[str, Any]:
    """Deletes the listing in one marketplace at once, with the SKU's implicit FBA offer (`published`);
    a SKU with neither is a 400."""
    marketplace_id, sku = _one_marketplace(call), call.params["sku"]
    listing = records.find(call.tenant, marketplace_id, sku)
    implicit = inventory.withdraw_implicit_offer(call.tenant, marketplace_id, sku)
    if listing is None and not implicit:
        raise InvalidInput(
            f"There is no listings item {sku!r} in marketplace {marketplace_id}.", f"sku={sku}"
        )
    if listing is not None:
        status.discard(call.tenant, call.clock.timestamp(), listing)
    deleted = Submission(submission_id=call.ids.uuid(), verdict=Verdict.ACCEPTED, issues=())
    return wire.submission(sku, marketplace_id, ["issues"], deleted)


@operation("getListingsItem")
@_spelled
def get_listings_item(call: Call) -> dict[str, Any]:
    """The listing across the requested marketplaces, with the `includedData` parts asked for."""
    sku = call.params["sku"]
    held = [r for mp in _checked(call) if (r := records.find(call.tenant, mp, sku)) is not None]
    if not held:  # Amazon's Listings API spells this code NOT_FOUND
        raise NotFound(
            f"There is no listings item {sku!r} in the requested marketplaces.",
            f"sku={sku}",
            code="NOT_FOUND",
        )
    return wire.item(call.tenant, held, call.params.get("includedData") or ["summaries"])


@operation("searchListingsItems")
@_spelled
def search_listings_items(call: Call) -> dict[str, Any]:
    """Filters, sorts and pages the seller's listings (first 1000 matches reachable)."""
    return search.run(call.tenant, {**call.params, "marketplaceIds": _checked(call)})
