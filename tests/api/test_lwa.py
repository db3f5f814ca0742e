"""Login with Amazon: every grant type, LWA's errors, strict and permissive modes, the consent flow."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp
from emulator.lwa.accounts import DEFAULTS
from emulator.registry import Registry
from emulator.runtime import Runtime
from emulator.settings import Settings

TOKEN = "/auth/o2/token"
NOTIFICATIONS = "sellingpartnerapi::notifications"


def form(**fields: str) -> dict[str, str]:
    return {"client_id": DEFAULTS.client_id, "client_secret": DEFAULTS.client_secret} | fields


@pytest.fixture
def strict_client(catalog):
    app = EmulatorApp(Runtime(Settings(auth_mode="strict", seed=7), catalog, Registry()))
    with TestClient(app) as client:
        yield client


def test_refresh_token_grant_issues_a_bearer_token(client):
    response = client.post(TOKEN, data=form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token))
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    assert body["access_token"].startswith("Atza|") and body["refresh_token"] == DEFAULTS.refresh_token
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"].startswith("application/json")


def test_json_encoded_token_requests_are_accepted(client):
    response = client.post(TOKEN, json=form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token))
    assert response.status_code == 200 and response.json()["access_token"].startswith("Atza|")


def test_client_credentials_grant_carries_its_scope(client):
    response = client.post(TOKEN, data=form(grant_type="client_credentials", scope=NOTIFICATIONS))
    assert response.status_code == 200
    body = response.json()
    assert body["scope"] == NOTIFICATIONS and "refresh_token" not in body


@pytest.mark.parametrize(
    ("fields", "status", "error"),
    [
        ({}, 400, "invalid_request"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"grant_type": "refresh_token"}, 400, "invalid_request"),
        (
            {"grant_type": "refresh_token", "refresh_token": "Atzr|x", "scope": NOTIFICATIONS},
            400,
            "invalid_request",
        ),
        ({"grant_type": "client_credentials"}, 400, "invalid_request"),
        (
            {"grant_type": "client_credentials", "scope": "sellingpartnerapi::everything"},
            400,
            "invalid_scope",
        ),
        (
            {"grant_type": "authorization_code", "code": "nope", "redirect_uri": "https://x"},
            400,
            "invalid_grant",
        ),
        ({"grant_type": "authorization_code"}, 400, "invalid_request"),
    ],
)
def test_lwa_errors_have_the_oauth_shape(client, fields, status, error):
    response = client.post(TOKEN, data=form(**fields))
    assert response.status_code == status
    body = response.json()
    assert body["error"] == error and body["error_description"]


def test_missing_client_credentials_are_an_invalid_request(client):
    response = client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": "Atzr|x"})
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"
    assert "client_id" in response.json()["error_description"]


def test_unparseable_token_requests_get_lwa_errors(client):
    assert (
        client.post(TOKEN, content=b"{", headers={"content-type": "application/json"}).json()["error"]
        == "invalid_request"
    )
    assert client.post(TOKEN, content=b"<x/>", headers={"content-type": "text/xml"}).status_code == 400
    wrong_method = client.get(TOKEN)
    assert wrong_method.status_code == 405 and wrong_method.json()["error"] == "invalid_request"


def test_permissive_mode_accepts_any_client_and_unknown_refresh_tokens(client, runtime):
    response = client.post(
        TOKEN,
        data={
            "grant_type": "refresh_token",
            "refresh_token": "Atzr|whatever",
            "client_id": "amzn1.application-oa2-client.mine",
            "client_secret": "s",
        },
    )
    assert response.status_code == 200
    grant = runtime.accounts.access_token(response.json()["access_token"])
    assert (grant.client_id, grant.seller_id) == ("amzn1.application-oa2-client.mine", DEFAULTS.seller_id)


def test_strict_mode_rejects_unknown_clients_and_wrong_secrets(strict_client):
    unknown = strict_client.post(
        TOKEN,
        data={
            "grant_type": "refresh_token",
            "refresh_token": DEFAULTS.refresh_token,
            "client_id": "someone",
            "client_secret": "else",
        },
    )
    assert unknown.status_code == 401 and unknown.json()["error"] == "invalid_client"
    wrong = strict_client.post(
        TOKEN,
        data=form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token, client_secret="wrong"),
    )
    assert wrong.status_code == 401 and wrong.json()["error_description"] == "Client authentication failed"


def test_strict_mode_rejects_unknown_and_foreign_refresh_tokens(strict_client):
    unknown = strict_client.post(TOKEN, data=form(grant_type="refresh_token", refresh_token="Atzr|forged"))
    assert unknown.status_code == 400 and unknown.json() == {
        "error": "invalid_grant",
        "error_description": "The request has an invalid grant parameter : refresh_token",
    }
    runtime = strict_client.app.runtime
    runtime.accounts.add_application("other-client", "other-secret")
    foreign = strict_client.post(
        TOKEN,
        data={
            "grant_type": "refresh_token",
            "refresh_token": DEFAULTS.refresh_token,
            "client_id": "other-client",
            "client_secret": "other-secret",
        },
    )
    assert foreign.status_code == 400 and foreign.json()["error"] == "invalid_grant"


def consent(client, **query):
    """The headless consent shortcut (`auto=1`): an instant redirect, problems as JSON."""
    return client.get("/apps/authorize/consent", params={"auto": "1", **query}, follow_redirects=False)


def test_website_authorization_flow_mints_a_refresh_token(strict_client):
    runtime = strict_client.app.runtime
    runtime.accounts.add_application(
        "web-client", "web-secret", "amzn1.sp.solution.web", redirect_uris=["https://shop.example/callback"]
    )
    runtime.accounts.add_seller("A3NEWSELLER77")
    redirect = consent(
        strict_client,
        application_id="amzn1.sp.solution.web",
        state="csrf-123",
        selling_partner_id="A3NEWSELLER77",
    )
    assert redirect.status_code == 302
    target = urlsplit(redirect.headers["location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == "https://shop.example/callback"
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert query["state"] == "csrf-123" and query["selling_partner_id"] == "A3NEWSELLER77"
    exchange = {
        "grant_type": "authorization_code",
        "code": query["spapi_oauth_code"],
        "redirect_uri": "https://shop.example/callback",
        "client_id": "web-client",
        "client_secret": "web-secret",
    }
    tokens = strict_client.post(TOKEN, data=exchange)
    assert tokens.status_code == 200
    refresh = tokens.json()["refresh_token"]
    assert (
        refresh.startswith("Atzr|") and runtime.accounts.refresh_token(refresh).seller_id == "A3NEWSELLER77"
    )
    replay = strict_client.post(TOKEN, data=exchange)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"


def test_authorization_codes_expire_after_five_minutes(client, runtime):
    redirect_uri = "https://shop.example/cb"
    location = consent(client, application_id=DEFAULTS.application_id, redirect_uri=redirect_uri).headers[
        "location"
    ]
    code = parse_qs(urlsplit(location).query)["spapi_oauth_code"][0]
    runtime.clock.advance(301)
    expired = client.post(
        TOKEN, data=form(grant_type="authorization_code", code=code, redirect_uri=redirect_uri)
    )
    assert expired.status_code == 400 and expired.json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"application_id": "amzn1.sp.solution.unknown"}, "MD1000"),
        ({"application_id": DEFAULTS.application_id, "redirect_uri": "https://x.example/cb#frag"}, "MD5110"),
        ({"application_id": DEFAULTS.application_id}, "MD5101"),
        ({}, "invalid_request"),
    ],
)
def test_consent_errors_name_seller_centrals_codes(client, query, error):
    response = consent(client, **query)
    assert response.status_code == 400 and response.json()["error"] == error


def test_strict_consent_rejects_unregistered_redirects(strict_client):
    strict_client.app.runtime.accounts.add_application(
        "c", "s", "amzn1.sp.solution.reg", redirect_uris=["https://ok.example/cb"]
    )
    response = consent(
        strict_client, application_id="amzn1.sp.solution.reg", redirect_uri="https://evil.example/"
    )
    assert response.status_code == 400 and response.json()["error"] == "MD5101"


def test_a_token_is_refused_once_the_clock_is_set_back_before_its_issue(client):
    summaries = "/fba/inventory/v1/summaries"
    query = {
        "granularityType": "Marketplace",
        "granularityId": "ATVPDKIKX0DER",
        "marketplaceIds": "ATVPDKIKX0DER",
    }
    token = client.post(TOKEN, data=form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token))
    headers = {"x-amz-access-token": token.json()["access_token"]}
    assert client.get(summaries, params=query, headers=headers).status_code == 200
    issued = client.get("/_emulator/clock").json()["now"]
    client.post("/_emulator/clock/set", json={"to": "2026-01-01T00:00:00Z"})
    refused = client.get(summaries, params=query, headers=headers)
    assert refused.status_code == 403 and refused.json()["errors"][0]["code"] == "Unauthorized"
    details = refused.json()["errors"][0]["details"]
    assert "after the current emulator time 2026-01-01T00:00" in details and issued[:16] in details
    fresh = client.post(TOKEN, data=form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token))
    headers = {"x-amz-access-token": fresh.json()["access_token"]}
    assert client.get(summaries, params=query, headers=headers).status_code == 200


def test_the_readme_consent_example_works_for_the_default_application(client):
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    (url,) = re.findall(r"`(http://127\.0\.0\.1:8787/apps/authorize/consent\?[^`]+)`", readme)
    page = client.get(url.removeprefix("http://127.0.0.1:8787"))
    assert page.status_code == 200 and "MD5101" not in page.text and "example.com/callback" in page.text
    without = consent(client, application_id=DEFAULTS.application_id, state="xyz")
    assert without.status_code == 400 and without.json()["error"] == "MD5101"  # as the README says
