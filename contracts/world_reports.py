"""The Reports part of the contract suite's seeded world (`world.py` hooks it in).

`seed` requests a report of a type the world has stock for while processing takes no time (behaviour
setting `reports.timings`, so it is DONE, with a document, at the next call; the clock never moves, so
the target's tokens stay valid), then, with the default timings back, one that stays IN_QUEUE (to
cancel), and creates a schedule. `parts` gives, per Reports operation, the request parts laid over
generated cases; `drop` is the world's marker for a parameter to remove, handed in so this module
needs nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

US = "ATVPDKIKX0DER"
AFN = "GET_AFN_INVENTORY_DATA"
REPORTS = "/reports/2021-06-30"
GENERATED = (
    "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL",
    AFN,
    "GET_AFN_INVENTORY_DATA_BY_COUNTRY",
    "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
    "GET_FBA_MYI_ALL_INVENTORY_DATA",
    "GET_RESERVED_INVENTORY_DATA",
    "GET_LEDGER_SUMMARY_VIEW_DATA",
    "GET_LEDGER_DETAIL_VIEW_DATA",
    "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
)
TIMINGS = "reports.timings"
INSTANT: dict[str, float] = {"in_progress_after": 0, "done_after": 0}

Call = Callable[..., Any]
"""`call(operation_id, path, **request)`: an SP-API call of the world's seller; its JSON body."""


@dataclass(frozen=True)
class ReportsWorld:
    done_report_id: str
    document_id: str
    queued_report_id: str
    schedule_id: str


def seed(call: Call, timings: Callable[[dict[str, float] | None], None]) -> ReportsWorld:
    """A DONE report with its document, a queued report and a schedule; `timings` sets the behaviour
    setting `reports.timings` (None: back to the defaults)."""
    body = {"reportType": AFN, "marketplaceIds": [US]}
    timings(INSTANT)
    done = call("createReport", f"{REPORTS}/reports", json=body)["reportId"]
    timings(None)
    document_id = call("getReport", f"{REPORTS}/reports/{done}")["reportDocumentId"]
    queued = call("createReport", f"{REPORTS}/reports", json={**body, "reportOptions": {"world": "queued"}})
    schedule = call("createReportSchedule", f"{REPORTS}/schedules", json={**body, "period": "P1D"})
    return ReportsWorld(done, document_id, queued["reportId"], schedule["reportScheduleId"])


def parts(operation_id: str, world: ReportsWorld, drop: object) -> dict[str, Any]:
    """The overlay parts of one Reports operation."""
    report_body = {"marketplaceIds": [US], "reportOptions": drop, "dataStartTime": drop, "dataEndTime": drop}
    found: dict[str, dict[str, Any]] = {
        "createReport": {"body": {"reportType": st.sampled_from(GENERATED), **report_body}},
        "getReport": {"path": {"reportId": world.done_report_id}},
        "getReports": {
            "query": {
                "reportTypes": [AFN],
                "nextToken": drop,
                "createdSince": drop,
                "createdUntil": drop,
                "marketplaceIds": drop,
            }
        },
        "cancelReport": {"path": {"reportId": world.queued_report_id}},
        "createReportSchedule": {"body": {"reportType": AFN, **report_body, "nextReportCreationTime": drop}},
        "getReportSchedules": {"query": {"reportTypes": [AFN]}},
        "getReportSchedule": {"path": {"reportScheduleId": world.schedule_id}},
        "cancelReportSchedule": {"path": {"reportScheduleId": world.schedule_id}},
        "getReportDocument": {"path": {"reportDocumentId": world.document_id}},
    }
    return found[operation_id]


OPERATIONS = (
    "createReport",
    "getReport",
    "getReports",
    "cancelReport",
    "createReportSchedule",
    "getReportSchedules",
    "getReportSchedule",
    "cancelReportSchedule",
    "getReportDocument",
)
