"""FBA inventory records: an item per (marketplace, SKU) with its quantity buckets, and the tables.

Every unit an item ever received sits in exactly one bucket, so for every item

    item.added == item.buckets.total()

(`InventoryItem.balanced`). `Buckets` is an immutable value: a move returns new buckets whose total
is unchanged, and a move or receipt that would drive a bucket below zero raises `BucketError`.
`shipped` holds units that left the network with a customer shipment; returns move them back.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec

from emulator.registry import table
from emulator.state.records import Record, TableSpec


class Bucket(StrEnum):
    """A place a unit can be; each value is the name of its `Buckets` field."""

    FULFILLABLE = "fulfillable"
    PENDING_CUSTOMER_ORDER = "pending_customer_order"
    PENDING_TRANSSHIPMENT = "pending_transshipment"
    FC_PROCESSING = "fc_processing"
    INBOUND_WORKING = "inbound_working"
    INBOUND_SHIPPED = "inbound_shipped"
    INBOUND_RECEIVING = "inbound_receiving"
    RESEARCHING = "researching"
    CUSTOMER_DAMAGED = "customer_damaged"
    WAREHOUSE_DAMAGED = "warehouse_damaged"
    DISTRIBUTOR_DAMAGED = "distributor_damaged"
    CARRIER_DAMAGED = "carrier_damaged"
    DEFECTIVE = "defective"
    EXPIRED = "expired"
    SHIPPED = "shipped"


RESERVED = (Bucket.PENDING_CUSTOMER_ORDER, Bucket.PENDING_TRANSSHIPMENT, Bucket.FC_PROCESSING)
INBOUND = (Bucket.INBOUND_WORKING, Bucket.INBOUND_SHIPPED, Bucket.INBOUND_RECEIVING)
UNFULFILLABLE = (
    Bucket.CUSTOMER_DAMAGED,
    Bucket.WAREHOUSE_DAMAGED,
    Bucket.DISTRIBUTOR_DAMAGED,
    Bucket.CARRIER_DAMAGED,
    Bucket.DEFECTIVE,
    Bucket.EXPIRED,
)


class BucketError(ValueError):
    """A move or receipt that would leave a bucket below zero, or a negative quantity."""


class Buckets(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """The units of one item per bucket (an immutable value: moves return new buckets). Every bucket
    is always written out, so events and snapshots show each quantity, zeros included."""

    fulfillable: int = 0
    pending_customer_order: int = 0
    pending_transshipment: int = 0
    fc_processing: int = 0
    inbound_working: int = 0
    inbound_shipped: int = 0
    inbound_receiving: int = 0
    researching: int = 0
    customer_damaged: int = 0
    warehouse_damaged: int = 0
    distributor_damaged: int = 0
    carrier_damaged: int = 0
    defective: int = 0
    expired: int = 0
    shipped: int = 0

    def count(self, bucket: Bucket) -> int:
        """Units in `bucket`."""
        found: int = getattr(self, bucket)
        return found

    def received(self, bucket: Bucket, quantity: int) -> Buckets:
        """These buckets with `quantity` new units in `bucket`."""
        if quantity < 0:
            raise BucketError(f"cannot receive {quantity} units")
        return msgspec.structs.replace(self, **{bucket: self.count(bucket) + quantity})

    def removed(self, bucket: Bucket, quantity: int) -> Buckets:
        """These buckets with `quantity` units of `bucket` gone from the network."""
        held = self.count(bucket)
        if not 0 <= quantity <= held:
            raise BucketError(f"cannot remove {quantity} of the {held} units in {bucket}")
        return msgspec.structs.replace(self, **{bucket: held - quantity})

    def moved(self, source: Bucket, target: Bucket, quantity: int) -> Buckets:
        """These buckets with `quantity` units moved from `source` to `target` (the total is unchanged)."""
        held = self.count(source)
        if not 0 <= quantity <= held:
            raise BucketError(f"cannot move {quantity} of the {held} units in {source}")
        if source is target:
            return self
        return msgspec.structs.replace(
            self, **{source: held - quantity, target: self.count(target) + quantity}
        )

    def total(self) -> int:
        """Units in every bucket, shipped ones included."""
        return sum(msgspec.structs.astuple(self))

    def reserved(self) -> int:
        return sum(self.count(b) for b in RESERVED)

    def unfulfillable(self) -> int:
        return sum(self.count(b) for b in UNFULFILLABLE)

    def in_network(self) -> int:
        """Units in Amazon's network, inbound included (shipped units have left it)."""
        return self.total() - self.shipped


class InventoryItem(Record):
    """One SKU in one marketplace: what getInventorySummaries reports, plus bookkeeping."""

    seller_sku: str
    marketplace_id: str
    product_name: str
    fn_sku: str
    asin: str
    unit_weight_lb: float  # shipping weight per unit (drives preview weights and fees)
    updated_at: float  # lastUpdatedTime: the last move that was not inbound-only
    condition: str = "NewItem"
    buckets: Buckets = Buckets()
    # bookkeeping, never rendered
    added: int = 0  # units ever received: the conservation law's left side

    @property
    def key(self) -> str:
        return item_key(self.marketplace_id, self.seller_sku)

    def balanced(self) -> bool:
        """The conservation law: every unit ever received sits in exactly one bucket."""
        return self.added == self.buckets.total()


class Idempotency(Record):
    """An addInventory request already applied under an `x-amzn-idempotency-token`."""

    digest: str  # sha256 of the request's inventoryItems
    at: float


class SummaryQuery(Record):
    """The selection of a getInventorySummaries call, kept with its page token."""

    details: bool = False
    start: float | None = None  # startDateTime as a timestamp
    skus: list[str] = []
    sku: str | None = None


class PageToken(Record):
    """A `nextToken`: the query it pages and where the next page starts."""

    issued_at: float
    marketplace_id: str
    query: SummaryQuery
    offset: int


def item_key(marketplace_id: str, sku: str) -> str:
    return f"{marketplace_id}/{sku}"


ITEMS = table(TableSpec("inventory", InventoryItem))
IDEMPOTENCY = table(TableSpec("inventory_idempotency", Idempotency))
PAGE_TOKENS = table(TableSpec("inventory_page_tokens", PageToken))
