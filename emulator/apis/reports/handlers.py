"""Reports 2021-06-30: the 9 operations, stateful per seller (reference §12).

Bodies are not wrapped in `payload` (2021-06-30 style). Every operation acts on the calling seller's
reports, schedules and documents only: another seller's ids are not found.
"""

from __future__ import annotations

from typing import Any

from emulator.apis import documents
from emulator.apis.documents.records import DOCUMENTS
from emulator.apis.reports import lifecycle, listing, schedules, wire
from emulator.apis.reports.requests import instant, read, report_type
from emulator.context import Call, Reply
from emulator.errors import NotFound
from emulator.registry import operation

LINK_LIFETIME = 300.0  # Amazon's pre-signed URLs last 5 minutes
DOCUMENT_PREFIX = "amzn1.spdoc."


@operation("createReport")
def create_report(call: Call) -> Reply:
    """Accepts a report request (202); it is processed on the emulator clock."""
    request = read(call.body)
    found = lifecycle.create(call.store, call.tenant, request, call.clock.timestamp())
    return Reply({"reportId": found.report_id}, status=202)


@operation("getReport")
def get_report(call: Call) -> dict[str, Any]:
    """One report of the calling seller, with its processing status now."""
    found = lifecycle.get(call.tenant, call.params["reportId"])
    return wire.report(found, lifecycle.job_of(call.tenant, found), call.clock.timestamp())


@operation("getReports")
def get_reports(call: Call) -> dict[str, Any]:
    """The calling seller's reports by type, status, marketplace and creation time, in pages."""
    now = call.clock.timestamp()
    found, token = listing.page(call.tenant, call.ids, call.params, now)
    body: dict[str, Any] = {"reports": [wire.report(r, lifecycle.job_of(call.tenant, r), now) for r in found]}
    if token is not None:
        body["nextToken"] = token
    return body


@operation("cancelReport")
def cancel_report(call: Call) -> dict[str, Any]:
    """Cancels a report that is still IN_QUEUE."""
    lifecycle.cancel(call.tenant, call.params["reportId"], call.clock.timestamp())
    return {}


@operation("createReportSchedule")
def create_report_schedule(call: Call) -> Reply:
    """Creates a schedule (201), replacing the one for the same type and marketplaces."""
    request = read(call.body)
    first = call.body.get("nextReportCreationTime")
    first_at = instant(first, "nextReportCreationTime") if first else call.clock.timestamp()
    found = schedules.create(call.store, call.tenant, request, call.body["period"], first_at)
    return Reply({"reportScheduleId": found.schedule_id}, status=201)


@operation("getReportSchedules")
def get_report_schedules(call: Call) -> dict[str, Any]:
    """The calling seller's schedules of the given types."""
    wanted = [report_type(t, "reportTypes") for t in call.params["reportTypes"]]
    found = schedules.of_types(call.tenant, wanted)
    return {"reportSchedules": [wire.schedule(s) for s in found]}


@operation("getReportSchedule")
def get_report_schedule(call: Call) -> dict[str, Any]:
    """One schedule of the calling seller."""
    return wire.schedule(schedules.get(call.tenant, call.params["reportScheduleId"]))


@operation("cancelReportSchedule")
def cancel_report_schedule(call: Call) -> dict[str, Any]:
    """Stops a schedule."""
    schedules.cancel(call.tenant, call.params["reportScheduleId"])
    return {}


@operation("getReportDocument")
def get_report_document(call: Call) -> dict[str, Any]:
    """A URL on the emulator that downloads the document for 5 minutes of emulator time."""
    document_id = call.params["reportDocumentId"]
    found = call.tenant.table(DOCUMENTS).get(document_id) if document_id.startswith(DOCUMENT_PREFIX) else None
    if found is None:
        raise NotFound(
            f"Report document {document_id} was not found.", f"reportDocumentId={document_id[:100]}"
        )
    header = bool(call.params.get("enableContentEncodingUrlHeader"))
    url, _ = documents.link(call, found, LINK_LIFETIME, encoding_header=header)
    body: dict[str, Any] = {"reportDocumentId": document_id, "url": url}
    if found.encoding == "gzip":
        body["compressionAlgorithm"] = "GZIP"
    return body
