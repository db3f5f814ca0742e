"""FBA inventory per SKU and marketplace: the moves between buckets, each recorded as it is made.

Other APIs (outbound orders, returns, inbound) change stock only through the functions here, and
every change ends in `_shift`, which keeps the item, records one `InventoryAvailabilityChanged` and
lets the code that follows stock catch up. A move of 0 units changes and records nothing. Moves
never drive a bucket below 0 and never create or lose a unit (see `records`).
"""

from __future__ import annotations

from collections.abc import Iterator

from emulator.apis.inventory.events import FOLLOWERS, InventoryAvailabilityChanged, StockMove
from emulator.apis.inventory.records import (
    INBOUND,
    ITEMS,
    Bucket,
    Buckets,
    InventoryItem,
    item_key,
)
from emulator.errors import InvalidInput, NotFound
from emulator.state import Clock, IdFactory, TenantState

_QUIET = frozenset({None, *INBOUND})  # moves among these leave lastUpdatedTime (inbound changes ignored)
# Return dispositions (2020-07-01 ReturnItemDisposition) -> the bucket the returned unit lands in.
DISPOSITION_BUCKET = {
    "Sellable": Bucket.FULFILLABLE,
    "Defective": Bucket.DEFECTIVE,
    "CustomerDamaged": Bucket.CUSTOMER_DAMAGED,
    "CarrierDamaged": Bucket.CARRIER_DAMAGED,
    "FulfillerDamaged": Bucket.WAREHOUSE_DAMAGED,
}


def find(tenant: TenantState, marketplace_id: str, sku: str) -> InventoryItem | None:
    """The item of `sku` in `marketplace_id`, or None."""
    return tenant.table(ITEMS).get(item_key(marketplace_id, sku))


def get(tenant: TenantState, marketplace_id: str, sku: str) -> InventoryItem:
    """The item, or 404 NotFound naming it."""
    item = find(tenant, marketplace_id, sku)
    if item is None:
        raise NotFound(
            f"SKU {sku!r} does not exist in marketplace {marketplace_id}.",
            f"sellerSku={sku}, marketplaceId={marketplace_id}",
        )
    return item


def items(tenant: TenantState, marketplace_id: str) -> Iterator[InventoryItem]:
    """Every item of one marketplace, in creation order."""
    return (i for i in tenant.table(ITEMS).values() if i.marketplace_id == marketplace_id)


def create(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, sku: str, product_name: str
) -> InventoryItem:
    """Register a SKU with no stock; FNSKU, ASIN and a unit weight are generated."""
    if find(tenant, marketplace_id, sku) is not None:
        raise InvalidInput(
            f"SKU {sku!r} already exists in marketplace {marketplace_id}.",
            f"sellerSku={sku}, marketplaceId={marketplace_id}",
        )
    item = InventoryItem(
        seller_sku=sku,
        marketplace_id=marketplace_id,
        product_name=product_name,
        fn_sku="X00" + ids.upper(7),
        asin="B0" + ids.upper(8),
        # between 0.25 and 4.99 pounds
        unit_weight_lb=round(0.25 + int(ids.digits(3)) / 1000 * 4.74, 2),
        updated_at=clock.timestamp(),
    )
    return tenant.table(ITEMS).put(item.key, item)


def delete(tenant: TenantState, now: float, marketplace_id: str, sku: str) -> None:
    """Remove a SKU with the units it holds; refused while open orders hold units of it."""
    item = get(tenant, marketplace_id, sku)
    held = item.buckets.reserved()
    if held:
        raise InvalidInput(
            f"SKU {sku!r} has {held} units reserved for open orders and cannot be deleted.",
            f"sellerSku={sku}",
        )
    _shift(tenant, now, item, None, StockMove.DELETED, item.buckets.total(), None, None)


def add(
    tenant: TenantState,
    now: float,
    marketplace_id: str,
    sku: str,
    quantity: int,
    bucket: Bucket = Bucket.FULFILLABLE,
) -> InventoryItem:
    """New units enter the network (sandbox addInventory, or an inbound bucket)."""
    if quantity < 0:
        raise InvalidInput(f"quantity must not be negative (got {quantity}).", f"sellerSku={sku}")
    item = get(tenant, marketplace_id, sku)
    if quantity:
        item.added += quantity
        after = item.buckets.received(bucket, quantity)
        _shift(tenant, now, item, after, StockMove.ADDED, quantity, None, bucket)
    return item


def move(
    tenant: TenantState,
    now: float,
    item: InventoryItem | None,
    source: Bucket,
    target: Bucket,
    quantity: int,
    why: StockMove,
) -> int:
    """Move up to `quantity` units of `item` (if any) between buckets; returns how many moved (at most
    what `source` holds)."""
    if item is None:
        return 0
    moved = max(0, min(quantity, item.buckets.count(source)))
    if moved:
        _shift(tenant, now, item, item.buckets.moved(source, target, moved), why, moved, source, target)
    return moved


def withdraw(
    tenant: TenantState, now: float, item: InventoryItem | None, bucket: Bucket, quantity: int, why: StockMove
) -> int:
    """Take up to `quantity` units of `item` (if any) out of `bucket` and the network (inbound units that
    will never arrive); returns how many left."""
    if item is None:
        return 0
    gone = max(0, min(quantity, item.buckets.count(bucket)))
    if gone:
        item.added -= gone
        _shift(tenant, now, item, item.buckets.removed(bucket, gone), why, gone, bucket, None)
    return gone


def _shift(
    tenant: TenantState,
    now: float,
    item: InventoryItem,
    after: Buckets | None,
    why: StockMove,
    quantity: int,
    source: Bucket | None,
    target: Bucket | None,
) -> None:
    """Make a move: the item's buckets become `after` (None: the item goes with its units), the item
    is kept, and the move is recorded when units moved."""
    if after is None:
        tenant.table(ITEMS).delete(item.key)
        after = Buckets()
    else:
        item.buckets = after
        if source not in _QUIET or target not in _QUIET:
            item.updated_at = now
        tenant.table(ITEMS).put(item.key, item)
    if not quantity:
        return
    event = InventoryAvailabilityChanged(
        seller_sku=item.seller_sku,
        marketplace_id=item.marketplace_id,
        fn_sku=item.fn_sku,
        asin=item.asin,
        product_name=item.product_name,
        move=why,
        quantity=quantity,
        source=source,
        target=target,
        buckets=after,
    )
    tenant.record(now, event)
    for follow in FOLLOWERS:
        follow(tenant, now, event)


def available(item: InventoryItem | None) -> int:
    """Units free to promise to a new order (fulfillable and not reserved)."""
    return item.buckets.fulfillable if item else 0


def total_quantity(item: InventoryItem) -> int:
    """All units in Amazon's network, inbound included (shipped units have left it)."""
    return item.buckets.in_network()


def reserve(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Hold up to `quantity` fulfillable units for a customer order; returns how many were held."""
    item = find(tenant, marketplace_id, sku)
    return move(
        tenant, now, item, Bucket.FULFILLABLE, Bucket.PENDING_CUSTOMER_ORDER, quantity, StockMove.RESERVED
    )


def release(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Give reserved units back to fulfillable (cancelled or unfulfillable order lines)."""
    item = find(tenant, marketplace_id, sku)
    return move(
        tenant, now, item, Bucket.PENDING_CUSTOMER_ORDER, Bucket.FULFILLABLE, quantity, StockMove.RELEASED
    )


def ship(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Reserved units leave the fulfilment centre with a shipment."""
    item = find(tenant, marketplace_id, sku)
    return move(tenant, now, item, Bucket.PENDING_CUSTOMER_ORDER, Bucket.SHIPPED, quantity, StockMove.SHIPPED)


def restock(
    tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int, disposition: str
) -> int:
    """Returned units come back from `shipped` into the bucket their disposition names."""
    item = find(tenant, marketplace_id, sku)
    target = DISPOSITION_BUCKET[disposition]
    return move(tenant, now, item, Bucket.SHIPPED, target, quantity, StockMove.RETURNED)
