"""What FBA inventory records when stock moves, and the code of other APIs that follows stock.

`InventoryAvailabilityChanged` carries everything an FBA_INVENTORY_AVAILABILITY_CHANGES notification
needs: the item's identity and every bucket after the move. Code that must change in the same step
as stock (the listings' BUYABLE status of FBA offers) binds itself with `@follows_stock`; inventory
calls it right after recording the event and never imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from emulator.apis.inventory.records import Bucket, Buckets
from emulator.registry import domain_event
from emulator.state import TenantState
from emulator.state.events import DomainEvent


class StockMove(StrEnum):
    """Why units moved."""

    ADDED = "Added"  # new units entered the network (addInventory, or an inbound bucket)
    RESERVED = "Reserved"  # fulfillable units held for a customer order
    RELEASED = "Released"  # held units given back (cancelled or unfulfillable order lines)
    SHIPPED = "Shipped"  # held units left with a shipment
    RETURNED = "Returned"  # shipped units came back into the bucket of their disposition
    DELETED = "Deleted"  # the item was deleted with the units it held
    INBOUND = "Inbound"  # inbound units moved on with their shipment (working -> shipped -> receiving)
    RECEIVED = "Received"  # a fulfilment centre received inbound units (fulfillable, or damaged)
    WITHDRAWN = "Withdrawn"  # inbound units that will never arrive left the network (cancelled, short)


@domain_event
class InventoryAvailabilityChanged(DomainEvent, frozen=True):
    """Units of one item moved; `buckets` are its quantities after the move (all 0 once deleted)."""

    seller_sku: str
    marketplace_id: str
    fn_sku: str
    asin: str
    product_name: str
    move: StockMove
    quantity: int  # units moved
    buckets: Buckets
    source: Bucket | None = None  # None: the units came from outside (added) or left with the item
    target: Bucket | None = None


StockFollower = Callable[[TenantState, float, InventoryAvailabilityChanged], None]
FOLLOWERS: list[StockFollower] = []  # code, bound at import; never data


def follows_stock(follower: StockFollower) -> StockFollower:
    """Call `follower(tenant, now, event)` after every stock move, in the same step."""
    if follower not in FOLLOWERS:
        FOLLOWERS.append(follower)
    return follower
