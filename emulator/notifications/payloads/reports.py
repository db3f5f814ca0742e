"""REPORT_PROCESSING_FINISHED from the Reports API's `ReportProcessingFinished` (camelCase, 2020-09-04)."""

from __future__ import annotations

from typing import Any, Protocol, cast

from emulator.notifications.envelope import Draft
from emulator.state.events import EventRecord

REPORT_PROCESSING_FINISHED = "REPORT_PROCESSING_FINISHED"


class ReportFacts(Protocol):
    """What the builder reads from the event."""

    report_id: str
    report_type: str
    status: str
    document_id: str | None


def finished(record: EventRecord) -> list[Draft]:
    """One notification per report that reached DONE, CANCELLED or FATAL."""
    facts = cast(ReportFacts, record.event)
    body: dict[str, Any] = {
        "sellerId": record.seller_id,
        "accountId": f"amzn1.merchant.o.{record.seller_id}",
        "reportId": facts.report_id,
        "reportType": facts.report_type,
        "processingStatus": facts.status,
    }
    if facts.document_id is not None:
        body["reportDocumentId"] = facts.document_id
    return [Draft(REPORT_PROCESSING_FINISHED, record.at, {"reportProcessingFinishedNotification": body})]
