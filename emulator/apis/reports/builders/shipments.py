"""GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: one row per item of every shipped MCF shipment.

A shipment is in the report when it left the fulfilment centre (`SHIPPED`) inside the report's range.
Choices where Amazon is silent: `amazon-order-id` is a stable `S01-` id derived from the order,
`merchant-order-id` and `merchant-order-item-id` are the seller's order and line ids, `sales-channel`
is `Non-Amazon` and `fulfillment-channel` `AFN`; prices are the line's per-unit price times the units
shipped (empty when the order gave none); buyer and billing columns the order does not know are empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.outbound.orderbook import ORDERS
from emulator.apis.outbound.records import Money, Order, Shipment, ShipmentItem
from emulator.apis.outbound.text import derived
from emulator.apis.reports.builders.sheet import Scope, Sheet, money, stamp
from emulator.state.clock import parse_iso

HEADER = (
    "amazon-order-id",
    "merchant-order-id",
    "shipment-id",
    "shipment-item-id",
    "amazon-order-item-id",
    "merchant-order-item-id",
    "purchase-date",
    "payments-date",
    "shipment-date",
    "reporting-date",
    "buyer-email",
    "buyer-name",
    "buyer-phone-number",
    "sku",
    "product-name",
    "quantity-shipped",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "ship-service-level",
    "recipient-name",
    "ship-address-1",
    "ship-address-2",
    "ship-address-3",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "ship-phone-number",
    "bill-address-1",
    "bill-address-2",
    "bill-address-3",
    "bill-city",
    "bill-state",
    "bill-postal-code",
    "bill-country",
    "item-promotion-discount",
    "ship-promotion-discount",
    "carrier",
    "tracking-number",
    "estimated-arrival-date",
    "fulfillment-center-id",
    "fulfillment-channel",
    "sales-channel",
)
BILLING_COLUMNS = 7


def amazon_order_id(seller_id: str, order_id: str) -> str:
    """The Amazon order id an MCF order is reported under."""
    digits = derived(seller_id, order_id, "amazon-order", length=14)
    return f"S01-{digits[:7]}-{digits[7:]}"


def _total(price: Money | None, quantity: int) -> str:
    return money(Decimal(price.amount) * quantity) if price is not None else ""


def _purchased(order: Order) -> str:
    try:
        return stamp(parse_iso(order.terms.displayable_order_date).timestamp())
    except ValueError:
        return stamp(order.received_at)


def _row(
    scope: Scope, order: Order, shipment: Shipment, position: int, item: ShipmentItem
) -> tuple[str, ...]:
    seller_id = scope.tenant.seller_id
    line = order.line(item.line_id)
    stocked = inventory.find(scope.tenant, order.marketplace_id, line.sku)
    details = line.details
    price = details.per_unit_price if details else None
    tax = details.per_unit_tax if details else None
    package = next((p for p in shipment.packages if p.number == item.package_number), None)
    to = order.terms.destination
    currency = price.currency_code if price else BY_ID[order.marketplace_id].currency
    purchased = _purchased(order)
    return (
        amazon_order_id(seller_id, order.order_id),
        order.order_id,
        shipment.shipment_id,
        shipment.item_id(position),
        derived(seller_id, order.order_id, line.line_id, length=14),
        line.line_id,
        purchased,
        purchased,
        stamp(shipment.ship_at),
        stamp(shipment.ship_at),
        (order.terms.notification_emails or [""])[0],
        to.name,
        to.phone or "",
        line.sku,
        stocked.product_name if stocked else "",
        str(item.quantity),
        currency,
        _total(price, item.quantity),
        _total(tax, item.quantity),
        "",
        "",
        "",
        "",
        order.terms.shipping_speed,
        to.name,
        to.address_line1,
        to.address_line2 or "",
        to.address_line3 or "",
        to.city or "",
        to.state_or_region or "",
        to.postal_code,
        to.country_code,
        to.phone or "",
        *("",) * BILLING_COLUMNS,
        "",
        "",
        package.carrier_code if package else "",
        package.tracking_number if package else "",
        stamp(shipment.arrive_at),
        shipment.fulfillment_center_id,
        "AFN",
        "Non-Amazon",
    )


def orders(scope: Scope) -> Iterator[Order]:
    """The seller's MCF orders in the report's marketplaces."""
    return (o for o in scope.tenant.table(ORDERS).values() if o.marketplace_id in scope.marketplace_ids)


def shipped_items(scope: Scope) -> Iterator[tuple[Order, Shipment, int, ShipmentItem]]:
    """(order, shipment, position, item) of every item shipped inside the range, in shipment order."""
    found = [
        (order, shipment)
        for order in orders(scope)
        for shipment in order.shipments
        if shipment.status == "SHIPPED" and scope.covers(shipment.ship_at)
    ]
    found.sort(key=lambda pair: (pair[1].ship_at, pair[1].shipment_id))
    for order, shipment in found:
        for position, item in enumerate(shipment.items):
            yield order, shipment, position, item


def shipments(scope: Scope) -> Sheet:
    """The shipped items of MCF orders in the range."""
    return Sheet(HEADER, [_row(scope, *found) for found in shipped_items(scope)])
