"""What Reports records: a report reached its final processing status (REPORT_PROCESSING_FINISHED)."""

from __future__ import annotations

from emulator.registry import domain_event
from emulator.state.events import DomainEvent


@domain_event
class ReportProcessingFinished(DomainEvent, frozen=True):
    """A report ended DONE, CANCELLED or FATAL; `document_id` is its document (or error document)."""

    report_id: str
    report_type: str
    status: str
    document_id: str | None = None
