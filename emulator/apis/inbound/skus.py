"""What Inbound knows of a seller's SKU in a marketplace: its ASIN and FNSKU, from FBA inventory or Listings.

A SKU Inbound's item operations can name is one with an FBA inventory item or a listing in the marketplace;
only an FBA one (inventory, or a listing with an Amazon channel) has an FNSKU to print on item labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from emulator.apis.inbound.refusals import bad_request, missing
from emulator.apis.inventory import marketplaces as inventory_marketplaces
from emulator.apis.inventory import service as inventory
from emulator.apis.listings import identity
from emulator.apis.listings import records as listings
from emulator.errors import InvalidInput
from emulator.state import TenantState


@dataclass(frozen=True, slots=True)
class Sku:
    """One SKU of the seller in one marketplace."""

    msku: str
    asin: str
    fnsku: str | None


def find(tenant: TenantState, marketplace_id: str, msku: str) -> Sku | None:
    """The SKU from FBA inventory first, then from its listing; None when neither knows it."""
    stock = inventory.find(tenant, marketplace_id, msku)
    if stock is not None:
        return Sku(msku, stock.asin, stock.fn_sku)
    listing = listings.find(tenant, marketplace_id, msku)
    if listing is None:
        return None
    asin, fnsku = identity.current(tenant, listing)
    return Sku(msku, asin, fnsku)


def require(tenant: TenantState, marketplace_id: str, mskus: list[str], field: str = "msku") -> list[Sku]:
    """Every named SKU; a 404 names the first one unknown in the marketplace, a 400 one named twice."""
    found: list[Sku] = []
    for msku in mskus:
        sku = find(tenant, marketplace_id, msku)
        if sku is None:
            raise missing(
                f"The msku {msku!r} does not exist in marketplace {marketplace_id}.", f"{field}={msku}"
            )
        if any(seen.msku == msku for seen in found):
            raise bad_request(f"The msku {msku!r} is named more than once.", f"{field}={msku}")
        found.append(sku)
    return found


def by_asin(tenant: TenantState, marketplace_id: str, asin: str) -> Iterator[Sku]:
    """The seller's SKUs in the marketplace whose product is `asin`."""
    for item in inventory.items(tenant, marketplace_id):
        if item.asin == asin:
            yield Sku(item.seller_sku, item.asin, item.fn_sku)


def marketplace(marketplace_id: str, participations: tuple[str, ...], field: str = "marketplaceId") -> str:
    """`marketplace_id` if it is known and the seller sells there; else Inbound's 400 naming `field`."""
    try:
        inventory_marketplaces.require(marketplace_id, participations, field)
    except InvalidInput as error:
        raise bad_request(error.message, error.details) from None
    return marketplace_id
