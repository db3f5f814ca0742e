"""Report schedules: a report of a type every period, on the emulator clock (reference §12.1).

Creating a schedule for a type and marketplaces that already have one replaces it (the old one is
gone). The first report comes at `nextReportCreationTime`, or at once when none is given; a scheduled
report of a ranged type covers the period before its creation. `P1M` is taken as 30 days. A clock jump
makes up at most the last `CATCH_UP` (24) runs of a schedule; earlier ones are skipped (a year of `PT5M` makes
24 reports, not 105,120).
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.reports import lifecycle
from emulator.apis.reports.identifiers import next_id
from emulator.apis.reports.records import SCHEDULES, ReportSchedule
from emulator.errors import NotFound
from emulator.registry import transition
from emulator.state import Store, TenantState

KIND = "reports.schedule"
CATCH_UP = 24  # runs a clock jump makes up at most, per schedule
_MINUTE, _HOUR, _DAY = 60.0, 3600.0, 86400.0
PERIODS = {
    "PT5M": 5 * _MINUTE,
    "PT15M": 15 * _MINUTE,
    "PT30M": 30 * _MINUTE,
    "PT1H": _HOUR,
    "PT2H": 2 * _HOUR,
    "PT4H": 4 * _HOUR,
    "PT8H": 8 * _HOUR,
    "PT12H": 12 * _HOUR,
    "P1D": _DAY,
    "P2D": 2 * _DAY,
    "P3D": 3 * _DAY,
    "PT84H": 84 * _HOUR,
    "P7D": 7 * _DAY,
    "P14D": 14 * _DAY,
    "P15D": 15 * _DAY,
    "P18D": 18 * _DAY,
    "P30D": 30 * _DAY,
    "P1M": 30 * _DAY,
}


def _arm(store: Store, tenant: TenantState, schedule: ReportSchedule) -> ReportSchedule:
    """Keep the schedule and set its next report on the clock."""
    tenant.table(SCHEDULES).put(schedule.schedule_id, schedule)
    payload = {"schedule_id": schedule.schedule_id}
    store.scheduler.schedule(schedule.next_at, KIND, tenant.seller_id, payload)
    return schedule


def create(
    store: Store, tenant: TenantState, request: lifecycle.Request, period: str, first_at: float
) -> ReportSchedule:
    """A new schedule, replacing the one for the same type and marketplaces."""
    table = tenant.table(SCHEDULES)
    wanted = set(request.marketplace_ids)
    for old in list(table.values()):
        if old.report_type == request.report_type and set(old.marketplace_ids) == wanted:
            table.delete(old.schedule_id)
    schedule = ReportSchedule(
        schedule_id=next_id(tenant, "schedule"),
        report_type=request.report_type,
        marketplace_ids=request.marketplace_ids,
        period=period,
        next_at=first_at,
        options=request.options,
    )
    return _arm(store, tenant, schedule)


def get(tenant: TenantState, schedule_id: str) -> ReportSchedule:
    """The seller's schedule, or 404 naming it."""
    found = tenant.table(SCHEDULES).get(schedule_id)
    if found is None:
        raise NotFound(f"Report schedule {schedule_id} was not found.", f"reportScheduleId={schedule_id}")
    return found


def of_types(tenant: TenantState, report_types: list[str]) -> list[ReportSchedule]:
    """The seller's schedules of the given types."""
    return [s for s in tenant.table(SCHEDULES).values() if s.report_type in report_types]


def cancel(tenant: TenantState, schedule_id: str) -> None:
    """Stop a schedule (reports it created stay)."""
    tenant.table(SCHEDULES).delete(get(tenant, schedule_id).schedule_id)


def _first_kept(due: float, period: float, now: float | None) -> float:
    """`due`, unless a clock jump passed more than `CATCH_UP` runs: then the first of the last `CATCH_UP`."""
    missed = 0 if now is None else int((now - due) // period)
    return due if missed < CATCH_UP else due + (missed - CATCH_UP + 1) * period


@transition(KIND)
def produce(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """A schedule's time has come: request its report, then set the next one."""
    tenant = store.tenant(seller_id)
    schedule = tenant.table(SCHEDULES).get(str(payload["schedule_id"]))
    if schedule is None or schedule.next_at != due:
        return  # cancelled or replaced since
    period = PERIODS[schedule.period]
    due = _first_kept(due, period, store.scheduler.settling_to)
    request = lifecycle.Request(
        report_type=schedule.report_type,
        marketplace_ids=schedule.marketplace_ids,
        options=schedule.options,
        start=due - period,
        end=due,
        schedule_id=schedule.schedule_id,
    )
    lifecycle.create(store, tenant, request, due)
    _arm(store, tenant, msgspec.structs.replace(schedule, next_at=due + period))
