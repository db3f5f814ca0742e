"""The LWA endpoints' own wire rules: body size and type, JSON bodies, headers, the auto-consent redirect."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp
from emulator.lwa.accounts import DEFAULTS
from emulator.lwa.routes import MAX_TOKEN_REQUEST
from emulator.registry import Registry
from emulator.runtime import Runtime
from emulator.settings import Settings

TOKEN = "/auth/o2/token"
CONSENT = "/apps/authorize/consent"
REFRESH = {
    "grant_type": "refresh_token",
    "refresh_token": DEFAULTS.refresh_token,
    "client_id": DEFAULTS.client_id,
    "client_secret": DEFAULTS.client_secret,
}


@pytest.fixture
def client(catalog):
    """An emulator of its own, not the session's: mutation testing then sees these tests build the routes."""
    with TestClient(EmulatorApp(Runtime(Settings(seed=7), catalog, Registry()))) as own:
        yield own


def test_token_answers_carry_lwa_headers(client):
    response = client.post(TOKEN, data=REFRESH)
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert (response.headers["cache-control"], response.headers["pragma"]) == ("no-store", "no-cache")


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_token_endpoint_refuses_other_methods_in_lwa_words(client, method):
    refused = client.request(method, TOKEN, data=REFRESH if method != "GET" else None)
    assert refused.status_code == 405 and refused.headers["pragma"] == "no-cache"
    assert refused.json() == {
        "error": "invalid_request",
        "error_description": "The token endpoint only accepts POST",
    }


@pytest.mark.parametrize(
    ("content", "content_type", "description"),
    [
        (b"{", "application/json", "The request body is not valid JSON"),
        (b"[1]", "Application/JSON; charset=utf-8", "The request body must be a JSON object"),
        (b"<x/>", "text/xml", "Unsupported Content-Type text/xml"),
        (
            b"x" * (MAX_TOKEN_REQUEST + 1),
            "application/x-www-form-urlencoded",
            "The request body is too large",
        ),
    ],
)
def test_unreadable_token_requests_say_why(client, content, content_type, description):
    response = client.post(TOKEN, content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert response.json() == {"error": "invalid_request", "error_description": description}


def test_a_token_request_at_the_size_limit_is_read(client):
    body = "&".join(f"{k}={v}" for k, v in REFRESH.items()).encode()
    padded = body + b"&pad=" + b"x" * (MAX_TOKEN_REQUEST - len(body) - 5)
    assert len(padded) == MAX_TOKEN_REQUEST
    response = client.post(
        TOKEN, content=padded, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200


def test_json_token_requests_turn_values_into_text_and_skip_nulls(client):
    response = client.post(TOKEN, json={**REFRESH, "scope": None, "extra": 5})
    assert response.status_code == 200 and response.json()["token_type"] == "bearer"
    empty = client.post(TOKEN, content=b"", headers={"content-type": "application/json"})
    assert empty.json()["error_description"] == "The request is missing a required parameter : grant_type"
    bare = client.post(TOKEN, content="&".join(f"{k}={v}" for k, v in REFRESH.items()).encode())
    assert "content-type" not in bare.request.headers and bare.status_code == 200  # read as a form
    blank = client.post(TOKEN, content=b"grant_type=&client_id=x", headers={"content-type": ""})
    assert blank.json()["error_description"] == "The request is missing a required parameter : grant_type"


@pytest.mark.parametrize("auto", ["1", "true"])
def test_auto_consent_redirects_with_the_code_and_state(client, auto):
    response = client.get(
        CONSENT,
        params={
            "auto": auto,
            "application_id": DEFAULTS.application_id,
            "redirect_uri": "https://r.example/cb",
            "state": "s",
        },
        follow_redirects=False,
    )
    assert response.status_code == 302
    target = urlsplit(response.headers["location"])
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert f"{target.scheme}://{target.netloc}{target.path}" == "https://r.example/cb"
    assert query["state"] == "s" and query["selling_partner_id"] == DEFAULTS.seller_id
    assert len(query["spapi_oauth_code"]) == 20


def test_auto_consent_problems_are_lwa_json(client):
    missing = client.get(CONSENT, params={"auto": "1"}, follow_redirects=False)
    assert missing.status_code == 400 and missing.json() == {
        "error": "invalid_request",
        "error_description": "The request is missing a required parameter : application_id",
    }
    assert missing.headers["content-type"] == "application/json;charset=UTF-8"
    page = client.get(
        CONSENT, params={"auto": "0", "application_id": DEFAULTS.application_id}, follow_redirects=False
    )
    assert page.headers["content-type"].startswith("text/html")


def decide(client, **fields: str):
    app = client.app.runtime.accounts.application(DEFAULTS.client_id)
    kept = {"application_id": app.application_id, "redirect_uri": "https://r.example/cb", "state": "s"}
    return client.post(CONSENT, data={**kept, **fields}, follow_redirects=False)


def test_the_consent_page_cancel_and_confirm(client):
    cancel = decide(client, decision="cancel")
    assert cancel.status_code == 303
    denial = parse_qs(urlsplit(cancel.headers["location"]).query)
    assert denial == {
        "error": ["access_denied"],
        "error_description": ["The seller denied the request"],
        "state": ["s"],
    }
    confirm = decide(client, decision="confirm", seller_id="A1", new_seller_id=" NEWSELLER9 ")
    assert confirm.status_code == 303
    query = parse_qs(urlsplit(confirm.headers["location"]).query)
    assert query["selling_partner_id"] == ["NEWSELLER9"] and query["state"] == ["s"]
    seller = client.app.runtime.accounts.seller("NEWSELLER9")
    assert seller.name == "created on the consent page"


@pytest.mark.parametrize("seller", ["", "has space", "X" * 33])
def test_the_consent_page_refuses_a_bad_seller_id(client, seller):
    response = decide(client, decision="confirm", seller_id=seller)
    assert response.status_code == 400 and "A seller ID is 1 to 32 letters and digits." in response.text
    assert response.headers["cache-control"] == "no-store"


def beta_code(client) -> str:
    params = {"auto": "1", "application_id": "amzn1.sp.solution.draft", "version": "beta"}
    response = client.get(CONSENT, params=params, follow_redirects=False)
    assert response.status_code == 302
    return parse_qs(urlsplit(response.headers["location"]).query)["spapi_oauth_code"][0]


def test_auto_consent_passes_the_version_and_binds_the_code_to_its_redirect(client):
    accounts = client.app.runtime.accounts
    accounts.add_application(
        "draft-client", "s", "amzn1.sp.solution.draft", ["https://d.example/cb"], draft=True
    )
    params = {"auto": "1", "application_id": "amzn1.sp.solution.draft"}
    assert client.get(CONSENT, params=params, follow_redirects=False).json()["error"] == "MD1000"
    exchange = {"grant_type": "authorization_code", "client_id": "draft-client", "client_secret": "s"}
    refused = client.post(TOKEN, data={**exchange, "code": beta_code(client)})
    assert refused.json()["error"] == "invalid_grant"  # the code is bound to the registered redirect
    fine = client.post(
        TOKEN, data={**exchange, "code": beta_code(client), "redirect_uri": "https://d.example/cb"}
    )
    assert fine.status_code == 200


def test_a_code_from_the_consent_page_is_bound_to_the_redirect_it_was_given_for(client):
    def code() -> str:
        confirm = decide(client, decision="confirm", seller_id=DEFAULTS.seller_id)
        return parse_qs(urlsplit(confirm.headers["location"]).query)["spapi_oauth_code"][0]

    exchange = {
        "grant_type": "authorization_code",
        "client_id": DEFAULTS.client_id,
        "client_secret": DEFAULTS.client_secret,
    }
    refused = client.post(
        TOKEN, data={**exchange, "code": code(), "redirect_uri": "https://other.example/cb"}
    )
    assert refused.json()["error"] == "invalid_grant"
    fine = client.post(TOKEN, data={**exchange, "code": code(), "redirect_uri": "https://r.example/cb"})
    assert fine.status_code == 200 and fine.json()["refresh_token"]


def _offered_sellers(page: str) -> list[tuple[str, bool]]:
    """(seller id, preselected) of each option of the consent page's seller list, in page order."""
    options = re.findall(r'<option value="([^"]+)"( selected)?>', page)
    return [(seller_id, bool(selected)) for seller_id, selected in options]


def test_the_consent_page_lists_sellers_by_id_and_preselects_the_one_asked_for(client):
    accounts = client.app.runtime.accounts
    for seller_id in ("ZSELLER", "BSELLER"):
        accounts.add_seller(seller_id)
    app = accounts.application(DEFAULTS.client_id)
    query = {"application_id": app.application_id, "redirect_uri": "https://r.example/cb"}
    plain = _offered_sellers(client.get(CONSENT, params=query).text)
    ids = [seller_id for seller_id, _ in plain]
    assert ids == sorted(ids) and {"BSELLER", "ZSELLER", DEFAULTS.seller_id} <= set(ids)
    assert [seller_id for seller_id, selected in plain if selected] == [DEFAULTS.seller_id]
    asked = _offered_sellers(client.get(CONSENT, params={**query, "selling_partner_id": "ZSELLER"}).text)
    assert [seller_id for seller_id, selected in asked if selected] == ["ZSELLER"]
