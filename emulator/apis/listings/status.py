"""A listing's status (`BUYABLE`, `DISCOVERABLE`), kept with the listing and recorded when it changes.

Nothing until asynchronous processing has finished once (`live`); then DISCOVERABLE while no ERROR
issue stands, and BUYABLE too when the listing has a priced offer and a channel with units: DEFAULT
counts what the seller wrote, AMAZON_* counts FBA's fulfillable stock. So a stock move can change
the status of an FBA listing: `_follow_stock` brings it up to date in the same step.
"""

from __future__ import annotations

from emulator.apis.inventory.events import InventoryAvailabilityChanged, follows_stock
from emulator.apis.listings import identity, issues, records
from emulator.apis.listings.events import ListingStatusChanged
from emulator.apis.listings.records import Listing, ListingStatus
from emulator.state import TenantState

Status = tuple[ListingStatus, ...]
SELLABLE: Status = (ListingStatus.BUYABLE, ListingStatus.DISCOVERABLE)
VISIBLE: Status = (ListingStatus.DISCOVERABLE,)


def current(tenant: TenantState, listing: Listing) -> Status:
    """The status the listing has now (see module docstring)."""
    if not listing.live or issues.has_errors(listing.issues):
        return ()
    units = sum(
        identity.fba_quantity(tenant, listing) if c.fba else c.quantity for c in listing.facts.channels
    )
    return SELLABLE if listing.facts.offers and units > 0 else VISIBLE


def keep(tenant: TenantState, now: float, listing: Listing, previous: Status | None) -> None:
    """Store `listing` (written, processed or restocked) with its status brought up to date, and
    record the change from `previous` (None: the listing is new)."""
    listing.status = current(tenant, listing)
    records.save(tenant, listing)
    if listing.status != previous:
        tenant.record(now, _changed(tenant, listing, previous, listing.status))


def discard(tenant: TenantState, now: float, listing: Listing) -> None:
    """Delete the listing; its status becomes DELETED."""
    records.remove(tenant, listing)
    tenant.record(now, _changed(tenant, listing, listing.status, (ListingStatus.DELETED,)))


def _changed(
    tenant: TenantState, listing: Listing, previous: Status | None, status: Status
) -> ListingStatusChanged:
    return ListingStatusChanged(
        sku=listing.sku,
        marketplace_id=listing.marketplace_id,
        asin=identity.current(tenant, listing)[0],
        created_at=listing.created_at,
        previous=previous,
        status=status,
    )


@follows_stock
def _follow_stock(tenant: TenantState, now: float, event: InventoryAvailabilityChanged) -> None:
    """FBA stock moved: an FBA listing of the same SKU may have become buyable, or stopped being."""
    listing = records.find(tenant, event.marketplace_id, event.seller_sku)
    if listing is None or not listing.facts.fba:
        return
    if current(tenant, listing) != listing.status:
        keep(tenant, now, listing, listing.status)
