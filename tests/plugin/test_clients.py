"""Client helpers used directly (dogfooding the plugin's fixtures): token renewal, async in-process client."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from emulator.testing import Credentials, LwaAuth, LwaError

QUERY = {
    "granularityType": "Marketplace",
    "granularityId": "ATVPDKIKX0DER",
    "marketplaceIds": "ATVPDKIKX0DER",
}
SUMMARIES = "/fba/inventory/v1/summaries"


def test_expired_token_is_renewed_once_and_the_call_retried(spapi_emulator, spapi_client):
    assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 200
    first = spapi_client.auth.token
    spapi_emulator.advance("2h")  # the emulator now considers the cached access token expired
    assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 200
    assert spapi_client.auth.token != first
    statuses = [e["status"] for e in spapi_emulator.journal(operation_id="getInventorySummaries")]
    assert statuses == [200, 403, 200]


def test_refused_credentials_raise_lwa_error(spapi_emulator):
    right = Credentials.for_emulator(spapi_emulator.url)
    wrong = Credentials(right.endpoint, right.token_url, client_secret="not-the-secret")
    with httpx.Client(base_url=wrong.endpoint, auth=LwaAuth(wrong)) as client, pytest.raises(LwaError):
        client.get(SUMMARIES, params=QUERY)


def test_async_client_runs_in_process_over_asgi(spapi_emulator):
    async def call() -> int:
        async with spapi_emulator.asgi_client() as client:
            return (await client.get(SUMMARIES, params=QUERY)).status_code

    assert asyncio.run(call()) == 200
    spapi_emulator.assert_called("getInventorySummaries", times=1)


def test_a_token_from_after_a_clock_set_back_is_renewed(spapi_emulator, spapi_client):
    assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 200
    first = spapi_client.auth.token
    with spapi_emulator.frozen_clock("2026-01-01T00:00:00Z"):  # earlier than the token's issue
        assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 200
    assert spapi_client.auth.token != first
    statuses = [e["status"] for e in spapi_emulator.journal(operation_id="getInventorySummaries")]
    assert statuses == [200, 403, 200]
