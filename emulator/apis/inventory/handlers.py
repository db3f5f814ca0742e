"""FBA Inventory v1: getInventorySummaries and the three sandbox control operations (reference §8).

Choices where Amazon is silent: createInventoryItem on an existing SKU is a 400; deleteInventoryItem
is refused while open orders hold units; addInventory applies a whole request or nothing, and a
reused idempotency token with a different body is a 400 rather than a silent replay.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from emulator.apis.inventory import marketplaces, service, summaries
from emulator.apis.inventory.records import IDEMPOTENCY, Idempotency
from emulator.context import Call
from emulator.errors import InvalidInput
from emulator.registry import operation


@operation("getInventorySummaries")
def get_inventory_summaries(call: Call) -> dict[str, Any]:
    """Live quantities from the shared inventory buckets; `details=true` gives the full breakdown."""
    params = call.params
    marketplace_id = params["marketplaceIds"][0] if params["marketplaceIds"] else ""
    if len(params["marketplaceIds"]) != 1:
        raise InvalidInput("Exactly one marketplaceId is required.", "marketplaceIds")
    if params["granularityId"] != marketplace_id:
        raise InvalidInput(
            "granularityId must be the marketplace named in marketplaceIds.",
            f"granularityId={params['granularityId']}",
        )
    marketplaces.require(marketplace_id, call.caller.marketplaces, "marketplaceIds")
    return summaries.page(call.tenant, call.clock, call.ids, marketplace_id, params)


@operation("createInventoryItem")
def create_inventory_item(call: Call) -> dict[str, Any]:
    """Registers a SKU with generated FNSKU and ASIN, no stock and an implicit FBA offer (the sandbox's
    stand-in for the listing a real seller would have)."""
    body = call.body
    marketplaces.require(body["marketplaceId"], call.caller.marketplaces)
    if not body["sellerSku"].strip():
        raise InvalidInput("sellerSku must not be empty.", "sellerSku")
    service.create(
        call.tenant,
        call.clock,
        call.ids,
        body["marketplaceId"],
        body["sellerSku"],
        body["productName"],
        implicit_offer=True,
    )
    return {}


@operation("deleteInventoryItem")
def delete_inventory_item(call: Call) -> dict[str, Any]:
    """Removes a SKU from one marketplace (refused while units are reserved)."""
    marketplaces.require(call.params["marketplaceId"], call.caller.marketplaces)
    service.delete(
        call.tenant, call.clock.timestamp(), call.params["marketplaceId"], call.params["sellerSku"]
    )
    return {}


@operation("addInventory")
def add_inventory(call: Call) -> dict[str, Any]:
    """Adds fulfillable units; the same `x-amzn-idempotency-token` twice adds once."""
    token = call.params["x-amzn-idempotency-token"]
    lines = (call.body or {}).get("inventoryItems") or []
    digest = hashlib.sha256(orjson.dumps(lines, option=orjson.OPT_SORT_KEYS)).hexdigest()
    seen = call.tenant.table(IDEMPOTENCY)
    earlier = seen.get(token)
    if earlier is not None:
        if earlier.digest != digest:
            raise InvalidInput(
                "The idempotency token was already used for a different request.",
                f"x-amzn-idempotency-token={token}",
            )
        return {}
    if not lines:
        raise InvalidInput("inventoryItems must list at least one item.", "inventoryItems")
    for line in lines:  # validate everything before changing anything
        marketplaces.require(line["marketplaceId"], call.caller.marketplaces)
        service.get(call.tenant, line["marketplaceId"], line["sellerSku"])
        if line["quantity"] <= 0:
            raise InvalidInput(
                f"quantity must be positive (got {line['quantity']}).", f"sellerSku={line['sellerSku']}"
            )
    now = call.clock.timestamp()
    for line in lines:
        service.add(call.tenant, now, line["marketplaceId"], line["sellerSku"], line["quantity"])
    seen.put(token, Idempotency(digest=digest, at=now))
    return {}
