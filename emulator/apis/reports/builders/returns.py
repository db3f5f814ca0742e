"""GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: every returned unit the fulfilment centre received in range.

A unit is reported once the FC has received and graded it (return item `Processed`), dated then.
`detailed-disposition` names the inventory bucket the unit went back to (`SELLABLE`, `DEFECTIVE`,
`CUSTOMER_DAMAGED`, `CARRIER_DAMAGED`, `WAREHOUSE_DAMAGED`); `reason` is the return reason code;
`status` is `Unit returned to inventory` (every graded unit goes back into a bucket);
`license-plate-number` is a stable `LPN` id derived from the return item.
"""

from __future__ import annotations

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound.records import Order, ReturnItem
from emulator.apis.outbound.text import derived
from emulator.apis.reports.builders.sheet import Scope, Sheet, stamp
from emulator.apis.reports.builders.shipments import orders
from emulator.apis.reports.dispositions import of_bucket

HEADER = (
    "return-date",
    "order-id",
    "sku",
    "asin",
    "fnsku",
    "product-name",
    "quantity",
    "fulfillment-center-id",
    "detailed-disposition",
    "reason",
    "status",
    "license-plate-number",
    "customer-comments",
)
RETURNED = "Unit returned to inventory"


def _row(scope: Scope, order: Order, item: ReturnItem) -> tuple[str, ...]:
    sku = order.line(item.line_id).sku
    stocked = inventory.find(scope.tenant, order.marketplace_id, sku)
    bucket = inventory.DISPOSITION_BUCKET[item.received_condition or "Sellable"]
    return (
        stamp(item.status_changed_at),
        order.order_id,
        sku,
        stocked.asin if stocked else "",
        stocked.fn_sku if stocked else "",
        stocked.product_name if stocked else "",
        "1",
        item.fulfillment_center_id,
        of_bucket(bucket),
        item.reason_code,
        RETURNED,
        "LPN" + derived(scope.tenant.seller_id, order.order_id, item.return_item_id, length=10),
        item.comment or "",
    )


def received(scope: Scope) -> list[tuple[Order, ReturnItem]]:
    """(order, unit) of every returned unit received inside the range, in the order they were received."""
    found = [
        (order, item)
        for order in orders(scope)
        for item in order.return_items
        if item.status == "Processed" and scope.covers(item.status_changed_at)
    ]
    return sorted(found, key=lambda pair: (pair[1].status_changed_at, pair[1].return_item_id))


def customer_returns(scope: Scope) -> Sheet:
    """The returned units received in range, one row each."""
    return Sheet(HEADER, [_row(scope, order, item) for order, item in received(scope)])
