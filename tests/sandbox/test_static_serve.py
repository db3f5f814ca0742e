"""`serve --sandbox-mode static` over HTTP: every documented case, what no case matches, the dynamic APIs,
and `mcf-emulator parity` against it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from emulator.catalog import load_catalog
from emulator.cli import main
from emulator.parity.engine import MATCHED, replay, static_cases
from emulator.protocol import RATE_LIMIT
from emulator.testing.server import EmulatorServer
from tests.processes import free_port
from tests.sandbox.conftest import tokens_for

CATALOG = load_catalog(os.environ.get("MCF_EMULATOR_MODELS"))
CASES = list(static_cases(CATALOG))
PINNED_CASES = 151  # the pinned models' x-amzn-api-sandbox static cases, counted at run time below
SUMMARIES = "/fba/inventory/v1/summaries"
US = "ATVPDKIKX0DER"


def test_the_pinned_models_document_151_static_cases() -> None:
    by_model: dict[str, int] = {}
    for op, _ in CASES:
        by_model[op.model] = by_model.get(op.model, 0) + 1
    print(by_model)
    assert len(CASES) == PINNED_CASES, by_model


@pytest.mark.parametrize(("op", "index"), CASES, ids=[f"{op.operation_id}#{i}" for op, i in CASES])
def test_every_static_case_is_answered_exactly_as_documented(op, index, static_url) -> None:
    with httpx.Client(base_url=static_url, timeout=30) as http:
        outcome = replay(op, index, http, tokens_for(http))
    assert outcome.verdict == MATCHED, outcome.detail


def _assert_rejected(response: httpx.Response, status: int, *fragments: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["errors"][0]
    assert error["code"] and error["message"]
    text = error["message"] + " " + error.get("details", "")
    for fragment in fragments:
        assert fragment in text, text


def test_a_request_no_case_matches_is_a_400_naming_the_operation_and_what_its_cases_accept(static_http):
    response = static_http.get("/reports/2021-06-30/reports", params={"reportTypes": "NOT_A_REPORT"})
    _assert_rejected(
        response,
        400,
        "getReports",
        "case 0 (200): query reportTypes=FEE_DISCOUNTS_REPORT,GET_AFN_INVENTORY_DATA",
        "case 1 (400)",
    )
    body = {"reportType": "GET_MERCHANT_LISTINGS_ALL_DATA", "marketplaceIds": [US]}
    _assert_rejected(
        static_http.post("/reports/2021-06-30/reports", json=body), 400, "createReport", "body {"
    )


def test_malformed_requests_in_static_mode_are_4xx_that_say_what_is_wrong(static_http):
    plans = "/inbound/fba/2024-03-20/inboundPlans"
    _assert_rejected(static_http.get(plans, params={"pageSize": "abc"}), 400, "listInboundPlans", "pageSize")
    malformed = static_http.post(
        "/reports/2021-06-30/reports", content=b"{not json", headers={"content-type": "application/json"}
    )
    _assert_rejected(malformed, 400, "createReport", "not valid JSON")
    _assert_rejected(static_http.get("/reports/2021-06-30/nowhere"), 403, "No SP-API operation")
    _assert_rejected(static_http.delete(plans), 403, "DELETE")
    test = "/notifications/v1/subscriptions/ANY_OFFER_CHANGED/testNotification"
    grantless = tokens_for(static_http).headers(CATALOG["sendTestNotification"])
    _assert_rejected(static_http.post(test, json={}, headers=grantless), 400, "documents no static case")
    assert static_http.get("/_emulator/health").json()["status"] == "ok"


def test_health_says_static_and_the_dynamic_apis_answer_live_throttled_at_the_sandbox_plan(static_http):
    health = static_http.get("/_emulator/health").json()
    assert health["sandboxMode"] == "static" and health["rateLimits"] == "enforce"
    query = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}
    answers = [static_http.get(SUMMARIES, params=query) for _ in range(30)]
    assert answers[0].status_code == 200 and answers[0].headers[RATE_LIMIT] == "5.0"
    assert 429 in {a.status_code for a in answers}
    canned = [static_http.get("/notifications/v1/subscriptions/ANY_OFFER_CHANGED") for _ in range(30)]
    assert {a.status_code for a in canned} == {200}, "documented answers are not throttled"


def test_parity_prints_every_case_matched_against_static_mode(static_url) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "emulator", "parity", "--target", static_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(CASES)}/{len(CASES)} static cases matched" in done.stdout
    assert "fulfillmentInbound_2024-03-20" in done.stdout


def test_parity_exits_1_on_differences_and_2_without_target_or_credentials(app, capsys, monkeypatch) -> None:
    with EmulatorServer(app) as server:
        assert main(["parity", "--target", server.url]) == 1
    out = capsys.readouterr().out
    assert "differed" in out and f"/{len(CASES)} static cases matched" in out
    started = time.monotonic()
    assert main(["parity", "--target", f"http://127.0.0.1:{free_port()}"]) == 2
    assert "cannot be reached" in capsys.readouterr().err and time.monotonic() - started < 10
    for name in ("SPAPI_LWA_CLIENT_ID", "SPAPI_LWA_CLIENT_SECRET", "SPAPI_LWA_REFRESH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["parity", "--target", "amazon-sandbox", "--region", "eu"]) == 2
    assert "needs your LWA credentials" in capsys.readouterr().err


def test_the_plugin_starts_a_static_emulator_on_request(pytester) -> None:
    pytester.makepyfile(
        """
        def test_documented_answer(spapi_emulator_settings, spapi_client):
            assert spapi_emulator_settings.sandbox_mode == "static"
            answer = spapi_client.get("/listings/2021-08-01/items/A1/BadSKU", params={"marketplaceIds": "X"})
            assert answer.status_code == 400
            assert answer.json()["errors"][0]["code"] == "BAD_REQUEST"
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--spapi-sandbox-mode", "static")
    result.assert_outcomes(passed=1)
