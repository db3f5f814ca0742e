"""getInventorySummaries: selection, the InventorySummary shape and `nextToken` pages (reference §8.1).

Choices where Amazon is silent: 50 summaries per page; summaries in SKU order; a token is bound
to the query that issued it (later filters are ignored while paging) and dies 30 s of emulator
time after it was issued, as observed (§13 #14).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from emulator.apis.inventory import service
from emulator.context import parse_instant
from emulator.errors import InvalidInput
from emulator.registry import table
from emulator.state import Clock, IdFactory, TenantState
from emulator.state.clock import iso
from emulator.state.records import TableSpec

PAGE_SIZE = 50
TOKEN_TTL = 30.0
MAX_LOOKBACK = timedelta(days=548)  # 18 months
TOKENS = table(TableSpec("inventory_page_tokens", dict))  # type: ignore[type-var]
_DATE_DETAILS = "Query parameter [startDateTime] value is not a valid ISO date-time object."


def summary(item: service.Item, details: bool) -> dict[str, Any]:
    """One `InventorySummary`; `inventoryDetails` only when asked for."""
    q = item["q"]
    found: dict[str, Any] = {
        "asin": item["asin"],
        "fnSku": item["fnSku"],
        "sellerSku": item["sellerSku"],
        "condition": item["condition"],
        "lastUpdatedTime": iso_at(item["changedAt"]),
        "productName": item["productName"],
        "totalQuantity": service.total_quantity(item),
        "stores": [],
    }
    if details:
        found["inventoryDetails"] = {
            "fulfillableQuantity": q["fulfillable"],
            "inboundWorkingQuantity": q["inboundWorking"],
            "inboundShippedQuantity": q["inboundShipped"],
            "inboundReceivingQuantity": q["inboundReceiving"],
            "reservedQuantity": {
                "totalReservedQuantity": service.reserved(item),
                "pendingCustomerOrderQuantity": q["pendingCustomerOrder"],
                "pendingTransshipmentQuantity": q["pendingTransshipment"],
                "fcProcessingQuantity": q["fcProcessing"],
            },
            "researchingQuantity": {
                "totalResearchingQuantity": q["researching"],
                "researchingQuantityBreakdown": [
                    {"name": "researchingQuantityInShortTerm", "quantity": q["researching"]},
                    {"name": "researchingQuantityInMidTerm", "quantity": 0},
                    {"name": "researchingQuantityInLongTerm", "quantity": 0},
                ],
            },
            "unfulfillableQuantity": {
                "totalUnfulfillableQuantity": sum(q[b] for b in service.UNFULFILLABLE),
                **{f"{b}Quantity": q[b] for b in service.UNFULFILLABLE},
            },
        }
    return found


def iso_at(timestamp: float) -> str:
    """A POSIX timestamp in SP-API's ISO form."""
    return iso(datetime.fromtimestamp(timestamp, UTC))


def _start(text: str, clock: Clock) -> float:
    start = parse_instant(text, "startDateTime", "This is an invalid input", _DATE_DETAILS)
    if start < (clock.now() - MAX_LOOKBACK).timestamp():
        raise InvalidInput(
            "Query startDateTime cannot not be earlier than 18 months", f"startDateTime={text}"
        )
    return start


def _select(tenant: TenantState, marketplace_id: str, query: dict[str, Any]) -> list[str]:
    """Keys of the matching items, in SKU order (startDateTime wins over sellerSkus over sellerSku).

    SKU filters are key lookups, so asking for three SKUs costs the same with 10 or 100,000 in stock.
    """
    if query.get("start") is None and (query.get("skus") or query.get("sku")):
        table = tenant.table(service.TABLE)
        wanted = sorted(set(query["skus"])) if query.get("skus") else [query["sku"]]
        return [k for k in (service.key(marketplace_id, sku) for sku in wanted) if k in table]
    chosen = list(service.items(tenant, marketplace_id))
    if query.get("start") is not None:
        chosen = [i for i in chosen if i["changedAt"] >= query["start"]]
    chosen.sort(key=lambda i: i["sellerSku"])
    return [service.key(marketplace_id, i["sellerSku"]) for i in chosen]


def page(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, params: dict[str, Any]
) -> dict[str, Any]:
    """The response body of one getInventorySummaries call."""
    tokens = tenant.table(TOKENS)
    now = clock.timestamp()
    token = params.get("nextToken")
    if token is not None:
        saved = tokens.get(token)
        if saved is None or now - saved["issued"] > TOKEN_TTL or saved["marketplaceId"] != marketplace_id:
            raise InvalidInput("Next token is invalid or expired", f"nextToken={token}")
        query, offset = saved["query"], saved["offset"]
    else:
        if len(params.get("sellerSkus") or []) > 50:
            raise InvalidInput("sellerSkus accepts at most 50 SKUs.", "sellerSkus")
        start = params.get("startDateTime")
        query = {
            "details": bool(params.get("details")),
            "start": _start(start, clock) if start else None,
            "skus": params.get("sellerSkus") or [],
            "sku": params.get("sellerSku"),
        }
        offset = 0
    keys = _select(tenant, marketplace_id, query)
    table = tenant.table(service.TABLE)
    chunk = [table.get(k) for k in keys[offset : offset + PAGE_SIZE]]
    body: dict[str, Any] = {
        "payload": {
            "granularity": {"granularityType": "Marketplace", "granularityId": marketplace_id},
            "inventorySummaries": [summary(i, query["details"]) for i in chunk if i is not None],
        }
    }
    expired = []
    for token_key, saved in tokens.items():  # issued in order: stop at the first token still alive
        if now - saved["issued"] <= TOKEN_TTL:
            break
        expired.append(token_key)
    for token_key in expired:
        tokens.delete(token_key)
    if offset + PAGE_SIZE < len(keys):
        fresh = ids.alnum(48)
        tokens.put(
            fresh,
            {"issued": now, "marketplaceId": marketplace_id, "query": query, "offset": offset + PAGE_SIZE},
        )
        body["pagination"] = {"nextToken": fresh}
    return body
