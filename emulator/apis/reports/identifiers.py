"""Report, schedule and document ids: numeric like Amazon's, unique per seller, made without an IdFactory
(scheduled reports are created by a clock-driven transition, where none is at hand)."""

from __future__ import annotations

from emulator.apis.outbound.text import derived
from emulator.apis.reports.records import COUNTERS, Counter
from emulator.state import TenantState


def next_id(tenant: TenantState, sequence: str) -> str:
    """The next id of `sequence` (`report`, `schedule`) for this seller: 11 digits, seller-specific."""
    counters = tenant.table(COUNTERS)
    found = counters.get(sequence)
    number = 1 if found is None else found.next
    counters.put(sequence, Counter(next=number + 1))
    return f"5{derived(tenant.seller_id, sequence, length=4)}{number:06d}"


def document_id(tenant: TenantState, report_id: str) -> str:
    """The id of a report's document, in Amazon's `amzn1.spdoc` shape."""
    hexa = derived(tenant.seller_id, report_id, length=32, alphabet="0123456789abcdef")
    uuid = f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"
    return f"amzn1.spdoc.1.4.na.{uuid}.T{report_id}.1"
