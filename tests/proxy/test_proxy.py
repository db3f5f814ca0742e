"""The validating proxy forwards everything and reports what breaks the models, on either side."""

from __future__ import annotations

from typing import Any

import httpx

from emulator.protocol import PROXY_VIOLATIONS as VIOLATIONS_HEADER
from emulator.testing import Credentials, httpx_client

SUMMARIES = "/fba/inventory/v1/summaries"
MARKETPLACE = "ATVPDKIKX0DER"


def summaries_query(**extra: Any) -> dict[str, Any]:
    return {
        "granularityType": "Marketplace",
        "granularityId": MARKETPLACE,
        "marketplaceIds": MARKETPLACE,
        **extra,
    }


def test_conforming_call_is_forwarded_without_findings(upstream_emulator, start_proxy):
    proxy, url = start_proxy(upstream_emulator.url)
    with httpx_client(Credentials.for_emulator(url)) as client:
        response = client.get(SUMMARIES, params=summaries_query(details="true"))
    assert response.status_code == 200, response.text
    assert "payload" in response.json()
    assert response.headers["x-amzn-RequestId"]
    assert VIOLATIONS_HEADER not in response.headers
    assert proxy.record.findings == []
    assert proxy.record.calls["getInventorySummaries"] == 1


def test_malformed_client_request_is_recorded_and_still_forwarded(upstream_emulator, start_proxy):
    proxy, url = start_proxy(upstream_emulator.url)
    with httpx_client(Credentials.for_emulator(url)) as client:
        missing = client.get(SUMMARIES, params={"granularityType": "Marketplace"})
        bad_enum = client.get(SUMMARIES, params=summaries_query(granularityType="Planet"))
    assert missing.status_code == bad_enum.status_code == 400  # what the upstream said
    assert missing.headers[VIOLATIONS_HEADER] == "1"
    found = proxy.record.of_side("request")
    assert [f.operation_id for f in found] == ["getInventorySummaries"] * 2
    assert "granularityId" in found[0].problems[0]
    assert "granularityType" in found[1].problems[0]
    assert proxy.record.of_side("response") == []  # the upstream's 400s conform


def test_unknown_path_and_missing_token_are_request_findings(upstream_emulator, start_proxy):
    proxy, url = start_proxy(upstream_emulator.url)
    with httpx.Client(base_url=url) as raw:
        unknown = raw.get("/fba/outbound/2020-07-01/nothing-here/x/y")
        anonymous = raw.get(SUMMARIES, params=summaries_query())
    assert unknown.status_code == anonymous.status_code == 403
    problems = [f.problems[0] for f in proxy.record.of_side("request")]
    assert problems[0].startswith("no operation in the models answers GET")
    assert problems[1] == "the x-amz-access-token header is missing"


def test_body_that_breaks_the_schema_is_a_request_finding(upstream_emulator, start_proxy):
    proxy, url = start_proxy(upstream_emulator.url)
    with httpx_client(Credentials.for_emulator(url)) as client:
        client.post(
            "/fba/inventory/v1/items",
            json={
                "sellerSku": "SKU-1",
                "marketplaceId": "ATVPDKIKX0DER",
                "productName": "Mug",
                "colour": "red",
            },
        )
    (finding,) = proxy.record.of_side("request")
    assert finding.operation_id == "createInventoryItem"
    assert "colour" in finding.problems[0]


def test_non_conforming_upstream_responses_are_response_findings(broken_upstream, start_proxy):
    proxy, url = start_proxy(broken_upstream.url)
    headers = {"x-amz-access-token": "Atza|anything"}
    with httpx.Client(base_url=url, headers=headers) as client:
        for case in ("wrong-type", "text", "undeclared-status", "no-request-id"):
            response = client.get(SUMMARIES, params=summaries_query(), headers={"x-case": case})
            assert response.headers[VIOLATIONS_HEADER] == "1", case
    assert proxy.record.of_side("request") == []
    found = {f.status: f.problems for f in proxy.record.of_side("response")}
    wrong_type, text, undeclared, no_id = proxy.record.of_side("response")
    assert "granularity" in wrong_type.problems[0]
    assert text.problems == ("content type is text/plain, not application/json", "the body is not valid JSON")
    assert undeclared.status == 418 and "not declared" in undeclared.problems[0]
    assert "the x-amzn-RequestId header is missing" in no_id.problems
    assert set(found) == {200, 418}


def test_unreachable_upstream_answers_502_and_is_counted(start_proxy):
    proxy, url = start_proxy("http://127.0.0.1:9")
    response = httpx.get(url + SUMMARIES, params=summaries_query(), headers={"x-amz-access-token": "t"})
    assert response.status_code == 502
    assert response.json()["errors"][0]["code"] == "InternalFailure"
    assert proxy.record.upstream_errors == 1
