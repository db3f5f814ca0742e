"""Test-only domain events and their payload builders, so delivery is tested apart from the APIs."""

from __future__ import annotations

from emulator.notifications.envelope import Draft
from emulator.runtime import Runtime
from emulator.state.events import DomainEvent, EventRecord


class StockCounted(DomainEvent, frozen=True):
    """Test-only: a SKU's fulfillable count, built into FBA_INVENTORY_AVAILABILITY_CHANGES."""

    sku: str
    fulfillable: int


class ListingSeen(DomainEvent, frozen=True):
    """Test-only: a listing's status, built into LISTINGS_ITEM_STATUS_CHANGE (an EventBridge type)."""

    sku: str


class Miscounted(DomainEvent, frozen=True):
    """Test-only: built into an FBA_INVENTORY_AVAILABILITY_CHANGES payload that lacks its SKU."""

    sku: str


def stock_payload(record: EventRecord) -> list[Draft]:
    event = record.event
    assert isinstance(event, StockCounted | Miscounted)
    counted = event.fulfillable if isinstance(event, StockCounted) else 0
    inventory = {
        "InboundQuantityBreakdown": {"Working": 0, "Shipped": 0, "Receiving": 0},
        "Fulfillable": counted,
        "Unfulfillable": 0,
        "Researching": 0,
        "ReservedQuantityBreakdown": {
            "WarehouseProcessing": 0,
            "WarehouseTransfer": 0,
            "PendingCustomerOrder": 0,
        },
        "FutureSupplyBuyable": 0,
        "PendingCustomerOrderInTransit": 0,
    }
    payload = {
        "SellerId": record.seller_id,
        "FNSKU": "X00TEST",
        "ASIN": "B0TEST",
        "SKU": event.sku,
        "FulfillmentInventoryByMarketplace": [
            {
                "MarketplaceId": "ATVPDKIKX0DER",
                "ItemName": event.sku,
                "FulfillmentInventory": inventory,
                "Stores": [],
            }
        ],
    }
    return [Draft("FBA_INVENTORY_AVAILABILITY_CHANGES", record.at, payload)]


def miscounted_payload(record: EventRecord) -> list[Draft]:
    (draft,) = stock_payload(record)
    del draft.payload["SKU"]
    return [draft]


def listing_payload(record: EventRecord) -> list[Draft]:
    event = record.event
    assert isinstance(event, ListingSeen)
    payload = {
        "SellerId": record.seller_id,
        "MarketplaceId": "ATVPDKIKX0DER",
        "Asin": "B0TEST",
        "Sku": event.sku,
    }
    return [Draft("LISTINGS_ITEM_STATUS_CHANGE", record.at, payload | {"Status": ["DISCOVERABLE"]})]


def emit(runtime: Runtime, event: DomainEvent, seller_id: str = "A1MCFEMULATOR1") -> None:
    """Record a test-only event and commit, as a request would."""
    runtime.store.tenant(seller_id).record(runtime.clock.timestamp(), event)
    runtime.commit()
