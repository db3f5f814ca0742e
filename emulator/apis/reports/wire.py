"""The only renderer of Reports 2021-06-30 bodies: reports and schedules as the model shapes them."""

from __future__ import annotations

from typing import Any

from emulator.apis.jobs import Job
from emulator.apis.outbound.text import at
from emulator.apis.reports.records import Report, ReportSchedule

Body = dict[str, Any]


def report(found: Report, job: Job, now: float) -> Body:
    """A `Report`: processing times once they are known, the document once there is one."""
    status = job.status_at(now)
    body: Body = {
        "reportId": found.report_id,
        "reportType": found.report_type,
        "marketplaceIds": list(found.marketplace_ids),
        "dataStartTime": at(found.data_start),
        "dataEndTime": at(found.data_end),
        "createdTime": at(found.created_at),
        "processingStatus": status,
    }
    started = next((p.starts_at for p in job.phases if p.status == "IN_PROGRESS"), None)
    if (
        started is not None
        and status != "IN_QUEUE"
        and (job.finished_at is None or started <= job.finished_at)
    ):
        body["processingStartTime"] = at(started)
    if job.finished_at is not None:
        body["processingEndTime"] = at(job.finished_at)
    if found.schedule_id is not None:
        body["reportScheduleId"] = found.schedule_id
    if found.document_id is not None and status in ("DONE", "FATAL"):
        body["reportDocumentId"] = found.document_id
    return body


def schedule(found: ReportSchedule) -> Body:
    """A `ReportSchedule`."""
    body: Body = {
        "reportScheduleId": found.schedule_id,
        "reportType": found.report_type,
        "marketplaceIds": list(found.marketplace_ids),
        "period": found.period,
        "nextReportCreationTime": at(found.next_at),
    }
    if found.options:
        body["reportOptions"] = dict(found.options)
    return body
