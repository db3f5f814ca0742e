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

    fulfillable: int
    pending_customer_order: int
    pending_transshipment: int
    fc_processing: int
    inbound_working: int
    inbound_shipped: int
    inbound_receiving: int
    researching: int


class StockFacts(Protocol):
    """What the builder reads from the event."""

    seller_sku: str
    marketplace_id: str
    fn_sku: str
    asin: str
    product_name: str
    buckets: BucketFacts


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
