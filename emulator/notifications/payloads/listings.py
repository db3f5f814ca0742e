"""LISTINGS_ITEM_STATUS_CHANGE and LISTINGS_ITEM_ISSUES_CHANGE from the listings API's events.

The issues notification knows two severities (ERROR, WARNING; NONE when neither is left) and one
enforcement action, SEARCH_SUPPRESSED: a listing suppressed by an issue is out of search results,
while an attribute suppressed alone is not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

from emulator.notifications.envelope import Draft, timestamp
from emulator.state.events import EventRecord


class ListingFacts(Protocol):
    """Which listing changed."""

    sku: str
    marketplace_id: str
    asin: str


class StatusFacts(ListingFacts, Protocol):
    created_at: float
    status: Sequence[str]


class Issue(Protocol):
    severity: str
    enforcement: str | None


class IssueFacts(ListingFacts, Protocol):
    issues: Sequence[Issue]


SEVERITIES = ("ERROR", "WARNING")
SEARCH_SUPPRESSING = ("LISTING_SUPPRESSED", "SEARCH_SUPPRESSED")


def _listing(record: EventRecord, facts: ListingFacts) -> dict[str, object]:
    return {
        "SellerId": record.seller_id,
        "MarketplaceId": facts.marketplace_id,
        "Asin": facts.asin,
        "Sku": facts.sku,
    }


def status(record: EventRecord) -> list[Draft]:
    """The listing's statuses after the change (`DELETED` once deleted)."""
    facts = cast(StatusFacts, record.event)
    payload = _listing(record, facts) | {
        "CreatedDate": timestamp(facts.created_at),
        "Status": list(facts.status),
    }
    return [Draft("LISTINGS_ITEM_STATUS_CHANGE", record.at, payload)]


def issues(record: EventRecord) -> list[Draft]:
    """The severities of the listing's issues after the change (`NONE` when it has none)."""
    facts = cast(IssueFacts, record.event)
    found = {str(i.severity) for i in facts.issues}
    suppressed = any(i.enforcement in SEARCH_SUPPRESSING for i in facts.issues)
    payload = _listing(record, facts) | {
        "Severities": [s for s in SEVERITIES if s in found] or ["NONE"],
        "EnforcementActions": ["SEARCH_SUPPRESSED"] if suppressed else [],
    }
    return [Draft("LISTINGS_ITEM_ISSUES_CHANGE", record.at, payload)]
