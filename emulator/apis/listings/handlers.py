"""The five Listings Items 2021-08-01 operations.

`{sellerId}` must be the calling seller: any other value is 403 Unauthorized (the emulator's choice;
a token only ever grants access to its own seller's listings). Every `marketplaceIds` entry must
be a marketplace the seller participates in (400). Writes name exactly one marketplace (the model
says so for put and delete; patch follows). `issueLocale` is accepted; messages are in English.
As Amazon does, a patch of a SKU that has no listing is accepted and starts a partial listing (an
offer alone, say; its requirements are implied by what the patches give). Deleting a SKU that has
no listing is a 400, as Amazon's sandbox answers a delete of a bad SKU (the model declares no 404).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import marketplaces
from emulator.apis.listings import issues, patches, records, search, submissions, views
from emulator.context import Call
from emulator.errors import InvalidInput, NotFound, Unauthorized
from emulator.registry import operation


def _checked(call: Call) -> list[str]:
    """The request's marketplaces after the seller and marketplace checks."""
    if call.params["sellerId"] != call.seller_id:
        raise Unauthorized(details=f"sellerId={call.params['sellerId']} is not the authorized seller.")
    wanted = call.params["marketplaceIds"]
    if not wanted:
        raise InvalidInput("marketplaceIds must name a marketplace.", "marketplaceIds")
    for marketplace_id in wanted:
        marketplaces.require(marketplace_id, call.caller.marketplaces, "marketplaceIds")
    return list(wanted)


def _one_marketplace(call: Call) -> str:
    wanted = _checked(call)
    if len(wanted) != 1:
        raise InvalidInput("A listings write names exactly one marketplace.", "marketplaceIds")
    if not call.params["sku"].strip():
        raise InvalidInput("sku must not be empty.", "sku")
    return wanted[0]


@operation("putListingsItem")
def put_listings_item(call: Call) -> dict[str, Any]:
    """Creates or fully replaces a listing; INVALID answers are HTTP 200 with issues."""
    _one_marketplace(call)
    body = call.body
    return submissions.submit(
        call, body["productType"], body.get("requirements") or "LISTING", body["attributes"], []
    )


@operation("patchListingsItem")
def patch_listings_item(call: Call) -> dict[str, Any]:
    """Applies add/replace/merge/delete patches to top-level attributes (an unknown SKU starts a listing)."""
    record = records.find(call.tenant, _one_marketplace(call), call.params["sku"])
    product_type = call.body["productType"]
    attributes, found = patches.apply(record["attributes"] if record else {}, call.body["patches"])
    if record is None:
        return submissions.submit(
            call, product_type, submissions.implied_requirements(attributes), attributes, found
        )
    if product_type != record["productType"]:
        found.append(
            issues.invalid(
                "productType", f"the listing's product type is {record['productType']}, not {product_type}."
            )
        )
    return submissions.submit(call, product_type, record["requirements"], attributes, found)


@operation("deleteListingsItem")
def delete_listings_item(call: Call) -> dict[str, Any]:
    """Deletes the listing in one marketplace at once; an unknown SKU is a 400."""
    marketplace_id, sku = _one_marketplace(call), call.params["sku"]
    if records.find(call.tenant, marketplace_id, sku) is None:
        raise InvalidInput(
            f"There is no listings item {sku!r} in marketplace {marketplace_id}.", f"sku={sku}"
        )
    records.remove(call.tenant, marketplace_id, sku)
    return {"sku": sku, "status": "ACCEPTED", "submissionId": call.ids.uuid(), "issues": []}


@operation("getListingsItem")
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
    return views.item(call.tenant, held, call.params.get("includedData") or ["summaries"])


@operation("searchListingsItems")
def search_listings_items(call: Call) -> dict[str, Any]:
    """Filters, sorts and pages the seller's listings (first 1000 matches reachable)."""
    _checked(call)
    return search.run(call.tenant, call.params)
