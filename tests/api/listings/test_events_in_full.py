"""The listing events in full (what LISTINGS_ITEM_STATUS_CHANGE and _ISSUES_CHANGE notifications carry)."""

from __future__ import annotations

from datetime import UTC, datetime

from emulator.apis.listings.events import ListingIssuesChanged, ListingStatusChanged
from emulator.apis.listings.records import Issue, ListingStatus, Severity
from tests.api.inventory.conftest import recorded
from tests.api.listings.conftest import US, listing

CREATED = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
SELLABLE = (ListingStatus.BUYABLE, ListingStatus.DISCOVERABLE)


def test_status_and_issue_events_carry_the_listing_they_are_about(listings, mcf):
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(CREATED)
    mcf.advance(0)  # a token issued at the new time
    asin = listings.accepted("MUG-1", listing(image=False))["identifiers"][0]["asin"]
    listings.processed()
    assert listings.delete("MUG-1").status_code == 200
    about = {"sku": "MUG-1", "marketplace_id": US, "asin": asin, "created_at": CREATED.timestamp()}
    assert recorded(mcf.runtime, ListingStatusChanged) == [
        ListingStatusChanged(**about, previous=None, status=()),
        ListingStatusChanged(**about, previous=(), status=SELLABLE),
        ListingStatusChanged(**about, previous=SELLABLE, status=(ListingStatus.DELETED,)),
    ]
    del about["created_at"]
    image = Issue(
        code="99101",
        message="The listing has no main image.",
        severity=Severity.WARNING,
        attribute_names=("main_product_image_locator",),
        categories=("MISSING_IMAGE",),
        marketplace_id=US,
    )
    assert recorded(mcf.runtime, ListingIssuesChanged) == [ListingIssuesChanged(**about, issues=(image,))]


def test_a_single_unit_makes_a_listing_buyable(listings):
    listings.accepted("MUG-1", listing(quantity=1))
    listings.processed()
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]
