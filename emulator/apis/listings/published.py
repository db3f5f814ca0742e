"""What other APIs learn from a SKU's listing: whether Amazon fulfils its offer, and its product name.

A SKU is offered for fulfilment by Amazon in a marketplace (what MCF asks before it previews,
promises, reserves or picks units of it) when:

* its listing there has been processed with a `fulfillment_availability` entry of an Amazon channel
  (`AMAZON_NA`, `AMAZON_EU`, `AMAZON_FE`, `AMAZON_JP`, ...); a merchant-fulfilled (`DEFAULT`) offer does
  not count, and a write counts only once its processing has completed;
* or, until its listing has been processed once, it was registered with the sandbox operation
  `createInventoryItem` (an implicit FBA offer). Deleting the SKU's listing removes that offer too.
"""

from __future__ import annotations

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.names import names_products
from emulator.apis.listings import records
from emulator.state import TenantState


def fba_offered(tenant: TenantState, marketplace_id: str, sku: str) -> bool:
    """Whether `sku` has an offer fulfilled by Amazon in `marketplace_id` (see module docstring)."""
    listing = records.find(tenant, marketplace_id, sku)
    if listing is not None and listing.live:
        return listing.fba_offer
    item = inventory.find(tenant, marketplace_id, sku)
    return item is not None and item.implicit_offer


@names_products
def listed_name(tenant: TenantState, marketplace_id: str, sku: str) -> str | None:
    """The `item_name` of the SKU's listing in `marketplace_id`, if it has one."""
    listing = records.find(tenant, marketplace_id, sku)
    return listing.facts.item_name if listing is not None else None
