"""Every fault kind through a real HTTP client: what the client sees, and that the journal marks it."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import httpx
import pytest

from emulator.edge.faults import Effect, FaultRule
from emulator.state.clock import iso
from tests.control.support import V2020, order_body, stock, summaries, token


def add(http: httpx.Client, rule: dict) -> dict:
    response = http.post("/_emulator/faults", json=rule)
    assert response.status_code == 201, response.text
    return response.json()


def journal(http: httpx.Client, **params) -> list[dict]:
    return http.get("/_emulator/journal", params=params).json()["entries"]


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (400, "InvalidInput", "Invalid input."),
        (403, "Unauthorized", "Access to requested resource is denied."),
        (404, "NotFound", "The requested resource doesn't exist."),
        (429, "QuotaExceeded", "You exceeded your quota for the requested resource."),
        (500, "InternalFailure", "We encountered an internal error. Please try again."),
        (503, "ServiceUnavailable", "Service is temporarily unavailable. Please try again."),
    ],
)
def test_error_fault_answers_amazons_envelope_for_the_status(http, auth, status, code, message):
    add(
        http,
        {"match": {"operationId": "getInventorySummaries"}, "effect": {"type": "error", "status": status}},
    )
    response = summaries(http, auth)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"errors": [{"code": code, "message": message, "details": ""}]}
    assert response.headers["x-amzn-RequestId"]
    assert "x-amzn-RateLimit-Limit" not in response.headers
    assert journal(http)[-1]["faults"] == [f"error:{status}@f1"]


def test_error_fault_with_custom_code_and_details(http, auth):
    add(
        http,
        {
            "effect": {
                "type": "error",
                "status": 502,
                "code": "BadGateway",
                "message": "Upstream failed.",
                "details": "injected",
            }
        },
    )
    response = summaries(http, auth)
    assert response.status_code == 502
    assert response.json()["errors"] == [
        {"code": "BadGateway", "message": "Upstream failed.", "details": "injected"}
    ]


def test_create_order_fails_twice_with_503_then_succeeds(http, auth, live):
    stock(live)
    add(
        http,
        {
            "match": {"operationId": "createFulfillmentOrder"},
            "effect": {"type": "error", "status": 503},
            "times": 2,
        },
    )
    statuses = [
        http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-1"), headers=auth).status_code
        for _ in range(3)
    ]
    assert statuses == [503, 503, 200]
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-1", headers=auth).status_code == 200
    rule = http.get("/_emulator/faults/f1").json()
    assert (rule["matched"], rule["applied"]) == (3, 2)


def test_latency_fault_delays_the_response_and_records_it(http, auth):
    add(http, {"match": {"method": "GET"}, "effect": {"type": "latency", "ms": 150}})
    response = summaries(http, auth)
    assert response.status_code == 200
    entry = journal(http)[-1]
    assert entry["faults"] == ["latency@f1"]
    assert entry["latencyMs"] >= 145  # the event loop may wake a timer up to its clock resolution early


def test_ranged_latency_stays_inside_its_range(http, auth):
    add(http, {"effect": {"type": "latency", "ms": [20, 60]}})
    for _ in range(3):
        assert summaries(http, auth).status_code == 200
    latencies = [e["latencyMs"] for e in journal(http)]
    assert len(latencies) == 3
    # at least the shortest delay; at most the longest plus the call's own work on a busy machine
    assert all(20 <= ms < 60 + 250 for ms in latencies), latencies


def test_ranged_latency_draws_every_delay_between_its_bounds():
    rule = FaultRule("f1", Effect.parse({"type": "latency", "ms": [20, 60]}), {}, rng=random.Random(7))
    drawn = [rule.inject().delay for _ in range(500)]
    assert all(0.020 <= delay <= 0.060 for delay in drawn)
    assert min(drawn) < 0.025 and max(drawn) > 0.055  # the whole range is used, not one end of it


def test_dropped_connection_sends_no_response_and_does_not_process(http, auth, live):
    stock(live)
    add(http, {"match": {"operationId": "createFulfillmentOrder"}, "effect": {"type": "drop"}, "times": 1})
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-D"), headers=auth)
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-D", headers=auth).status_code == 404
    entry = journal(http, operationId="createFulfillmentOrder")[-1]
    assert entry["status"] is None and entry["faults"] == ["drop@f1"]


def test_drop_after_processing_keeps_the_write(http, auth, live):
    stock(live)
    add(
        http,
        {"match": {"operationId": "createFulfillmentOrder"}, "effect": {"type": "drop", "processed": True}},
    )
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-P"), headers=auth)
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-P", headers=auth).status_code == 200


def test_empty_body_keeps_status_and_json_type(http, auth):
    add(http, {"effect": {"type": "empty"}})
    response = summaries(http, auth)
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"] == "application/json"


def test_truncated_body_is_a_prefix_of_valid_json(http, auth):
    whole = summaries(http, auth).content
    add(http, {"effect": {"type": "truncate"}})
    response = summaries(http, auth)
    assert response.status_code == 200
    assert whole.startswith(response.content) and len(response.content) < len(whole)
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_malformed_body_is_not_json(http, auth):
    add(http, {"effect": {"type": "malformed"}})
    response = summaries(http, auth)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_wrong_content_type(http, auth):
    add(http, {"effect": {"type": "content-type", "contentType": "text/html; charset=utf-8"}})
    response = summaries(http, auth)
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def create_with_stale_reads(http, auth, live, order_id: str) -> None:
    """Create `order_id` under a rule that keeps its reads stale for 30 seconds."""
    stock(live)
    add(
        http, {"match": {"operationId": "createFulfillmentOrder"}, "effect": {"type": "stale", "seconds": 30}}
    )
    assert http.post(f"{V2020}/fulfillmentOrders", json=order_body(order_id), headers=auth).status_code == 200


def test_stale_read_answers_404_until_the_window_closes(http, auth, live):
    create_with_stale_reads(http, auth, live, "ORDER-S")
    read = http.get(f"{V2020}/fulfillmentOrders/ORDER-S", headers=auth)
    assert read.status_code == 404
    assert read.json()["errors"][0]["code"] == "NotFound"
    assert journal(http)[-1]["faults"] == ["stale-read"]
    http.post("/_emulator/clock/advance", json={"by": "31s"})
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-S", headers=auth).status_code == 200


def test_a_stale_window_delays_reads_only_and_writes_reach_the_order(http, auth, live):
    create_with_stale_reads(http, auth, live, "ORDER-W")
    cancel = http.put(f"{V2020}/fulfillmentOrders/ORDER-W/cancel", headers=auth)
    assert cancel.status_code == 200
    assert journal(http)[-1]["faults"] == []


@pytest.mark.parametrize(
    ("match", "hit"),
    [
        ({"path": "/fba/inventory/*"}, True),
        ({"path": "/fba/outbound/*"}, False),
        ({"method": "get"}, True),
        ({"method": "POST"}, False),
        ({"sellerId": "A1MCFEMULATOR1"}, True),
        ({"sellerId": "A2OTHER"}, False),
        ({"marketplaceId": "ATVPDKIKX0DER"}, True),
        ({"marketplaceId": "A2EUQ1WTGCTBG2"}, False),
    ],
)
def test_rules_match_on_path_method_seller_and_marketplace(http, auth, match, hit):
    add(http, {"match": match, "effect": {"type": "error", "status": 500}})
    assert summaries(http, auth).status_code == (500 if hit else 200)


def test_count_scopes_after_and_every(http, auth):
    add(http, {"effect": {"type": "error", "status": 500}, "after": 1, "every": 2})
    assert [summaries(http, auth).status_code for _ in range(6)] == [200, 200, 500, 200, 500, 200]


def test_time_window_follows_the_emulator_clock(http, auth, live):
    now = live.runtime.clock.now()
    add(
        http,
        {
            "effect": {"type": "error", "status": 503},
            "from": iso(now + timedelta(hours=1)),
            "until": iso(now + timedelta(hours=2)),
        },
    )
    assert summaries(http, auth).status_code == 200
    http.post("/_emulator/clock/advance", json={"by": "90m"})
    assert summaries(http, {"x-amz-access-token": token(http)}).status_code == 503
    http.post("/_emulator/clock/advance", json={"by": "1h"})
    assert summaries(http, {"x-amz-access-token": token(http)}).status_code == 200


def test_seeded_probabilistic_faults_repeat_exactly(http, auth):
    rule = {"effect": {"type": "error", "status": 500}, "probability": 0.5, "seed": 7}

    def run() -> list[int]:
        http.put("/_emulator/faults", json=[rule])
        return [summaries(http, auth).status_code for _ in range(24)]

    first, second = run(), run()
    assert first == second
    assert 0 < first.count(500) < 24


def test_header_fault_applies_to_one_request(http, auth):
    assert summaries(http, auth, **{"x-mcf-emulator-fault": "503"}).status_code == 503
    assert summaries(http, auth).status_code == 200
    assert (
        summaries(http, auth, **{"x-mcf-emulator-fault": '{"type": "error", "status": 429}'}).status_code
        == 429
    )
    assert journal(http)[-1]["faults"] == ["error:429@header"]


def test_malformed_header_fault_is_a_400_naming_the_header(http, auth):
    response = summaries(http, auth, **{"x-mcf-emulator-fault": "explode"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == "Invalid x-mcf-emulator-fault header."
    assert error["details"] == (
        "an effect needs a `type`, one of "
        "('error', 'latency', 'drop', 'empty', 'truncate', 'malformed', 'content-type', 'stale')"
    )


def test_fault_rule_crud(http):
    add(http, {"id": "slow", "effect": {"type": "latency", "ms": 5}})
    add(http, {"effect": {"type": "empty"}})
    assert [r["id"] for r in http.get("/_emulator/faults").json()["rules"]] == ["slow", "f1"]
    assert http.delete("/_emulator/faults/slow").status_code == 204
    assert http.get("/_emulator/faults/slow").status_code == 404
    assert http.delete("/_emulator/faults").status_code == 204
    assert http.get("/_emulator/faults").json()["rules"] == []


@pytest.mark.parametrize(
    "rule",
    [
        {"effect": {"type": "boom"}},
        {"effect": {"type": "error", "status": 302}},
        {"effect": {"type": "error", "status": 418}},
        {"effect": {"type": "latency"}},
        {"effect": {"type": "empty"}, "probability": 2},
        {"effect": {"type": "empty"}, "times": -1},
        {"effect": {"type": "empty"}, "match": {"colour": "red"}},
        {"effect": {"type": "empty"}, "from": "soon"},
        {"effect": {"type": "empty"}, "extra": 1},
        [1, 2],
    ],
)
def test_invalid_rules_are_rejected_and_change_nothing(http, rule):
    response = http.post("/_emulator/faults", json=rule)
    assert response.status_code == 400
    assert response.json()["error"] in ("InvalidBody", "InvalidFault")  # the document, or the rule checks
    assert http.get("/_emulator/faults").json()["rules"] == []


def test_a_rule_for_an_unknown_operation_is_refused_with_the_nearest_name(http):
    rule = {"match": {"operationId": "createFulfilmentOrder"}, "effect": {"type": "error", "status": 503}}
    response = http.post("/_emulator/faults", json=rule)
    assert response.status_code == 400, response.text
    assert "did you mean 'createFulfillmentOrder'?" in response.json()["message"]
    assert http.get("/_emulator/faults").json()["rules"] == []
    replaced = http.put("/_emulator/faults", json=[{**rule, "efect": {}}])
    assert replaced.status_code == 400
