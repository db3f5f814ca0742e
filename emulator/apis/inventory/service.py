"""FBA inventory per SKU and marketplace: the buckets units live in, and the moves between them.

Other APIs (outbound orders, returns, inbound) change stock only through the functions here.
Every unit ever added stays in exactly one bucket, so for every item:

    added == fulfillable + reserved buckets + inbound buckets + researching + unfulfillable buckets + shipped

`shipped` holds units that left the network with a customer shipment; a return moves them back
into `fulfillable` or an unfulfillable bucket by disposition. No bucket ever goes negative.
Imports nothing but state and errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from emulator.errors import InvalidInput, NotFound
from emulator.registry import table
from emulator.state import Clock, IdFactory, TenantState
from emulator.state.clock import iso
from emulator.state.records import TableSpec

TABLE = table(TableSpec("inventory", dict))  # type: ignore[type-var]
RESERVED = ("pendingCustomerOrder", "pendingTransshipment", "fcProcessing")
INBOUND = ("inboundWorking", "inboundShipped", "inboundReceiving")
UNFULFILLABLE = (
    "customerDamaged",
    "warehouseDamaged",
    "distributorDamaged",
    "carrierDamaged",
    "defective",
    "expired",
)
BUCKETS = ("fulfillable", *RESERVED, *INBOUND, "researching", *UNFULFILLABLE, "shipped")
# Return dispositions (2020-07-01 ReturnItemDisposition) -> the bucket the returned unit lands in.
DISPOSITION_BUCKET = {
    "Sellable": "fulfillable",
    "Defective": "defective",
    "CustomerDamaged": "customerDamaged",
    "CarrierDamaged": "carrierDamaged",
    "FulfillerDamaged": "warehouseDamaged",
}

Item = dict[str, Any]


def key(marketplace_id: str, sku: str) -> str:
    return f"{marketplace_id}/{sku}"


def find(tenant: TenantState, marketplace_id: str, sku: str) -> Item | None:
    """The item of `sku` in `marketplace_id`, or None."""
    return tenant.table(TABLE).get(key(marketplace_id, sku))


def get(tenant: TenantState, marketplace_id: str, sku: str) -> Item:
    """The item, or 404 NotFound naming it."""
    item = find(tenant, marketplace_id, sku)
    if item is None:
        raise NotFound(
            f"SKU {sku!r} does not exist in marketplace {marketplace_id}.",
            f"sellerSku={sku}, marketplaceId={marketplace_id}",
        )
    return item


def items(tenant: TenantState, marketplace_id: str) -> Iterator[Item]:
    """Every item of one marketplace, in creation order."""
    return (i for i in tenant.table(TABLE).values() if i["marketplaceId"] == marketplace_id)


def create(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, sku: str, product_name: str
) -> Item:
    """Register a SKU with no stock; FNSKU, ASIN and a unit weight are generated."""
    if find(tenant, marketplace_id, sku) is not None:
        raise InvalidInput(
            f"SKU {sku!r} already exists in marketplace {marketplace_id}.",
            f"sellerSku={sku}, marketplaceId={marketplace_id}",
        )
    now = clock.timestamp()
    item: Item = {
        "sellerSku": sku,
        "marketplaceId": marketplace_id,
        "productName": product_name,
        "fnSku": "X00" + ids.upper(7),
        "asin": "B0" + ids.upper(8),
        "condition": "NewItem",
        # Shipping weight per unit in pounds, between 0.25 and 4.99 (drives preview weights and fees).
        "unitWeightLb": round(0.25 + int(ids.digits(3)) / 1000 * 4.74, 2),
        "createdTime": iso(clock.now()),
        "changedAt": now,
        "added": 0,
        "q": dict.fromkeys(BUCKETS, 0),
    }
    return tenant.table(TABLE).put(key(marketplace_id, sku), item)


def delete(tenant: TenantState, marketplace_id: str, sku: str) -> None:
    """Remove a SKU; refused while open orders hold units of it."""
    item = get(tenant, marketplace_id, sku)
    if reserved(item):
        raise InvalidInput(
            f"SKU {sku!r} has {reserved(item)} units reserved for open orders and cannot be deleted.",
            f"sellerSku={sku}",
        )
    tenant.table(TABLE).delete(key(marketplace_id, sku))


def _save(tenant: TenantState, item: Item, now: float, *, counts_as_change: bool = True) -> None:
    if counts_as_change:
        item["changedAt"] = now
    tenant.table(TABLE).put(key(item["marketplaceId"], item["sellerSku"]), item)


def add(
    tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int, bucket: str = "fulfillable"
) -> Item:
    """New units enter the network (sandbox addInventory, or an inbound bucket)."""
    if quantity < 0:
        raise InvalidInput(f"quantity must not be negative (got {quantity}).", f"sellerSku={sku}")
    item = get(tenant, marketplace_id, sku)
    item["added"] += quantity
    item["q"][bucket] += quantity
    _save(tenant, item, now, counts_as_change=bucket not in INBOUND)
    return item


def move(tenant: TenantState, now: float, item: Item, source: str, target: str, quantity: int) -> int:
    """Move up to `quantity` units between buckets; returns how many moved (never drives a bucket below 0)."""
    moved = max(0, min(quantity, item["q"][source]))
    if moved:
        item["q"][source] -= moved
        item["q"][target] += moved
        _save(tenant, item, now, counts_as_change=not (source in INBOUND and target in INBOUND))
    return moved


def available(item: Item | None) -> int:
    """Units free to promise to a new order (fulfillable and not reserved)."""
    return item["q"]["fulfillable"] if item else 0


def reserved(item: Item) -> int:
    return sum(item["q"][b] for b in RESERVED)


def reserve(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Hold up to `quantity` fulfillable units for a customer order; returns how many were held."""
    item = find(tenant, marketplace_id, sku)
    return move(tenant, now, item, "fulfillable", "pendingCustomerOrder", quantity) if item else 0


def release(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Give reserved units back to fulfillable (cancelled or unfulfillable order lines)."""
    item = find(tenant, marketplace_id, sku)
    return move(tenant, now, item, "pendingCustomerOrder", "fulfillable", quantity) if item else 0


def ship(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Reserved units leave the fulfilment centre with a shipment."""
    item = find(tenant, marketplace_id, sku)
    return move(tenant, now, item, "pendingCustomerOrder", "shipped", quantity) if item else 0


def restock(
    tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int, disposition: str
) -> int:
    """Returned units come back from `shipped` into the bucket their disposition names."""
    item = find(tenant, marketplace_id, sku)
    return move(tenant, now, item, "shipped", DISPOSITION_BUCKET[disposition], quantity) if item else 0


def total_quantity(item: Item) -> int:
    """All units in Amazon's network, inbound included (shipped units have left it)."""
    return item["added"] - item["q"]["shipped"]
