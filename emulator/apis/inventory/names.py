"""The product name FBA inventory shows for a SKU: the one its listing gives, else the registered one.

Inventory never imports listings: the listings API binds the function that reads a listing's name
with `@names_products`, as it binds the code that follows stock (`events.follows_stock`).
"""

from __future__ import annotations

from collections.abc import Callable

from emulator.apis.inventory.records import InventoryItem
from emulator.state import TenantState

ProductNamer = Callable[[TenantState, str, str], str | None]  # (tenant, marketplace, SKU) -> name or None
NAMERS: list[ProductNamer] = []  # code, bound at import; never data


def names_products(namer: ProductNamer) -> ProductNamer:
    """Ask `namer(tenant, marketplace_id, sku)` for a SKU's product name before using the registered one."""
    if namer not in NAMERS:
        NAMERS.append(namer)
    return namer


def product_name(tenant: TenantState, item: InventoryItem) -> str:
    """The name to show for `item`: the first name a namer gives, else the name it was registered with."""
    for namer in NAMERS:
        name = namer(tenant, item.marketplace_id, item.seller_sku)
        if name:
            return name
    return item.product_name
