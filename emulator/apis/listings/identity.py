"""A listing's ASIN and FNSKU, and what it takes from FBA inventory (its product, its stock).

ASIN and FNSKU come from the FBA inventory item of the same SKU and marketplace whenever one exists,
so both APIs always name the product alike, also when the item was created after the listing.
"""

from __future__ import annotations

from emulator.apis.inventory import service as inventory
from emulator.apis.listings import records
from emulator.apis.listings.records import Facts, Listing
from emulator.state import IdFactory, TenantState

Identity = tuple[str, str | None]  # (ASIN, FNSKU); only FBA listings have an FNSKU


def assign(tenant: TenantState, ids: IdFactory, marketplace_id: str, sku: str, facts: Facts) -> Identity:
    """The identity of a submission: FBA inventory first, then the seller's `merchant_suggested_asin`,
    then the existing listing's, else generated."""
    stock = inventory.find(tenant, marketplace_id, sku)
    if stock is not None:
        return stock.asin, stock.fn_sku
    current = records.find(tenant, marketplace_id, sku)
    asin = facts.suggested_asin or (current.asin if current else "") or "B0" + ids.upper(8)
    if not facts.fba:
        return asin, None
    return asin, (current.fn_sku if current else None) or "X00" + ids.upper(7)


def current(tenant: TenantState, listing: Listing) -> Identity:
    """The identity as of now: an FBA inventory item created later wins over generated values."""
    stock = inventory.find(tenant, listing.marketplace_id, listing.sku)
    if stock is not None:
        return stock.asin, stock.fn_sku
    return listing.asin, listing.fn_sku


def has_product(tenant: TenantState, listing: Listing) -> bool:
    """Whether the listing names a product: its own name, a suggested ASIN, or an FBA inventory item."""
    return (
        listing.facts.item_name is not None
        or listing.facts.suggested_asin is not None
        or inventory.find(tenant, listing.marketplace_id, listing.sku) is not None
    )


def fba_quantity(tenant: TenantState, listing: Listing) -> int:
    """Units FBA can sell now: the fulfillable (unreserved) quantity of the inventory item."""
    return inventory.available(inventory.find(tenant, listing.marketplace_id, listing.sku))
