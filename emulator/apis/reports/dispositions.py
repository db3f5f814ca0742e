"""Warehouse dispositions: how the reports name the inventory bucket a unit is in."""

from __future__ import annotations

from emulator.apis.inventory.records import INBOUND, Bucket

SELLABLE = "SELLABLE"
_SELLABLE = frozenset(
    {
        Bucket.FULFILLABLE,
        Bucket.PENDING_CUSTOMER_ORDER,
        Bucket.PENDING_TRANSSHIPMENT,
        Bucket.FC_PROCESSING,
        Bucket.RESEARCHING,
    }
)
_OUTSIDE = frozenset({*INBOUND, Bucket.SHIPPED})
"""Buckets outside the warehouse balance: units on their way in, and units that left with a shipment."""


def of_bucket(bucket: Bucket) -> str:
    """`SELLABLE` for units that can still be sold (reserved ones included), else the bucket's name."""
    return SELLABLE if bucket in _SELLABLE else bucket.name


def in_warehouse(bucket: Bucket | None) -> str | None:
    """The disposition of units in `bucket`, or None when it is outside the warehouse balance."""
    return None if bucket is None or bucket in _OUTSIDE else of_bucket(bucket)
