"""Deleting a listing records its DELETED status change at the emulator time of the delete."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.listings.conftest import listing

CREATED = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def test_the_deleted_status_change_is_stamped_with_the_time_of_the_delete(listings, mcf):
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(CREATED)
    mcf.advance(0)  # a token issued at the new time
    listings.accepted("MUG-1", listing())
    listings.processed()  # processing is due 60 s after the write; the clock is 61 s on
    mcf.advance(3600)
    assert listings.delete("MUG-1").status_code == 200
    response = mcf.client.get("/_emulator/events", params={"type": "ListingStatusChanged"})
    assert response.status_code == 200, response.text
    changes = [(e["at"], e["data"]["status"]) for e in response.json()["events"]]
    assert changes == [
        ("2026-03-01T12:00:00.000Z", []),
        ("2026-03-01T12:01:00.000Z", ["BUYABLE", "DISCOVERABLE"]),
        ("2026-03-01T13:01:01.000Z", ["DELETED"]),
    ]
