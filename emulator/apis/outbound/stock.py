"""The stock MCF may promise and take: fulfillable units of a SKU offered for FBA in the marketplace.

Amazon fulfils only listed stock: a SKU without an offer fulfilled by Amazon in the order's marketplace
(`listings.published`) has no sellable units there, whatever its buckets hold. Previews and offers call
its lines unfulfillable (`NO_FBA_OFFER`), orders reserve none of its units and picking takes none.
"""

from __future__ import annotations

from emulator.apis.inventory import service as inventory
from emulator.apis.listings.published import fba_offered
from emulator.state import TenantState

NO_FBA_OFFER = "InvalidSKU"  # no offer fulfilled by Amazon in the marketplace
NO_STOCK = "InsufficientInventory"  # fewer sellable units than asked for


def offered(tenant: TenantState, marketplace_id: str, sku: str) -> bool:
    """Whether `sku` has an offer fulfilled by Amazon in `marketplace_id`."""
    return fba_offered(tenant, marketplace_id, sku)


def sellable(tenant: TenantState, marketplace_id: str, sku: str) -> int:
    """Units MCF may promise now: fulfillable, unreserved units of an FBA-offered SKU (else 0)."""
    if not offered(tenant, marketplace_id, sku):
        return 0
    return inventory.available(inventory.find(tenant, marketplace_id, sku))


def shortfall(tenant: TenantState, marketplace_id: str, sku: str, quantity: int) -> str | None:
    """Why `quantity` units of `sku` cannot be promised (`NO_FBA_OFFER`, `NO_STOCK`), or None."""
    if not offered(tenant, marketplace_id, sku):
        return NO_FBA_OFFER
    return NO_STOCK if sellable(tenant, marketplace_id, sku) < quantity else None


def reserve(tenant: TenantState, now: float, marketplace_id: str, sku: str, quantity: int) -> int:
    """Hold up to `quantity` sellable units for a customer order; returns how many were held."""
    if not offered(tenant, marketplace_id, sku):
        return 0
    return inventory.reserve(tenant, now, marketplace_id, sku, quantity)
