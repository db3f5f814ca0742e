"""The typed records of Reports 2021-06-30: reports, schedules, `nextToken` pages and the inventory ledger."""

from __future__ import annotations

from emulator.registry import table
from emulator.state.records import Record, TableSpec


class Report(Record):
    """One requested report. Its processing status is its job's (`apis.jobs`); the rest is kept here.

    `requested_start`/`requested_end` are the instants the request named (None when it named none), the
    identity of a request; `data_start`/`data_end` the range the report covers.
    """

    report_id: str
    report_type: str
    marketplace_ids: tuple[str, ...]
    created_at: float
    job_id: str
    data_start: float
    data_end: float
    requested_start: float | None = None
    requested_end: float | None = None
    options: dict[str, str] = {}
    schedule_id: str | None = None
    document_id: str | None = None


class ReportSchedule(Record):
    """A schedule that creates a report of its type every `period` from `next_at` on."""

    schedule_id: str
    report_type: str
    marketplace_ids: tuple[str, ...]
    period: str
    next_at: float
    options: dict[str, str] = {}


class ReportQuery(Record):
    """The selection of a getReports call, kept with the `nextToken` that pages it."""

    report_types: tuple[str, ...]
    statuses: tuple[str, ...]
    marketplace_ids: tuple[str, ...]
    since: float
    until: float
    page_size: int
    offset: int


class LedgerEntry(Record):
    """One movement of units into, out of or within a fulfilment centre's warehouse balance.

    `quantity` is signed (units in are positive); `event_type` uses the ledger's names (`Receipts`,
    `Shipments`, `CustomerReturns`, `Adjustments`), `disposition` the warehouse disposition they end in
    or leave from.
    """

    at: float
    marketplace_id: str
    msku: str
    fnsku: str
    asin: str
    title: str
    event_type: str
    quantity: int
    disposition: str
    fulfillment_center: str
    country: str
    reason: str = ""
    reference_id: str = ""


class Counter(Record):
    """A per-seller sequence (report and schedule numbers)."""

    next: int


REPORTS = table(TableSpec("reports", Report))
SCHEDULES = table(TableSpec("report_schedules", ReportSchedule))
PAGES = table(TableSpec("report_pages", ReportQuery))
LEDGER = table(TableSpec("inventory_ledger", LedgerEntry, packed=True))
COUNTERS = table(TableSpec("report_counters", Counter))
