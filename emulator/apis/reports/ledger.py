"""The inventory ledger: every movement of units into, out of or within the warehouse balance.

Inventory calls `on_stock_move` in the same step as every stock move (`@follows_stock`), so the ledger
is never behind the stock, and its entries are typed records in the seller's state (kept by snapshots
and SQLite like everything else). What a move becomes:

- into the warehouse from outside the network or an inbound bucket: `Receipts`;
- out of the warehouse with a customer shipment: `Shipments` (negative);
- back into the warehouse from `shipped`: `CustomerReturns`;
- from one disposition to another, or out of the network with a deleted item: `Adjustments`.

Moves between buckets of one disposition (reserving fulfillable units, say) leave the balance as it is.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable

from emulator.apis.inventory.events import InventoryAvailabilityChanged, follows_stock
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.inventory.records import Bucket
from emulator.apis.outbound.shipments import fulfillment_center
from emulator.apis.reports.dispositions import in_warehouse
from emulator.apis.reports.records import LEDGER, LedgerEntry
from emulator.state import TenantState

RECEIPTS = "Receipts"
SHIPMENTS = "Shipments"
CUSTOMER_RETURNS = "CustomerReturns"
ADJUSTMENTS = "Adjustments"
EVENT_TYPES = (SHIPMENTS, CUSTOMER_RETURNS, RECEIPTS, "VendorReturns", "WhseTransfers", ADJUSTMENTS)
"""The `Event Type` values of the ledger detail view (the emulator records the four named above)."""

Holding = tuple[str, str, str]
"""(marketplace id, MSKU, disposition): what a warehouse balance is kept per."""


def entries(tenant: TenantState) -> Iterable[LedgerEntry]:
    """Every ledger entry of the seller, oldest first."""
    return tenant.table(LEDGER).values()


def balances(tenant: TenantState, until: float) -> Tally[Holding]:
    """Warehouse units per holding after every entry up to `until` (inclusive)."""
    found: Tally[Holding] = Tally()
    for entry in entries(tenant):
        if entry.at <= until:
            found[(entry.marketplace_id, entry.msku, entry.disposition)] += entry.quantity
    return found


def _kind(source: Bucket | None, target: Bucket | None, left: str | None, came: str | None) -> str:
    """The event type of a move that changes the balance: units `left` a disposition, `came` into one."""
    if left and came:
        return ADJUSTMENTS
    if came:
        return CUSTOMER_RETURNS if source is Bucket.SHIPPED else RECEIPTS
    return SHIPMENTS if target is Bucket.SHIPPED else ADJUSTMENTS


@follows_stock
def on_stock_move(tenant: TenantState, now: float, event: InventoryAvailabilityChanged) -> None:
    """Record the ledger entries of one stock move."""
    if event.source is None and event.target is None:  # the item went with its units
        held = balances(tenant, now)
        for (marketplace_id, msku, disposition), units in held.items():
            if units and (marketplace_id, msku) == (event.marketplace_id, event.seller_sku):
                _enter(tenant, now, event, ADJUSTMENTS, -units, disposition)
        return
    left, came = in_warehouse(event.source), in_warehouse(event.target)
    if left == came:
        return
    kind = _kind(event.source, event.target, left, came)
    if left:
        _enter(tenant, now, event, kind, -event.quantity, left)
    if came:
        _enter(tenant, now, event, kind, event.quantity, came)


def _enter(
    tenant: TenantState,
    now: float,
    event: InventoryAvailabilityChanged,
    kind: str,
    quantity: int,
    disposition: str,
) -> None:
    ledger = tenant.table(LEDGER)
    entry = LedgerEntry(
        at=now,
        marketplace_id=event.marketplace_id,
        msku=event.seller_sku,
        fnsku=event.fn_sku,
        asin=event.asin,
        title=event.product_name,
        event_type=kind,
        quantity=quantity,
        disposition=disposition,
        fulfillment_center=fulfillment_center(event.marketplace_id)[0],
        country=BY_ID[event.marketplace_id].country,
        reason=str(event.move) if kind == ADJUSTMENTS else "",
    )
    ledger.put(f"{len(ledger) + 1:012d}", entry)
