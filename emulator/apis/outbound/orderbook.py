"""Where orders live: the seller's packed `outbound_orders` table, keyed by order id, and its counters.

The table is packed: an order is kept as MessagePack bytes and decoded on every read, so 100,000 orders
take little memory and are no work for the garbage collector. A read returns a fresh copy: whoever
changes an order saves it.
"""

from __future__ import annotations

import re

from emulator.apis.outbound.records import Counter, Order
from emulator.errors import InvalidInput, NotFound
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import TableSpec

ORDERS = table(TableSpec("outbound_orders", Order, packed=True))
COUNTERS = table(TableSpec("outbound_counters", Counter))
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def check_id(order_id: str, field: str) -> None:
    if not ID_PATTERN.match(order_id):
        raise InvalidInput(
            f"{field} must be 1 to 40 characters of letters, digits, '-' or '_'.", f"{field}={order_id}"
        )


def exists(tenant: TenantState, order_id: str) -> bool:
    return order_id in tenant.table(ORDERS)


def find(tenant: TenantState, order_id: str) -> Order | None:
    return tenant.table(ORDERS).get(order_id)


def get(tenant: TenantState, order_id: str, field: str = "sellerFulfillmentOrderId") -> Order:
    """The order, or 404 naming it by `field` (the parameter the request named it with)."""
    order = find(tenant, order_id)
    if order is None:
        raise NotFound(f"Fulfillment order {order_id!r} was not found.", f"{field}={order_id}")
    return order


def save(tenant: TenantState, order: Order) -> None:
    """Keep the order as it is now (call after every change)."""
    tenant.table(ORDERS).put(order.order_id, order)


def next_number(tenant: TenantState, name: str, start: int) -> int:
    """The next value of the per-seller counter `name` (the first is `start`)."""
    counters = tenant.table(COUNTERS)
    counter = counters.get(name)
    value = start if counter is None else counter.next
    counters.put(name, Counter(next=value + 1))
    return value
