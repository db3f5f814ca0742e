"""GET /_emulator/violations: what a harness in another process reads to fail on the emulator's mistakes."""

from __future__ import annotations


def test_recorded_violations_are_listed_until_taken(http, live):
    assert http.get("/_emulator/violations").json() == {"violations": []}
    live.edge.violations.record("req-1", None, 500, ["unhandled KeyError: 'x'"])
    listed = http.get("/_emulator/violations")
    assert listed.status_code == 200
    assert listed.json() == {
        "violations": [
            {
                "requestId": "req-1",
                "operationId": None,
                "status": 500,
                "problems": ["unhandled KeyError: 'x'"],
            }
        ]
    }
    assert len(live.edge.violations.take()) == 1  # seen: the fixture must not fail the test for it
