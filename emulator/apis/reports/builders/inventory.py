"""FBA inventory reports from the seller's inventory items, as getInventorySummaries sees them.

Every quantity is read from the same buckets getInventorySummaries reports, so the two always agree:
`afn-fulfillable-quantity` = fulfillable, `afn-unsellable-quantity` = total unfulfillable,
`afn-reserved-quantity` = total reserved, `afn-warehouse-quantity` = the three together, and
`afn-total-quantity` = warehouse + inbound (researching units are in neither, as Amazon documents).
"""

from __future__ import annotations

from collections.abc import Iterator

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.inventory.records import InventoryItem
from emulator.apis.reports.builders.sheet import Scope, Sheet

AFN_HEADER = (
    "seller-sku",
    "fulfillment-channel-sku",
    "asin",
    "condition-type",
    "Warehouse-Condition-code",
    "Quantity Available",
)
MYI_HEADER = (
    "sku",
    "fnsku",
    "asin",
    "product-name",
    "condition",
    "your-price",
    "mfn-listing-exists",
    "mfn-fulfillable-quantity",
    "afn-listing-exists",
    "afn-warehouse-quantity",
    "afn-fulfillable-quantity",
    "afn-unsellable-quantity",
    "afn-reserved-quantity",
    "afn-total-quantity",
    "per-unit-volume",
    "afn-inbound-working-quantity",
    "afn-inbound-shipped-quantity",
    "afn-inbound-receiving-quantity",
)
RESERVED_HEADER = (
    "sku",
    "fnsku",
    "asin",
    "product-name",
    "reserved_qty",
    "reserved_customerorders",
    "reserved_fc-transfers",
    "reserved_fc-processing",
)


def _items(scope: Scope) -> Iterator[InventoryItem]:
    """The seller's items in the report's marketplaces, marketplace by marketplace, in SKU order."""
    for marketplace_id in scope.marketplace_ids:
        yield from sorted(inventory.items(scope.tenant, marketplace_id), key=lambda i: i.seller_sku)


def warehouse(item: InventoryItem) -> int:
    """Units in the warehouse: fulfillable, unsellable and reserved."""
    b = item.buckets
    return b.fulfillable + b.unfulfillable() + b.reserved()


def _afn_rows(item: InventoryItem, country: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """A SELLABLE row for every item, an UNSELLABLE one where units are unsellable."""
    who = (item.seller_sku, item.fn_sku, item.asin, item.condition)
    yield (*who, "SELLABLE", str(item.buckets.fulfillable), *country)
    if item.buckets.unfulfillable():
        yield (*who, "UNSELLABLE", str(item.buckets.unfulfillable()), *country)


def afn(scope: Scope) -> Sheet:
    """GET_AFN_INVENTORY_DATA: units available per SKU and warehouse condition."""
    return Sheet(AFN_HEADER, [row for item in _items(scope) for row in _afn_rows(item, ())])


def afn_by_country(scope: Scope) -> Sheet:
    """GET_AFN_INVENTORY_DATA_BY_COUNTRY: the same, with the country of the item's marketplace."""
    rows = [row for item in _items(scope) for row in _afn_rows(item, (BY_ID[item.marketplace_id].country,))]
    return Sheet((*AFN_HEADER, "country"), rows)


def _myi_row(item: InventoryItem) -> tuple[str, ...]:
    b = item.buckets
    inbound = b.inbound_working + b.inbound_shipped + b.inbound_receiving
    quantities = (warehouse(item), b.fulfillable, b.unfulfillable(), b.reserved(), warehouse(item) + inbound)
    return (
        item.seller_sku,
        item.fn_sku,
        item.asin,
        item.product_name,
        "New",
        "",
        "No",
        "",
        "Yes",
        *map(str, quantities),
        "",
        str(b.inbound_working),
        str(b.inbound_shipped),
        str(b.inbound_receiving),
    )


def myi_all(scope: Scope) -> Sheet:
    """GET_FBA_MYI_ALL_INVENTORY_DATA: every SKU, with or without units."""
    return Sheet(MYI_HEADER, [_myi_row(item) for item in _items(scope)])


def myi_unsuppressed(scope: Scope) -> Sheet:
    """GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: SKUs with units in Amazon's network (the emulator's
    stand-in for listings that are not archived)."""
    return Sheet(MYI_HEADER, [_myi_row(item) for item in _items(scope) if item.buckets.in_network()])


def reserved(scope: Scope) -> Sheet:
    """GET_RESERVED_INVENTORY_DATA: SKUs with reserved units, per reason."""
    rows = [
        (
            item.seller_sku,
            item.fn_sku,
            item.asin,
            item.product_name,
            str(item.buckets.reserved()),
            str(item.buckets.pending_customer_order),
            str(item.buckets.pending_transshipment),
            str(item.buckets.fc_processing),
        )
        for item in _items(scope)
        if item.buckets.reserved()
    ]
    return Sheet(RESERVED_HEADER, rows)
