"""The one internal order record both outbound versions read and write, and its update-time index.

An order lives in the seller's `outbound_orders` table keyed by its id (2020 `sellerFulfillmentOrderId`
= 2026 `orderId`). Field names follow 2020-07-01; the 2026 handlers translate. Listing uses the
`outbound_index` record: `[updatedAt, sequence, orderId]` triples kept sorted, so one page costs a
binary search plus the page, whatever the number of orders.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from datetime import UTC, datetime
from typing import Any

import orjson

from emulator.errors import InvalidInput, NotFound
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.clock import iso
from emulator.state.records import TableSpec

ORDERS = table(TableSpec("outbound_orders", dict))  # type: ignore[type-var]
INDEX = table(TableSpec("outbound_index", dict))  # type: ignore[type-var]
PACKAGES = table(TableSpec("outbound_packages", dict))  # type: ignore[type-var]
COUNTERS = table(TableSpec("outbound_counters", dict))  # type: ignore[type-var]
PAGE_SIZE = 50
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
TERMINAL = ("Complete", "CompletePartialled", "Unfulfillable", "Invalid", "Cancelled")

Order = dict[str, Any]


def at(timestamp: float) -> str:
    """ISO-8601 text of a POSIX timestamp."""
    return iso(datetime.fromtimestamp(timestamp, UTC))


def derived(*parts: object, length: int = 12, alphabet: str = "0123456789") -> str:
    """A reproducible identifier derived from its inputs (used where no IdFactory is at hand)."""
    digest = int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest(), "big")
    out = []
    for _ in range(length):
        digest, rest = divmod(digest, len(alphabet))
        out.append(alphabet[rest])
    return "".join(out)


def check_id(order_id: str, field: str) -> None:
    if not ID_PATTERN.match(order_id):
        raise InvalidInput(
            f"{field} must be 1 to 40 characters of letters, digits, '-' or '_'.", f"{field}={order_id}"
        )


def find(tenant: TenantState, order_id: str) -> Order | None:
    return tenant.table(ORDERS).get(order_id)


def get(tenant: TenantState, order_id: str) -> Order:
    """The order, or 404 naming it."""
    order = find(tenant, order_id)
    if order is None:
        raise NotFound(
            f"Fulfillment order {order_id!r} was not found.", f"sellerFulfillmentOrderId={order_id}"
        )
    return order


def save(tenant: TenantState, order: Order) -> None:
    """Persist the order (call after every change)."""
    tenant.table(ORDERS).put(order["sellerFulfillmentOrderId"], order)


def touch(tenant: TenantState, order: Order, now: float) -> None:
    """Record a status change at `now`: moves the order to the end of the update index, then saves."""
    table = tenant.table(INDEX)
    index = table.get("updated") or {"entries": [], "sequence": 0}
    entries = index["entries"]
    old = order.get("indexKey")
    if old is not None:
        spot = bisect.bisect_left(entries, [*old, order["sellerFulfillmentOrderId"]])
        if spot < len(entries) and entries[spot][2] == order["sellerFulfillmentOrderId"]:
            del entries[spot]
    index["sequence"] += 1
    order["indexKey"] = [now, index["sequence"]]
    bisect.insort(entries, [now, index["sequence"], order["sellerFulfillmentOrderId"]])
    order["statusUpdatedAt"] = now
    table.put("updated", index)
    save(tenant, order)


def next_number(tenant: TenantState, name: str, start: int) -> int:
    """A per-seller counter (package numbers)."""
    counters = tenant.table(COUNTERS)
    record = counters.get(name) or {"next": start}
    value = record["next"]
    counters.put(name, {"next": value + 1})
    return int(value)


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(state)).decode().rstrip("=")


def _decode(token: str, field: str) -> dict[str, Any]:
    try:
        state = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        after = [float(state["after"][0]), int(state["after"][1])]
        return {"after": after}
    except (ValueError, KeyError, TypeError, IndexError, orjson.JSONDecodeError):
        raise InvalidInput(f"{field} is invalid.", f"{field}={token}") from None


def page(
    tenant: TenantState, since: float | None, token: str | None, field: str
) -> tuple[list[Order], str | None]:
    """Orders updated at or after `since`, oldest update first, one page at a time."""
    entries = (tenant.table(INDEX).get("updated") or {"entries": []})["entries"]
    if token:
        start = bisect.bisect_right(entries, [*_decode(token, field)["after"], "\uffff"])
    else:
        start = bisect.bisect_left(entries, [since, 0, ""]) if since is not None else 0
    chunk = entries[start : start + PAGE_SIZE]
    orders = tenant.table(ORDERS)
    found = [o for o in (orders.get(e[2]) for e in chunk) if o is not None]
    more = start + PAGE_SIZE < len(entries)
    return found, _encode({"after": chunk[-1][:2]}) if more and chunk else None
