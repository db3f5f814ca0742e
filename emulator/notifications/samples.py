"""Sample payloads for `sendTestNotification`: one plausible, schema-valid payload per type."""

from __future__ import annotations

from typing import Any

from emulator.notifications.envelope import timestamp

SELLER = "ATESTNOTIFICATION"


def sample(notification_type: str, at: float) -> dict[str, Any]:
    """The payload of a test notification of `notification_type` sent at emulator time `at`."""
    when = timestamp(at)
    listing = {
        "SellerId": SELLER,
        "MarketplaceId": "ATVPDKIKX0DER",
        "Asin": "B0TEST0001",
        "Sku": "TEST-SKU-1",
    }
    inventory = {
        "InboundQuantityBreakdown": {"Working": 0, "Shipped": 0, "Receiving": 0},
        "Fulfillable": 10,
        "Unfulfillable": 0,
        "Researching": 0,
        "ReservedQuantityBreakdown": {
            "WarehouseProcessing": 0,
            "WarehouseTransfer": 0,
            "PendingCustomerOrder": 1,
        },
        "FutureSupplyBuyable": 0,
        "PendingCustomerOrderInTransit": 0,
    }
    payloads: dict[str, dict[str, Any]] = {
        "FULFILLMENT_ORDER_STATUS": {
            "FulfillmentOrderStatusNotification": {
                "SellerId": SELLER,
                "EventType": "Order",
                "StatusUpdatedDateTime": when,
                "SellerFulfillmentOrderId": "TEST-ORDER-1",
                "FulfillmentOrderStatus": "Received",
            }
        },
        "FBA_OUTBOUND_SHIPMENT_STATUS": {
            "FBAOutboundShipmentStatusNotification": {
                "SellerId": SELLER,
                "AmazonOrderId": "000-0000000-0000000",
                "AmazonShipmentId": "TESTSHIP1",
                "ShipmentStatus": "Created",
            }
        },
        "FBA_INVENTORY_AVAILABILITY_CHANGES": {
            "SellerId": SELLER,
            "FNSKU": "X00TEST001",
            "ASIN": "B0TEST0001",
            "SKU": "TEST-SKU-1",
            "FulfillmentInventoryByMarketplace": [
                {
                    "MarketplaceId": "ATVPDKIKX0DER",
                    "ItemName": "Test item",
                    "FulfillmentInventory": inventory,
                    "Stores": [],
                }
            ],
        },
        "REPORT_PROCESSING_FINISHED": {
            "reportProcessingFinishedNotification": {
                "sellerId": SELLER,
                "accountId": f"amzn1.merchant.o.{SELLER}",
                "reportId": "0",
                "reportType": "GET_AFN_INVENTORY_DATA",
                "processingStatus": "CANCELLED",
            }
        },
        "LISTINGS_ITEM_STATUS_CHANGE": listing | {"CreatedDate": when, "Status": ["DISCOVERABLE"]},
        "LISTINGS_ITEM_ISSUES_CHANGE": listing | {"Severities": ["NONE"], "EnforcementActions": []},
    }
    return payloads[notification_type]
