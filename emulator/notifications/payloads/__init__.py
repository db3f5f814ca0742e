"""The payload builders of the notifications the emulator emits, by the event type they follow.

Each builder reads the fields it needs through a Protocol, so the events stay the emitting API's
own classes and this package imports none of them. Inventory changes from inbound receipts (the
Inbound issue, which records the inventory event) take one more entry here at most.
"""

from __future__ import annotations

from emulator.notifications.builders import Build
from emulator.notifications.payloads import fulfillment, inventory, listings, reports

ORDER_STATUS = "FULFILLMENT_ORDER_STATUS"
DEFAULT_BUILDERS: tuple[tuple[str, str, Build], ...] = (
    ("OrderStatusChanged", ORDER_STATUS, fulfillment.order_status),
    ("ShipmentStatusChanged", ORDER_STATUS, fulfillment.shipment_status),
    ("ReturnStatusChanged", ORDER_STATUS, fulfillment.return_status),
    ("InventoryAvailabilityChanged", "FBA_INVENTORY_AVAILABILITY_CHANGES", inventory.availability),
    ("ListingStatusChanged", "LISTINGS_ITEM_STATUS_CHANGE", listings.status),
    ("ListingIssuesChanged", "LISTINGS_ITEM_ISSUES_CHANGE", listings.issues),
    ("ReportProcessingFinished", reports.REPORT_PROCESSING_FINISHED, reports.finished),
)
