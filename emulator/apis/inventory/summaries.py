"""getInventorySummaries: selection, the InventorySummary shape and `nextToken` pages (reference §8.1).

Choices where Amazon is silent: 50 summaries per page; summaries in SKU order; a token is bound
to the query that issued it (filters sent with it must be that query's, else it is refused as an
invalid token; filters left out are the token's) and dies 30 s of emulator time after it was issued,
as observed (§13 #14).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from emulator.apis.inventory import names, service
from emulator.apis.inventory.records import (
    ITEMS,
    PAGE_TOKENS,
    InventoryItem,
    PageToken,
    SummaryQuery,
    item_key,
)
from emulator.context import parse_instant
from emulator.errors import InvalidInput
from emulator.state import Clock, IdFactory, TenantState
from emulator.state.clock import iso

PAGE_SIZE = 50
TOKEN_TTL = 30.0
MAX_LOOKBACK = timedelta(days=548)  # 18 months
_DATE_DETAILS = "Query parameter [startDateTime] value is not a valid ISO date-time object."


def summary(tenant: TenantState, item: InventoryItem, details: bool) -> dict[str, Any]:
    """One `InventorySummary` (named as its listing names it); `inventoryDetails` only when asked for."""
    found: dict[str, Any] = {
        "asin": item.asin,
        "fnSku": item.fn_sku,
        "sellerSku": item.seller_sku,
        "condition": item.condition,
        "lastUpdatedTime": iso(item.updated_at),
        "productName": names.product_name(tenant, item),
        "totalQuantity": service.total_quantity(item),
        "stores": [],
    }
    if details:
        found["inventoryDetails"] = _details(item)
    return found


def _details(item: InventoryItem) -> dict[str, Any]:
    q = item.buckets
    return {
        "fulfillableQuantity": q.fulfillable,
        "inboundWorkingQuantity": q.inbound_working,
        "inboundShippedQuantity": q.inbound_shipped,
        "inboundReceivingQuantity": q.inbound_receiving,
        "reservedQuantity": {
            "totalReservedQuantity": q.reserved(),
            "pendingCustomerOrderQuantity": q.pending_customer_order,
            "pendingTransshipmentQuantity": q.pending_transshipment,
            "fcProcessingQuantity": q.fc_processing,
        },
        "researchingQuantity": {
            "totalResearchingQuantity": q.researching,
            "researchingQuantityBreakdown": [
                {"name": "researchingQuantityInShortTerm", "quantity": q.researching},
                {"name": "researchingQuantityInMidTerm", "quantity": 0},
                {"name": "researchingQuantityInLongTerm", "quantity": 0},
            ],
        },
        "unfulfillableQuantity": {
            "totalUnfulfillableQuantity": q.unfulfillable(),
            "customerDamagedQuantity": q.customer_damaged,
            "warehouseDamagedQuantity": q.warehouse_damaged,
            "distributorDamagedQuantity": q.distributor_damaged,
            "carrierDamagedQuantity": q.carrier_damaged,
            "defectiveQuantity": q.defective,
            "expiredQuantity": q.expired,
        },
    }


def _start(text: str, clock: Clock) -> float:
    start = parse_instant(text, "startDateTime", "This is an invalid input", _DATE_DETAILS)
    if start < (clock.now() - MAX_LOOKBACK).timestamp():
        raise InvalidInput(
            "Query startDateTime cannot not be earlier than 18 months", f"startDateTime={text}"
        )
    return start


def _select(tenant: TenantState, marketplace_id: str, query: SummaryQuery) -> list[str]:
    """Keys of the matching items, in SKU order (startDateTime wins over sellerSkus over sellerSku).

    SKU filters are key lookups, so asking for three SKUs costs the same with 10 or 100,000 in stock.
    """
    wanted = sorted(set(query.skus)) if query.skus else [query.sku] if query.sku else []
    if query.start is None and wanted:
        table = tenant.table(ITEMS)
        return [k for k in (item_key(marketplace_id, sku) for sku in wanted) if k in table]
    chosen = list(service.items(tenant, marketplace_id))
    if query.start is not None:
        start = query.start
        chosen = [i for i in chosen if i.updated_at >= start]
    chosen.sort(key=lambda i: i.seller_sku)
    return [i.key for i in chosen]


def _query(params: dict[str, Any], clock: Clock) -> SummaryQuery:
    """The selection a first call (no nextToken) asks for (the model caps sellerSkus at 50)."""
    start = params.get("startDateTime")
    return SummaryQuery(
        details=bool(params.get("details")),
        start=_start(start, clock) if start else None,
        skus=list(params.get("sellerSkus") or []),
        sku=params.get("sellerSku"),
    )


_FILTERS = (("details", "details"), ("start", "startDateTime"), ("skus", "sellerSkus"), ("sku", "sellerSku"))
"""SummaryQuery field -> the query parameter that sets it."""


def _belongs(params: dict[str, Any], clock: Clock, query: SummaryQuery) -> bool:
    """Whether every filter sent with a nextToken is the one of the query that issued it."""
    asked = _query(params, clock)
    return all(
        getattr(asked, field) == getattr(query, field)
        for field, name in _FILTERS
        if params.get(name) is not None
    )


def page(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, params: dict[str, Any]
) -> dict[str, Any]:
    """The response body of one getInventorySummaries call."""
    tokens = tenant.table(PAGE_TOKENS)
    now = clock.timestamp()
    token = params.get("nextToken")
    if token is not None:
        saved = tokens.get(token)
        if (
            saved is None
            or now - saved.issued_at > TOKEN_TTL
            or saved.marketplace_id != marketplace_id
            or not _belongs(params, clock, saved.query)
        ):
            raise InvalidInput("Next token is invalid or expired", f"nextToken={token}")
        query, offset = saved.query, saved.offset
    else:
        query, offset = _query(params, clock), 0
    keys = _select(tenant, marketplace_id, query)
    items = tenant.table(ITEMS)
    chunk = [items.get(k) for k in keys[offset : offset + PAGE_SIZE]]
    body: dict[str, Any] = {
        "payload": {
            "granularity": {"granularityType": "Marketplace", "granularityId": marketplace_id},
            "inventorySummaries": [summary(tenant, i, query.details) for i in chunk if i is not None],
        }
    }
    expired = []
    for token_key, saved in tokens.items():  # issued in order: stop at the first token still alive
        if now - saved.issued_at <= TOKEN_TTL:
            break
        expired.append(token_key)
    for token_key in expired:
        tokens.delete(token_key)
    if offset + PAGE_SIZE < len(keys):
        fresh = ids.alnum(48)
        tokens.put(
            fresh,
            PageToken(issued_at=now, marketplace_id=marketplace_id, query=query, offset=offset + PAGE_SIZE),
        )
        body["pagination"] = {"nextToken": fresh}
    return body
