"""FULFILLMENT_ORDER_STATUS from the outbound API's order, shipment and return events (reference §11.3).

The payload spells statuses its own way: order statuses as the 2020-07-01 enum (no `New`, which is
never notified), shipment statuses in CamelCase (`Pending`, `Shipped`, ...) where the API says
`PENDING`, `SHIPPED`, ... A `Return` event is sent when the fulfilment centre has received (and
graded) a returned unit; one return item is one unit.
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
RECEIVED = "Processed"  # the return status of a unit the fulfilment centre received


class OrderFacts(Protocol):
    """Which order, and its status after the event."""

    order_id: str
    order_status: str


class StatusFacts(Protocol):
    """An order's own event: which order, and the status it entered."""

    order_id: str
    status: str


class PackageFacts(Protocol):
    number: int
    carrier_code: str
    tracking_number: str


class ShipmentFacts(OrderFacts, Protocol):
    shipment_id: str
    status: str
    estimated_arrival_at: float
    packages: Sequence[PackageFacts]


class ReturnFacts(OrderFacts, Protocol):
    """A returned unit: its SKU and the return's status (with the order's status at that moment)."""

    sku: str
    status: str


def _notification(
    record: EventRecord, order_id: str, order_status: str, event_type: str, **parts: Any
) -> list[Draft]:
    body = {
        "SellerId": record.seller_id,
        "EventType": event_type,
        "StatusUpdatedDateTime": timestamp(record.at),
        "SellerFulfillmentOrderId": order_id,
        "FulfillmentOrderStatus": order_status,
        **parts,
    }
    return [Draft("FULFILLMENT_ORDER_STATUS", record.at, {"FulfillmentOrderStatusNotification": body})]


def order_status(record: EventRecord) -> list[Draft]:
    """An `Order` event for every status the order enters (but `New`)."""
    facts = cast(StatusFacts, record.event)
    return [] if facts.status in SILENT else _notification(record, facts.order_id, facts.status, "Order")


def shipment_status(record: EventRecord) -> list[Draft]:
    """A `Shipment` event with the shipment's packages and tracking numbers."""
    facts = cast(ShipmentFacts, record.event)
    shipment = {
        "FulfillmentShipmentStatus": SHIPMENT_STATUS[facts.status],
        "AmazonShipmentId": facts.shipment_id,
        "EstimatedArrivalDateTime": timestamp(facts.estimated_arrival_at),
        "FulfillmentShipmentPackages": [
            {
                "PackageNumber": p.number,
                "CarrierCode": p.carrier_code,
                "TrackingNumber": p.tracking_number,
            }
            for p in facts.packages
        ],
    }
    return _notification(record, facts.order_id, facts.order_status, "Shipment", FulfillmentShipment=shipment)


def return_status(record: EventRecord) -> list[Draft]:
    """A `Return` event once the fulfilment centre received a returned unit."""
    facts = cast(ReturnFacts, record.event)
    if facts.status != RECEIVED:
        return []
    item = {"ReceivedDateTime": timestamp(record.at), "ReturnedQuantity": 1, "SellerSKU": facts.sku}
    return _notification(record, facts.order_id, facts.order_status, "Return", FulfillmentReturnItem=item)
