"""Package numbers: allocated per seller in sequence, each mapped to the order that holds the package.

getPackageTrackingDetails names only a package number. Numbers are handed out consecutively, so the
map is a run of order ids per `SPAN` numbers (table `outbound_packages`, keyed by the run's position):
a lookup is one key and an index, and a new package appends to the newest run.
"""

from __future__ import annotations

from emulator.apis.outbound import orderbook
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec

FIRST_PACKAGE_NUMBER = 1000001
SPAN = 128


class PackageRun(Record, kw_only=True):
    """The orders of `SPAN` consecutive package numbers, in number order."""

    order_ids: list[str] = []


PACKAGES = table(TableSpec("outbound_packages", PackageRun))


def allocate(tenant: TenantState, order_id: str) -> int:
    """A new package number for a package of `order_id`."""
    number = orderbook.next_number(tenant, "package", FIRST_PACKAGE_NUMBER)
    run_key = str((number - FIRST_PACKAGE_NUMBER) // SPAN)
    runs = tenant.table(PACKAGES)
    run = runs.get(run_key) or PackageRun()
    run.order_ids.append(order_id)  # numbers come in sequence: this is position number % SPAN of the run
    runs.put(run_key, run)
    return number


def order_of(tenant: TenantState, number: int) -> str | None:
    """The id of the order holding package `number`, or None when this seller has no such package."""
    run_key, offset = divmod(number - FIRST_PACKAGE_NUMBER, SPAN)
    run = tenant.table(PACKAGES).get(str(run_key)) if number >= FIRST_PACKAGE_NUMBER else None
    if run is None or offset >= len(run.order_ids):
        return None
    return run.order_ids[offset]
