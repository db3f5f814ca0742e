"""The request journal, and who may use the admin API at all."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.settings import Settings
from tests.control.support import V2020, summaries


def test_journal_records_each_call_with_bodies(http, auth):
    summaries(http, auth)
    http.post(f"{V2020}/fulfillmentOrders/preview", json={"marketplaceId": "nope"}, headers=auth)
    entries = http.get("/_emulator/journal").json()["entries"]
    assert [e["operationId"] for e in entries] == ["getInventorySummaries", "getFulfillmentPreview"]
    first, second = entries
    assert first["status"] == 200 and first["sellerId"] == "A1MCFEMULATOR1" and first["method"] == "GET"
    assert first["responseBody"]["payload"]["inventorySummaries"] == []
    assert first["query"].startswith("granularityType=")
    assert second["status"] == 400 and second["requestBody"] == {"marketplaceId": "nope"}
    assert second["responseBody"]["errors"][0]["code"] == "InvalidInput"
    assert second["latencyMs"] >= 0 and second["seq"] == first["seq"] + 1


def test_journal_filters(http, auth):
    summaries(http, auth)
    http.post("/_emulator/faults", json={"effect": {"type": "error", "status": 500}, "times": 1})
    summaries(http, auth)
    http.get(f"{V2020}/fulfillmentOrders/NOPE", headers=auth)
    assert len(http.get("/_emulator/journal", params={"faulted": "true"}).json()["entries"]) == 1
    assert len(http.get("/_emulator/journal", params={"status": 200}).json()["entries"]) == 1
    assert (
        len(http.get("/_emulator/journal", params={"operationId": "getFulfillmentOrder"}).json()["entries"])
        == 1
    )
    assert len(http.get("/_emulator/journal", params={"method": "get", "limit": 2}).json()["entries"]) == 2
    page = http.get("/_emulator/journal", params={"bodies": "false"}).json()
    assert "responseBody" not in page["entries"][0]
    since = http.get("/_emulator/journal", params={"since": page["entries"][1]["seq"]}).json()["entries"]
    assert [e["operationId"] for e in since] == ["getFulfillmentOrder"]
    assert len(http.get("/_emulator/journal", params={"sellerId": "A9NOBODY"}).json()["entries"]) == 0


def test_journal_rejects_bad_filters_and_can_be_cleared(http, auth):
    assert http.get("/_emulator/journal", params={"limit": 0}).status_code == 400
    assert http.get("/_emulator/journal", params={"status": "ok"}).status_code == 400
    assert http.get("/_emulator/journal", params={"faulted": "maybe"}).status_code == 400
    summaries(http, auth)
    assert http.delete("/_emulator/journal").status_code == 204
    page = http.get("/_emulator/journal").json()
    assert page["entries"] == [] and page["lastSeq"] >= 1


def _asgi_client(app, client_host: str) -> TestClient:
    return TestClient(app, base_url="http://emulator", client=(client_host, 40000))


@pytest.fixture(scope="module")
def guarded_app(catalog):
    return create_app(Settings(seed=5, admin_token="t0ken"), catalog)


def test_admin_api_refuses_remote_clients_unless_opened(catalog, guarded_app):
    with _asgi_client(guarded_app, "203.0.113.9") as remote:
        response = remote.get("/_emulator/clock", headers={"x-mcf-emulator-admin-token": "t0ken"})
        assert response.status_code == 403 and response.json()["error"] == "Forbidden"
    opened = create_app(Settings(seed=5, admin_remote=True), catalog)
    with _asgi_client(opened, "203.0.113.9") as remote:
        assert remote.get("/_emulator/clock").status_code == 200


def test_admin_token_is_required_when_configured(guarded_app):
    with _asgi_client(guarded_app, "127.0.0.1") as local:
        assert local.get("/_emulator/health").status_code == 200
        assert local.get("/_emulator/clock").status_code == 401
        assert (
            local.get("/_emulator/clock", headers={"x-mcf-emulator-admin-token": "wrong"}).status_code == 401
        )
        assert (
            local.get("/_emulator/clock", headers={"x-mcf-emulator-admin-token": "t0ken"}).status_code == 200
        )
        assert local.get("/_emulator/clock", headers={"authorization": "Bearer t0ken"}).status_code == 200
        assert local.post("/_emulator/reset", headers={"authorization": "Bearer nope"}).status_code == 401
