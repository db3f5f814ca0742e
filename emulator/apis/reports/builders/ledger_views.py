"""GET_LEDGER_DETAIL_VIEW_DATA and GET_LEDGER_SUMMARY_VIEW_DATA, read from the inventory ledger.

The detail view lists the ledger's entries in range (`reportOptions.eventType` keeps one event type).
The summary view gives, per period (`aggregatedByTimePeriod` DAILY, WEEKLY or MONTHLY; MONTHLY by
default), product, disposition and location (`aggregateByLocation` COUNTRY or FC; COUNTRY by default),
the balance at the period's start, its movements and the balance at its end, so that
`Ending Warehouse Balance` = `Starting Warehouse Balance` + the movement columns. Periods are UTC and
clipped to the report's range; weeks start on Sunday. Rows with no balance and no movement are left out.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from emulator.apis.reports.builders.sheet import Scope, Sheet, day
from emulator.apis.reports.ledger import ADJUSTMENTS, CUSTOMER_RETURNS, RECEIPTS, SHIPMENTS, entries
from emulator.apis.reports.records import LedgerEntry

DETAIL_HEADER = (
    "Date",
    "FNSKU",
    "ASIN",
    "MSKU",
    "Title",
    "Event Type",
    "Reference ID",
    "Quantity",
    "Fulfillment Center",
    "Disposition",
    "Reason",
    "Country",
    "Reconciled Quantity",
    "Unreconciled Quantity",
)
MOVEMENTS = (
    "In Transit Between Warehouses",
    "Receipts",
    "Customer Shipments",
    "Customer Returns",
    "Vendor Returns",
    "Warehouse Transfer In/Out",
    "Found",
    "Lost",
    "Damaged",
    "Disposed",
    "Other Events",
)
SUMMARY_HEADER = (
    "Date",
    "FNSKU",
    "ASIN",
    "MSKU",
    "Title",
    "Disposition",
    "Starting Warehouse Balance",
    *MOVEMENTS,
    "Ending Warehouse Balance",
    "Unknown Events",
    "Location",
)
COLUMN_OF = {
    RECEIPTS: "Receipts",
    SHIPMENTS: "Customer Shipments",
    CUSTOMER_RETURNS: "Customer Returns",
    ADJUSTMENTS: "Other Events",
}
PERIODS = ("DAILY", "WEEKLY", "MONTHLY")
LOCATIONS = ("COUNTRY", "FC")

Key = tuple[str, str, str]  # (marketplace id, MSKU, disposition)


def _mine(scope: Scope) -> list[LedgerEntry]:
    return [e for e in entries(scope.tenant) if e.marketplace_id in scope.marketplace_ids]


def detail(scope: Scope) -> Sheet:
    """Every ledger entry in range, oldest first."""
    wanted = scope.options.get("eventType")
    rows = [
        (
            day(e.at),
            e.fnsku,
            e.asin,
            e.msku,
            e.title,
            e.event_type,
            e.reference_id,
            str(e.quantity),
            e.fulfillment_center,
            e.disposition,
            e.reason,
            e.country,
            str(e.quantity),
            "0",
        )
        for e in _mine(scope)
        if scope.covers(e.at) and wanted in (None, e.event_type)
    ]
    return Sheet(DETAIL_HEADER, rows)


def _period_start(at: float, period: str) -> datetime:
    moment = datetime.fromtimestamp(at, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "MONTHLY":
        return moment.replace(day=1)
    if period == "WEEKLY":
        return moment - timedelta(days=(moment.weekday() + 1) % 7)
    return moment


def _next(start: datetime, period: str) -> datetime:
    if period == "MONTHLY":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start + timedelta(days=7 if period == "WEEKLY" else 1)


def _periods(scope: Scope, period: str) -> Iterator[tuple[str, float, float]]:
    """(label, first instant, instant after the last) of every period of the range, clipped to it."""
    start = _period_start(scope.start, period)
    while start.timestamp() <= scope.end:
        after = _next(start, period)
        label = start.strftime("%m/%Y") if period == "MONTHLY" else day(start.timestamp())
        yield label, max(start.timestamp(), scope.start), min(after.timestamp(), scope.end + 1e-6)
        start = after


def summary(scope: Scope) -> Sheet:
    """Balances and movements per period, product, disposition and location."""
    period = scope.options.get("aggregatedByTimePeriod", "MONTHLY")
    by_fc = scope.options.get("aggregateByLocation", "COUNTRY") == "FC"
    mine = sorted(_mine(scope), key=lambda e: e.at)
    latest = {(e.marketplace_id, e.msku): e for e in mine}
    rows: list[tuple[str, ...]] = []
    for label, lo, hi in _periods(scope, period):
        opening: Tally[Key] = Tally()
        moved: dict[Key, Tally[str]] = {}
        for e in mine:
            key = (e.marketplace_id, e.msku, e.disposition)
            if e.at < lo:
                opening[key] += e.quantity
            elif e.at < hi:
                moved.setdefault(key, Tally())[COLUMN_OF[e.event_type]] += e.quantity
        for key in sorted({*opening, *moved}):
            columns = moved.get(key, Tally())
            if not opening[key] and not any(columns.values()):
                continue
            known = latest[key[:2]]
            place = known.fulfillment_center if by_fc else known.country
            ending = opening[key] + sum(columns.values())
            rows.append(
                (
                    label,
                    known.fnsku,
                    known.asin,
                    known.msku,
                    known.title,
                    key[2],
                    str(opening[key]),
                    *(str(columns[name]) for name in MOVEMENTS),
                    str(ending),
                    "0",
                    place,
                )
            )
    return Sheet(SUMMARY_HEADER, rows)
