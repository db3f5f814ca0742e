"""A report's life: requested (IN_QUEUE), processed (IN_PROGRESS), then DONE, CANCELLED or FATAL.

Processing is a job (`apis.jobs`) of kind `reports.generate`; when the clock reaches its end, `generate`
builds the document from the seller's state at that moment. It ends CANCELLED when there is nothing to
report or when an identical request (type, marketplaces, options and range as asked) came inside the
type's generation window; FATAL, with an error document saying why, for a type the emulator does not
generate or a range Amazon refuses. Every final status records `ReportProcessingFinished`.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

import msgspec
import orjson

from emulator.apis import documents, jobs
from emulator.apis.reports.builders import Scope, Sheet, Unservable
from emulator.apis.reports.events import ReportProcessingFinished
from emulator.apis.reports.identifiers import document_id, next_id
from emulator.apis.reports.kinds import DAY, KINDS, ReportKind
from emulator.apis.reports.records import REPORTS, Report
from emulator.apis.reports.timings import current
from emulator.errors import InvalidInput, NotFound
from emulator.state import Store, TenantState

KIND = "reports.generate"
FINAL = ("DONE", "CANCELLED", "FATAL")
TSV = "text/tab-separated-values; charset=UTF-8"
JSON = "application/json; charset=UTF-8"


@dataclass(frozen=True)
class Request:
    """What a createReport body (or a schedule) asks for, already checked."""

    report_type: str
    marketplace_ids: tuple[str, ...]
    options: dict[str, str]
    start: float | None = None
    end: float | None = None
    schedule_id: str | None = None


def _range(request: Request, kind: ReportKind | None, now: float) -> tuple[float, float]:
    """The range a report covers: as asked, else the type's default span before the request."""
    end = request.end if request.end is not None else now
    if request.start is not None:
        return request.start, end
    span = kind.default_days * DAY if kind is not None and kind.ranged else 0.0
    return end - span, end


def _same(report: Report, request: Request) -> bool:
    return (
        report.report_type == request.report_type
        and set(report.marketplace_ids) == set(request.marketplace_ids)
        and report.options == request.options
        and (report.requested_start, report.requested_end) == (request.start, request.end)
    )


def _duplicate(tenant: TenantState, request: Request, now: float, window: float) -> bool:
    """Whether an identical request came inside the type's window (and was not cancelled or failed)."""
    if request.schedule_id is not None or window <= 0:
        return False
    for report in tenant.table(REPORTS).values():
        if now - report.created_at < window and _same(report, request):
            job = jobs.find(tenant, report.job_id)
            if job is None or job.status_at(now) not in ("CANCELLED", "FATAL"):
                return True
    return False


def create(store: Store, tenant: TenantState, request: Request, now: float) -> Report:
    """Accept a report request now; its processing runs on the emulator clock."""
    timings = current(store)
    kind = KINDS.get(request.report_type)
    start, end = _range(request, kind, now)
    report_id = next_id(tenant, "report")
    params = {"gzip_from": str(timings.gzip_from_bytes)}
    if kind is not None and _duplicate(tenant, request, now, kind.cadence.window(timings)):
        params["duplicate"] = "yes"
    job = jobs.Job(
        job_id=f"report-{report_id}",
        kind=KIND,
        seller_id=tenant.seller_id,
        subject=report_id,
        phases=(),
        due_at=now,
        params=params,
    )
    phases = [("IN_QUEUE", 0.0), ("IN_PROGRESS", min(timings.in_progress_after, timings.done_after))]
    jobs.begin(store, job, now, phases, timings.done_after)
    report = Report(
        report_id=report_id,
        report_type=request.report_type,
        marketplace_ids=request.marketplace_ids,
        created_at=now,
        job_id=job.job_id,
        data_start=start,
        data_end=end,
        requested_start=request.start,
        requested_end=request.end,
        options=request.options,
        schedule_id=request.schedule_id,
    )
    return tenant.table(REPORTS).put(report_id, report)


def get(tenant: TenantState, report_id: str) -> Report:
    """The seller's report, or 404 naming it."""
    found = tenant.table(REPORTS).get(report_id)
    if found is None:
        raise NotFound(f"Report {report_id} was not found.", f"reportId={report_id}")
    return found


def job_of(tenant: TenantState, report: Report) -> jobs.Job:
    """The report's job (its processing status and times)."""
    job = jobs.find(tenant, report.job_id)
    if job is None:  # pragma: no cover - every report is created with its job
        raise NotFound(f"Report {report.report_id} was not found.", f"reportId={report.report_id}")
    return job


def cancel(tenant: TenantState, report_id: str, now: float) -> None:
    """Cancel a report that is still IN_QUEUE; any other status is a 400 naming it."""
    report = get(tenant, report_id)
    job = job_of(tenant, report)
    current_status = job.status_at(now)
    if current_status != "IN_QUEUE":
        raise InvalidInput(
            f"Report {report_id} cannot be cancelled: its processingStatus is {current_status}, "
            "and only reports IN_QUEUE can be cancelled.",
            f"reportId={report_id}",
        )
    jobs.cancel(tenant, job, now, "CANCELLED")
    _finished(tenant, report, now, "CANCELLED")


def _finished(tenant: TenantState, report: Report, at: float, final: str) -> None:
    tenant.record(
        at,
        ReportProcessingFinished(
            report_id=report.report_id,
            report_type=report.report_type,
            status=final,
            document_id=report.document_id,
        ),
    )


def _publish(
    tenant: TenantState, report: Report, at: float, content: bytes, content_type: str, gzip_from: float
) -> Report:
    """Keep the report's document (compressed from `gzip_from` bytes on) and note it on the report."""
    packed = len(content) >= gzip_from
    extension = "tsv" if content_type == TSV else "json"
    document = documents.Document(
        document_id=document_id(tenant, report.report_id),
        content=gzip.compress(content, mtime=0) if packed else content,
        content_type=content_type,
        filename=f"{report.report_id}.{extension}{'.gz' if packed else ''}",
        created_at=at,
        encoding="gzip" if packed else None,
    )
    documents.keep(tenant, document)
    noted = msgspec.structs.replace(report, document_id=document.document_id)
    return tenant.table(REPORTS).put(report.report_id, noted)


def _sheet(tenant: TenantState, report: Report, at: float) -> Sheet:
    """The report's rows, or Unservable when the type or its range cannot be served."""
    kind = KINDS.get(report.report_type)
    if kind is None:
        raise Unservable(
            f"Report type {report.report_type} is not generated by the emulator; it generates "
            f"{', '.join(sorted(KINDS))}."
        )
    if kind.max_days is not None and report.data_end - report.data_start > kind.max_days * DAY:
        raise Unservable(
            f"The date range of a {report.report_type} report cannot exceed {kind.max_days:g} days."
        )
    if kind.lookback_days is not None and report.data_start < report.created_at - kind.lookback_days * DAY:
        raise Unservable(f"A {report.report_type} report cannot start more than 18 months back.")
    scope = Scope(tenant, report.marketplace_ids, report.data_start, report.data_end, report.options, at)
    return kind.build(scope)


@jobs.finishes(KIND)
def generate(tenant: TenantState, job: jobs.Job, due: float) -> jobs.Outcome:
    """Build the report from the state at `due`: DONE with its document, CANCELLED or FATAL."""
    report = tenant.table(REPORTS).get(job.subject)
    if report is None:
        return jobs.Outcome("CANCELLED")
    gzip_from = float(job.params.get("gzip_from", "0"))
    final = "CANCELLED"
    if not job.params.get("duplicate"):
        try:
            sheet = _sheet(tenant, report, due)
        except Unservable as problem:
            content = orjson.dumps({"errorDetails": str(problem)})
            report = _publish(tenant, report, due, content, JSON, gzip_from)
            final = "FATAL"
        else:
            if sheet.rows:
                report = _publish(tenant, report, due, sheet.tsv(), TSV, gzip_from)
                final = "DONE"
    _finished(tenant, report, due, final)
    return jobs.Outcome(final)
