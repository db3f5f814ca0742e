"""Throttling through a real HTTP client: modes, per-operation overrides, the sandbox cap, the 429."""

from __future__ import annotations

from tests.control.support import V2020, preview_body, stock, summaries, token

QUOTA = {
    "errors": [
        {
            "code": "QuotaExceeded",
            "message": "You exceeded your quota for the requested resource.",
            "details": "",
        }
    ]
}


def limits(http, **body):
    response = http.put("/_emulator/rate-limits", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_report_mode_is_the_default_and_only_sends_headers(http, auth):
    assert http.get("/_emulator/rate-limits").json()["mode"] == "report"
    responses = [summaries(http, auth) for _ in range(5)]  # the plan is 2 requests/s, burst 2
    assert {r.status_code for r in responses} == {200}
    assert {r.headers["x-amzn-RateLimit-Limit"] for r in responses} == {"2.0"}


def test_enforce_mode_answers_429_once_the_burst_is_spent(http, auth, live):
    limits(http, mode="enforce")
    live.runtime.clock.freeze()
    statuses = [summaries(http, auth).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    throttled = summaries(http, auth)
    assert throttled.json() == QUOTA
    assert "x-amzn-RateLimit-Limit" not in throttled.headers
    assert throttled.headers["x-amzn-RequestId"]
    entry = http.get("/_emulator/journal", params={"status": 429}).json()["entries"][-1]
    assert entry["throttled"] is True and entry["faults"] == []


def test_a_real_throttle_and_an_injected_429_answer_alike(http, auth, live):
    limits(http, mode="enforce")
    live.runtime.clock.freeze()
    throttled = [summaries(http, auth) for _ in range(3)][-1]
    fault = {"match": {"operationId": "getInventorySummaries"}, "effect": {"type": "error", "status": 429}}
    assert http.post("/_emulator/faults", json=fault).status_code == 201
    http.post("/_emulator/clock/advance", json={"by": "1s"})  # tokens are back: now the rule answers
    injected = summaries(http, auth)
    for response in (throttled, injected):
        assert response.status_code == 429 and response.json() == QUOTA
        assert response.headers["x-amzn-ErrorType"] == "TooManyRequestsException"
        assert "x-amzn-RateLimit-Limit" not in response.headers
    assert http.get("/_emulator/journal").json()["entries"][-1]["faults"] == ["error:429@f1"]


def test_buckets_refill_on_the_emulator_clock(http, auth, live):
    limits(http, mode="enforce")
    live.runtime.clock.freeze()
    assert [summaries(http, auth).status_code for _ in range(3)] == [200, 200, 429]
    http.post("/_emulator/clock/advance", json={"by": "0.5s"})  # rate 2/s: one token back
    assert [summaries(http, auth).status_code for _ in range(2)] == [200, 429]


def test_buckets_are_per_seller(http, auth, live):
    limits(http, mode="enforce")
    live.runtime.clock.freeze()
    live.control.seed({"sellers": [{"sellerId": "A2SECOND", "refreshToken": "Atzr|second"}]})
    assert [summaries(http, auth).status_code for _ in range(3)] == [200, 200, 429]
    other = {"x-amz-access-token": token(http, "Atzr|second")}
    assert summaries(http, other).status_code == 200


def test_throttle_get_fulfillment_preview_with_an_override(http, auth, live):
    stock(live)
    limits(http, mode="enforce", overrides={"getFulfillmentPreview": {"rate": 0.5, "burst": 1}})
    live.runtime.clock.freeze()
    first = http.post(f"{V2020}/fulfillmentOrders/preview", json=preview_body(), headers=auth)
    second = http.post(f"{V2020}/fulfillmentOrders/preview", json=preview_body(), headers=auth)
    assert (first.status_code, second.status_code) == (200, 429)
    assert first.headers["x-amzn-RateLimit-Limit"] == "0.5"
    assert summaries(http, auth).status_code == 200  # other operations keep their own plan


def test_sandbox_cap_replaces_every_plan(http, auth, live):
    limits(http, mode="enforce", sandboxCap=True)
    live.runtime.clock.freeze()
    statuses = [summaries(http, auth).status_code for _ in range(16)]
    assert statuses == [200] * 15 + [429]
    assert summaries(http, auth).headers.get("x-amzn-RateLimit-Limit") is None


def test_header_on_429_is_an_option(http, auth, live):
    limits(http, mode="enforce", headerOn429=True)
    live.runtime.clock.freeze()
    responses = [summaries(http, auth) for _ in range(3)]
    assert responses[2].status_code == 429
    assert responses[2].headers["x-amzn-RateLimit-Limit"] == "2.0"


def test_off_mode_sends_no_header_and_never_throttles(http, auth, live):
    limits(http, mode="off")
    live.runtime.clock.freeze()
    responses = [summaries(http, auth) for _ in range(5)]
    assert {r.status_code for r in responses} == {200}
    assert all("x-amzn-RateLimit-Limit" not in r.headers for r in responses)


def test_invalid_settings_are_rejected(http):
    assert http.put("/_emulator/rate-limits", json={"mode": "panic"}).status_code == 400
    assert (
        http.put("/_emulator/rate-limits", json={"overrides": {"noSuchOp": {"rate": 1, "burst": 1}}}).json()[
            "error"
        ]
        == "UnknownOperation"
    )
    bad = http.put(
        "/_emulator/rate-limits", json={"overrides": {"getFulfillmentPreview": {"rate": 0, "burst": 1}}}
    )
    assert bad.status_code == 400
    assert http.put("/_emulator/rate-limits", json={"sandboxCap": "yes"}).status_code == 400
    assert http.get("/_emulator/rate-limits").json() == {
        "mode": "report",
        "sandboxCap": False,
        "headerOn429": False,
        "overrides": {},
    }
