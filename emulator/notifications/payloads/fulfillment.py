"""FULFILLMENT_ORDER_STATUS from the outbound API's order, shipment and return events (reference §11.3).

The payload spells statuses its own way: order statuses as the 2020-07-01 enum (no `New`, which is
never notified), shipment statuses in CamelCase (`Pending`, `Shipped`, ...) where the API says
`PENDING`, `SHIPPED`, ...
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from emulator.notifications.envelope import Draft, timestamp
from emulator.state.events import EventRecord

SHIPMENT_STATUS = {
    "PENDING": "Pending",
    "SHIPPED": "Shipped",
    "CANCELLED_BY_FULFILLER": "CancelledByFulfiller",
    "CANCELLED_BY_SELLER": "CancelledBySeller",
}
SILENT = ("New",)  # statuses no notification announces


class OrderFacts(Protocol):
    """Which order, and its status after the event."""

    @property
    def seller_fulfillment_order_id(self) -> str: ...
    @property
    def order_status(self) -> str: ...


class PackageFacts(Protocol):
    @property
    def package_number(self) -> int: ...
    @property
    def carrier_code(self) -> str: ...
    @property
    def tracking_number(self) -> str: ...


class ShipmentFacts(OrderFacts, Protocol):
    @property
    def amazon_shipment_id(self) -> str: ...
    @property
    def shipment_status(self) -> str: ...
    @property
    def estimated_arrival(self) -> float: ...
    @property
    def packages(self) -> Sequence[PackageFacts]: ...


class ReturnFacts(OrderFacts, Protocol):
    @property
    def seller_sku(self) -> str: ...
    @property
    def returned_quantity(self) -> int: ...
    @property
    def received_at(self) -> float: ...


def _notification(record: EventRecord, facts: OrderFacts, event_type: str, **parts: Any) -> list[Draft]:
    body = {
        "SellerId": record.seller_id,
        "EventType": event_type,
        "StatusUpdatedDateTime": timestamp(record.at),
        "SellerFulfillmentOrderId": facts.seller_fulfillment_order_id,
        "FulfillmentOrderStatus": facts.order_status,
        **parts,
    }
    return [Draft("FULFILLMENT_ORDER_STATUS", record.at, {"FulfillmentOrderStatusNotification": body})]


def order_status(record: EventRecord) -> list[Draft]:
    """An `Order` event for every status the order enters (but `New`)."""
    facts = cast(OrderFacts, record.event)
    return [] if facts.order_status in SILENT else _notification(record, facts, "Order")


def shipment_status(record: EventRecord) -> list[Draft]:
    """A `Shipment` event with the shipment's packages and tracking numbers."""
    facts = cast(ShipmentFacts, record.event)
    shipment = {
        "FulfillmentShipmentStatus": SHIPMENT_STATUS[facts.shipment_status],
        "AmazonShipmentId": facts.amazon_shipment_id,
        "EstimatedArrivalDateTime": timestamp(facts.estimated_arrival),
        "FulfillmentShipmentPackages": [
            {
                "PackageNumber": p.package_number,
                "CarrierCode": p.carrier_code,
                "TrackingNumber": p.tracking_number,
            }
            for p in facts.packages
        ],
    }
    return _notification(record, facts, "Shipment", FulfillmentShipment=shipment)


def return_status(record: EventRecord) -> list[Draft]:
    """A `Return` event for returned units received back."""
    facts = cast(ReturnFacts, record.event)
    item = {
        "ReceivedDateTime": timestamp(facts.received_at),
        "ReturnedQuantity": facts.returned_quantity,
        "SellerSKU": facts.seller_sku,
    }
    return _notification(record, facts, "Return", FulfillmentReturnItem=item)
