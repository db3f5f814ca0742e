"""The payload builders of the notifications the emulator emits, by the event type they follow.

Each builder reads the fields it needs through a Protocol, so the events stay the emitting API's
own classes and this package imports none of them. REPORT_PROCESSING_FINISHED (the Reports issue)
and inventory changes from inbound receipts (the Inbound issue, which records the inventory event)
each take one more entry here at most.
"""

from __future__ import annotations

from emulator.notifications.builders import Builder
from emulator.notifications.payloads import fulfillment, inventory, listings

DEFAULT_BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("OrderStatusChanged", fulfillment.order_status),
    ("ShipmentStatusChanged", fulfillment.shipment_status),
    ("ReturnStatusChanged", fulfillment.return_status),
    ("InventoryAvailabilityChanged", inventory.availability),
    ("ListingStatusChanged", listings.status),
    ("ListingIssuesChanged", listings.issues),
)
