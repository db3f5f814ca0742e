"""Listing status and issue changes record ListingStatusChanged / ListingIssuesChanged, once each."""

from __future__ import annotations

import orjson

from emulator.apis.inventory.records import ITEMS
from emulator.apis.listings.events import ListingIssuesChanged, ListingStatusChanged
from emulator.apis.listings.records import LISTINGS, ListingStatus, Severity
from emulator.lwa.accounts import DEFAULTS
from emulator.state import Store
from emulator.state.events import EventQuery
from tests.api.inventory.conftest import recorded
from tests.api.listings.conftest import US, listing

BUYABLE, DISCOVERABLE, DELETED = ListingStatus.BUYABLE, ListingStatus.DISCOVERABLE, ListingStatus.DELETED


def statuses(listings, after=0):
    return [(e.previous, e.status) for e in recorded(listings.mcf.runtime, ListingStatusChanged, after=after)]


def test_a_listing_is_created_goes_live_and_is_deleted(listings):
    answer = listings.accepted("MUG-1")
    listings.processed()
    assert listings.delete("MUG-1").status_code == 200
    assert statuses(listings) == [
        (None, ()),
        ((), (BUYABLE, DISCOVERABLE)),
        ((BUYABLE, DISCOVERABLE), (DELETED,)),
    ]
    created = recorded(listings.mcf.runtime, ListingStatusChanged)[0]
    assert (created.sku, created.marketplace_id, created.asin) == (
        "MUG-1",
        US,
        answer["identifiers"][0]["asin"],
    )


def test_a_write_that_keeps_the_status_records_no_status_change(listings):
    listings.accepted("MUG-1")
    listings.processed()
    start = listings.mcf.runtime.store.events.last_sequence
    listings.accepted("MUG-1", listing(name="Red mug"))
    listings.processed()
    assert statuses(listings, start) == []


def test_losing_the_price_makes_a_listing_merely_discoverable_at_once(listings):
    listings.accepted("MUG-1")
    listings.processed()
    start = listings.mcf.runtime.store.events.last_sequence
    patch = [{"op": "delete", "path": "/attributes/purchasable_offer"}]
    assert listings.patch("MUG-1", patch).json()["status"] == "ACCEPTED"
    assert statuses(listings, start) == [((BUYABLE, DISCOVERABLE), (DISCOVERABLE,))]


def test_processing_records_the_issues_it_finds(listings):
    listings.accepted("MUG-1", listing(image=False))
    listings.processed()
    [event] = recorded(listings.mcf.runtime, ListingIssuesChanged)
    assert (event.sku, event.marketplace_id) == ("MUG-1", US)
    assert [(i.code, i.severity) for i in event.issues] == [("99101", Severity.WARNING)]
    start = listings.mcf.runtime.store.events.last_sequence
    listings.accepted("MUG-1", listing(image=False, name="Red mug"))  # the same issue again: no change
    listings.processed()
    assert recorded(listings.mcf.runtime, ListingIssuesChanged, after=start) == []
    listings.accepted("MUG-1")
    listings.processed()
    [cleared] = recorded(listings.mcf.runtime, ListingIssuesChanged, after=start)
    assert cleared.issues == ()


def test_fba_stock_makes_an_fba_listing_buyable_in_the_same_call(listings, mcf):
    listings.accepted("FBA-1", listing(channel="AMAZON_NA", quantity=None))
    listings.processed()
    assert statuses(listings)[-1] == ((), (DISCOVERABLE,))  # no stock yet
    mcf.stock("FBA-1")
    start = mcf.runtime.store.events.last_sequence
    mcf.add("FBA-1", 2)
    assert statuses(listings, start) == [((DISCOVERABLE,), (BUYABLE, DISCOVERABLE))]
    assert mcf.create("O-1", {"FBA-1": 2}).status_code == 200  # every unit reserved
    assert statuses(listings, start)[-1] == ((BUYABLE, DISCOVERABLE), (DISCOVERABLE,))
    assert listings.item("FBA-1")["summaries"][0]["status"] == ["DISCOVERABLE"]


def test_merchant_listings_ignore_fba_stock(listings, mcf):
    listings.accepted("MUG-1")
    listings.processed()
    mcf.stock("MUG-1")
    start = mcf.runtime.store.events.last_sequence
    mcf.add("MUG-1", 3)
    assert statuses(listings, start) == []


def test_listings_stock_and_their_events_survive_a_snapshot(listings, mcf):
    listings.accepted("FBA-1", listing(channel="AMAZON_NA", quantity=None, image=False))
    mcf.stock("FBA-1", 2)
    listings.processed()
    runtime = mcf.runtime
    copy = Store(runtime.store.schema, runtime.registry.event_types())
    copy.restore(orjson.loads(orjson.dumps(runtime.store.snapshot())))
    events = EventQuery(
        types=frozenset({"InventoryAvailabilityChanged", "ListingStatusChanged", "ListingIssuesChanged"})
    )
    assert copy.events.query(events) == runtime.store.events.query(events) != []
    for table in (LISTINGS, ITEMS):  # decoded into the same typed records
        restored = dict(copy.tenant(DEFAULTS.seller_id).table(table).items())
        assert restored == dict(runtime.store.tenant(DEFAULTS.seller_id).table(table).items()) != {}
