"""What listings record when their status or issues change.

They carry what LISTINGS_ITEM_STATUS_CHANGE and LISTINGS_ITEM_ISSUES_CHANGE notifications need:
seller (the event's partition), marketplace, SKU, ASIN, and the status or the issues now.
"""

from __future__ import annotations

from emulator.apis.listings.records import Issue, ListingStatus
from emulator.registry import domain_event
from emulator.state.events import DomainEvent


@domain_event
class ListingStatusChanged(DomainEvent, frozen=True):
    """A listing was created or deleted, or became (or stopped being) buyable or discoverable."""

    sku: str
    marketplace_id: str
    asin: str
    created_at: float
    previous: tuple[ListingStatus, ...] | None  # None: the listing did not exist
    status: tuple[ListingStatus, ...]  # (DELETED,) once the listing is deleted


@domain_event
class ListingIssuesChanged(DomainEvent, frozen=True):
    """Asynchronous processing found other issues than the listing had."""

    sku: str
    marketplace_id: str
    asin: str
    issues: tuple[Issue, ...]  # all the issues the listing has now
