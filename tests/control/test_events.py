"""GET /_emulator/events over HTTP, with test-only events recorded straight into the live emulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from emulator.app import EmulatorApp
from emulator.lwa.accounts import DEFAULTS
from emulator.state.clock import iso
from tests.control.support import OTHER, Pinged, Ponged, record


def events(http: httpx.Client, **params: object) -> dict:
    response = http.get("/_emulator/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def notes(page: dict) -> list[str]:
    return [e["data"]["note"] for e in page["events"]]


@pytest.fixture
def world(live: EmulatorApp, http: httpx.Client) -> EmulatorApp:
    live.runtime.clock.freeze()
    live.runtime.clock.set(datetime(2026, 5, 1, tzinfo=UTC))
    record(live, Pinged(note="one"))
    record(live, Ponged(note="two"), OTHER)
    live.runtime.clock.advance(3600)
    record(live, Pinged(note="three"), OTHER)
    record(live, Ponged(note="four"))
    return live


def test_events_come_oldest_first_in_their_envelope(world, http):
    page = events(http)
    first = page["events"][0]
    assert set(first) == {"sequence", "type", "at", "sellerId", "data"}
    assert first["type"] == "Pinged" and first["sellerId"] == DEFAULTS.seller_id
    assert first["at"] == "2026-05-01T00:00:00.000Z"
    assert notes(page) == ["one", "two", "three", "four"]
    sequences = [e["sequence"] for e in page["events"]]
    assert sequences == sorted(sequences) and page["lastSequence"] == sequences[-1]


def test_filters_by_type_seller_and_time(world, http):
    assert notes(events(http, type="Pinged")) == ["one", "three"]
    assert notes(events(http, type="Pinged,Ponged")) == ["one", "two", "three", "four"]
    assert notes(events(http, type=["Ponged", "Nothing"])) == ["two", "four"]
    assert notes(events(http, sellerId=OTHER)) == ["two", "three"]
    assert notes(events(http, type="Ponged", sellerId=OTHER)) == ["two"]
    later = iso(datetime(2026, 5, 1, tzinfo=UTC) + timedelta(minutes=30))
    assert notes(events(http, since=later)) == ["three", "four"]
    assert notes(events(http, until=later)) == ["one", "two"]


def test_after_pages_on_and_limit_keeps_the_newest(world, http):
    page = events(http, limit=2)
    assert notes(page) == ["three", "four"]
    first = events(http)["events"][1]["sequence"]
    assert notes(events(http, after=first)) == ["three", "four"]
    assert events(http, after=page["lastSequence"])["events"] == []
    record(world, Pinged(note="five"))
    assert notes(events(http, after=page["lastSequence"])) == ["five"]


def test_a_reset_forgets_the_events_of_the_sellers_it_resets(world, http):
    assert http.post("/_emulator/reset", json={"sellerId": OTHER}).status_code == 200
    assert notes(events(http)) == ["one", "four"]
    http.post("/_emulator/reset")
    page = events(http)
    assert page["events"] == [] and page["lastSequence"] >= 4  # sequence numbers never go back


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "9999-01-01T00:00:00Z"}, "until"),
        ({"after": "first"}, "after"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
    ],
)
def test_bad_queries_answer_400_naming_the_parameter(world, http, params, named):
    response = http.get("/_emulator/events", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidQuery" and named in response.json()["message"]
