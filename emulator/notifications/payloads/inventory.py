"""FBA_INVENTORY_AVAILABILITY_CHANGES from inventory's `InventoryAvailabilityChanged`: every bucket."""

from __future__ import annotations

from typing import Any, Protocol, cast

from emulator.notifications.envelope import Draft
from emulator.state.events import EventRecord

UNFULFILLABLE = (
    "customer_damaged",
    "warehouse_damaged",
    "distributor_damaged",
    "carrier_damaged",
    "defective",
    "expired",
)


class BucketFacts(Protocol):
    """The quantities after the move, one per bucket."""

    @property
    def fulfillable(self) -> int: ...
    @property
    def pending_customer_order(self) -> int: ...
    @property
    def pending_transshipment(self) -> int: ...
    @property
    def fc_processing(self) -> int: ...
    @property
    def inbound_working(self) -> int: ...
    @property
    def inbound_shipped(self) -> int: ...
    @property
    def inbound_receiving(self) -> int: ...
    @property
    def researching(self) -> int: ...


class StockFacts(Protocol):
    """What the builder reads from the event."""

    @property
    def seller_sku(self) -> str: ...
    @property
    def marketplace_id(self) -> str: ...
    @property
    def fn_sku(self) -> str: ...
    @property
    def asin(self) -> str: ...
    @property
    def product_name(self) -> str: ...
    @property
    def buckets(self) -> BucketFacts: ...


def availability(record: EventRecord) -> list[Draft]:
    """One notification per stock move, with the item's quantities after it."""
    facts = cast(StockFacts, record.event)
    b = facts.buckets
    inventory: dict[str, Any] = {
        "InboundQuantityBreakdown": {
            "Working": b.inbound_working,
            "Shipped": b.inbound_shipped,
            "Receiving": b.inbound_receiving,
        },
        "Fulfillable": b.fulfillable,
        "Unfulfillable": sum(getattr(b, name) for name in UNFULFILLABLE),
        "Researching": b.researching,
        "ReservedQuantityBreakdown": {
            "WarehouseProcessing": b.fc_processing,
            "WarehouseTransfer": b.pending_transshipment,
            "PendingCustomerOrder": b.pending_customer_order,
        },
        "FutureSupplyBuyable": 0,
        "PendingCustomerOrderInTransit": 0,
    }
    payload = {
        "SellerId": record.seller_id,
        "FNSKU": facts.fn_sku,
        "ASIN": facts.asin,
        "SKU": facts.seller_sku,
        "FulfillmentInventoryByMarketplace": [
            {
                "MarketplaceId": facts.marketplace_id,
                "ItemName": facts.product_name,
                "FulfillmentInventory": inventory,
                "Stores": [],
            }
        ],
    }
    return [Draft("FBA_INVENTORY_AVAILABILITY_CHANGES", record.at, payload)]
