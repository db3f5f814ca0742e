"""Time travel through the admin API: advance, set, freeze, run; due transitions fire in order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from emulator.state.clock import parse_iso
from tests.control.support import V2020, order_body, stock, token


def test_advance_a_day_delivers_an_order(http, auth, live):
    stock(live)
    assert (
        http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-1"), headers=auth).status_code == 200
    )
    before = http.get("/_emulator/clock").json()
    assert before["pendingTransitions"] > 0
    moved = http.post("/_emulator/clock/advance", json={"by": "1d"}).json()
    assert moved["fired"] > 0
    assert parse_iso(moved["now"]).timestamp() - parse_iso(before["now"]).timestamp() >= 86400
    fresh = {"x-amz-access-token": token(http)}  # the old token expired during that day
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-1", headers=auth).status_code == 403
    order = http.get(f"{V2020}/fulfillmentOrders/ORDER-1", headers=fresh).json()["payload"]
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"


@pytest.mark.parametrize(
    ("by", "seconds"),
    [("90", 90), (45, 45), ("2h", 7200), ("1d12h", 129600), ("P1DT2H", 93600), ("1.5m", 90)],
)
def test_advance_accepts_seconds_and_durations(http, by, seconds):
    http.post("/_emulator/clock/freeze")
    before = parse_iso(http.get("/_emulator/clock").json()["now"])
    after = parse_iso(http.post("/_emulator/clock/advance", json={"by": by}).json()["now"])
    assert (after - before).total_seconds() == pytest.approx(seconds, abs=0.002)


def test_freeze_set_and_run(http):
    frozen = http.post("/_emulator/clock/freeze").json()
    assert frozen["frozen"] is True and frozen["speed"] == 0
    assert http.get("/_emulator/clock").json()["now"] == frozen["now"]
    target = "2030-01-01T00:00:00.000Z"
    assert http.post("/_emulator/clock/set", json={"to": target}).json()["now"] == target
    running = http.post("/_emulator/clock/run", json={"speed": 60}).json()
    assert running["frozen"] is False and running["speed"] == 60
    assert parse_iso(running["now"]) >= datetime(2030, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/_emulator/clock/advance", {"by": "soon"}),
        ("/_emulator/clock/advance", {"by": -5}),
        ("/_emulator/clock/advance", {}),
        ("/_emulator/clock/advance", {"by": "100000000000d"}),
        ("/_emulator/clock/set", {"to": "yesterday"}),
        ("/_emulator/clock/set", {"to": "9999-12-31T23:59:59Z"}),
        ("/_emulator/clock/run", {"speed": 0}),
        ("/_emulator/clock/run", {"speed": "fast"}),
    ],
)
def test_bad_clock_requests_are_400_and_leave_the_clock_alone(http, path, body):
    http.post("/_emulator/clock/freeze")
    before = http.get("/_emulator/clock").json()
    response = http.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["error"] in ("InvalidBody", "InvalidDuration", "InvalidInstant", "InvalidSpeed")
    assert http.get("/_emulator/clock").json() == before
