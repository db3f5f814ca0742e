"""The LWA token service and accounts below HTTP: grant rules, exact error texts, consent targets."""

from __future__ import annotations

import pytest

from emulator.lwa import accounts
from emulator.lwa.accounts import DEFAULTS, Accounts
from emulator.lwa.consent import with_state
from emulator.lwa.grants import AUTH_CODE_LIFETIME, KNOWN_SCOPES, LwaError, TokenService
from emulator.state import Clock, IdFactory, Store
from emulator.state.records import Schema

SCOPE = KNOWN_SCOPES[0]


def service(mode: str = "permissive", lifetime: int | None = None) -> TokenService:
    book = Accounts(Store(Schema(accounts.TABLES)), IdFactory(3))
    book.ensure_defaults()
    if lifetime is None:
        return TokenService(book, Clock(), mode)
    return TokenService(book, Clock(), mode, lifetime)


def test_access_tokens_live_an_hour_by_default():
    body = service().exchange(form(grant_type="client_credentials", scope=SCOPE))
    assert body["expires_in"] == 3600


def form(**fields: str) -> dict[str, str]:
    return {"client_id": DEFAULTS.client_id, "client_secret": DEFAULTS.client_secret} | fields


def refused(tokens: TokenService, fields: dict[str, str]) -> LwaError:
    with pytest.raises(LwaError) as caught:
        tokens.exchange(fields)
    return caught.value


def test_defaults_are_registered_once():
    tokens = service()
    book = tokens.accounts
    app = book.application(DEFAULTS.client_id)
    assert (app.client_secret, app.application_id, app.name) == (
        DEFAULTS.client_secret,
        DEFAULTS.application_id,
        "mcf-emulator default application",
    )
    seller = book.seller(DEFAULTS.seller_id)
    assert (seller.marketplaces, seller.name) == (DEFAULTS.marketplaces, "mcf-emulator default seller")
    grant = book.refresh_token(DEFAULTS.refresh_token)
    assert (grant.client_id, grant.seller_id) == (DEFAULTS.client_id, DEFAULTS.seller_id)
    book.add_seller(DEFAULTS.seller_id, ["X"], name="renamed")
    book.add_application(DEFAULTS.client_id, "rotated", DEFAULTS.application_id, ["https://a"])
    book.ensure_defaults()
    assert book.seller(DEFAULTS.seller_id).name == "renamed"
    kept = book.application(DEFAULTS.client_id)
    assert (kept.client_secret, kept.redirect_uris) == ("rotated", ("https://a",))
    assert [a.client_id for a in book.applications()] == [DEFAULTS.client_id]
    assert [s.seller_id for s in book.sellers()] == [DEFAULTS.seller_id]


def test_applications_and_sellers():
    book = service().accounts
    app = book.add_application("c", "s", redirect_uris=["https://a"], name="n", draft=True)
    assert app.application_id.startswith("amzn1.sp.solution.") and len(app.application_id) > 18
    assert (app.redirect_uris, app.name, app.draft) == (("https://a",), "n", True)
    assert book.application_by_id(app.application_id) == app and book.application_by_id("nope") is None
    assert (book.add_seller("S2").marketplaces, book.seller("S2").name) == (accounts.NA_MARKETPLACES, "")
    unnamed = book.add_application("c2", "s")  # the consent page then titles it with its application id
    assert (unnamed.name, unnamed.draft, unnamed.redirect_uris) == ("", False, ())


def test_tokens_and_codes_are_opaque_and_codes_are_taken_once():
    book = service().accounts
    refresh = book.add_refresh_token("c", "S")
    assert refresh.startswith("Atzr|") and len(refresh) == 5 + 96
    access = book.add_access_token("c", "S", ["a", "b"], 20.0, 10.0)
    assert access.startswith("Atza|") and len(access) == 5 + 160
    grant = book.access_token(access)
    assert (grant.client_id, grant.seller_id, grant.scopes, grant.expires_at, grant.issued_at) == (
        "c",
        "S",
        ("a", "b"),
        20.0,
        10.0,
    )
    assert (
        book.access_token(book.add_access_token("c", None, [], 20.0)).issued_at == 0.0
    )  # valid from any time
    code = book.add_code("c", "S", "https://r", 99.0)
    assert len(code) == 20
    taken = book.take_code(code)
    assert (taken.client_id, taken.seller_id, taken.redirect_uri, taken.expires_at) == (
        "c",
        "S",
        "https://r",
        99.0,
    )
    assert book.take_code(code) is None


def test_a_refresh_grant_issues_a_bearer_for_its_seller():
    tokens = service(lifetime=60)
    body = tokens.exchange(form(grant_type="refresh_token", refresh_token=DEFAULTS.refresh_token))
    assert body["token_type"] == "bearer" and body["expires_in"] == 60
    assert body["refresh_token"] == DEFAULTS.refresh_token
    grant = tokens.accounts.access_token(body["access_token"])
    now = tokens.clock.timestamp()
    assert grant.seller_id == DEFAULTS.seller_id and grant.scopes == ()
    assert (
        grant.issued_at <= now < grant.expires_at <= now + 60 + 1 and grant.expires_at - grant.issued_at == 60
    )


@pytest.mark.parametrize(
    ("fields", "error", "description"),
    [
        ({}, "invalid_request", "The request is missing a required parameter : grant_type"),
        ({"grant_type": ""}, "invalid_request", "The request is missing a required parameter : grant_type"),
        (
            {"grant_type": "password"},
            "unsupported_grant_type",
            "The authorization grant type is not supported : password",
        ),
        (
            {"grant_type": "refresh_token"},
            "invalid_request",
            "The request is missing a required parameter : refresh_token",
        ),
        (
            {"grant_type": "refresh_token", "refresh_token": "Atzr|x", "scope": SCOPE},
            "invalid_request",
            "refresh_token and scope are mutually exclusive",
        ),
        (
            {"grant_type": "client_credentials", "scope": SCOPE, "refresh_token": "Atzr|x"},
            "invalid_request",
            "refresh_token and scope are mutually exclusive",
        ),
        (
            {"grant_type": "client_credentials"},
            "invalid_request",
            "The request is missing a required parameter : scope",
        ),
        (
            {"grant_type": "client_credentials", "scope": f"{SCOPE} a b"},
            "invalid_scope",
            "An unknown scope was requested : a b",
        ),
        (
            {"grant_type": "authorization_code"},
            "invalid_request",
            "The request is missing a required parameter : code",
        ),
        (
            {"grant_type": "authorization_code", "code": "x"},
            "invalid_grant",
            "The request has an invalid grant parameter : code",
        ),
    ],
)
def test_token_errors_say_what_is_wrong(fields, error, description):
    problem = refused(service(), form(**fields))
    assert (problem.error, problem.description, problem.status) == (error, description, 400)
    assert problem.body() == {"error": error, "error_description": description}
    assert str(problem) == f"{error}: {description}"


def test_client_credentials_are_required_and_checked():
    missing = refused(service(), {"grant_type": "refresh_token", "client_id": "c"})
    assert missing.description == "The request is missing a required parameter : client_secret"
    wrong = refused(
        service("strict"), form(grant_type="refresh_token", client_secret="no", refresh_token="r")
    )
    assert (wrong.error, wrong.description, wrong.status) == (
        "invalid_client",
        "Client authentication failed",
        401,
    )
    unknown = refused(
        service("strict"), {"grant_type": "refresh_token", "client_id": "c", "client_secret": "s"}
    )
    assert unknown.status == 401


def test_permissive_mode_registers_unknown_clients_and_maps_unknown_refresh_tokens():
    tokens = service()
    fields = {"grant_type": "refresh_token", "client_id": "new", "client_secret": "s", "refresh_token": "r"}
    body = tokens.exchange(fields)
    app = tokens.accounts.application("new")
    assert (app.client_secret, app.name) == ("s", "registered on first use")
    assert tokens.accounts.access_token(body["access_token"]).seller_id == DEFAULTS.seller_id
    assert tokens.accounts.access_token(body["access_token"]).client_id == "new"
    wrong_secret = refused(tokens, {**fields, "client_secret": "other"})
    assert wrong_secret.error == "invalid_client"
    foreign = tokens.exchange({**fields, "refresh_token": DEFAULTS.refresh_token})
    assert tokens.accounts.access_token(foreign["access_token"]).client_id == "new"


def test_strict_mode_refuses_unknown_and_foreign_refresh_tokens():
    tokens = service("strict")
    tokens.accounts.add_application("other", "s")
    for fields in (
        form(grant_type="refresh_token", refresh_token="Atzr|unknown"),
        {
            "grant_type": "refresh_token",
            "client_id": "other",
            "client_secret": "s",
            "refresh_token": DEFAULTS.refresh_token,
        },
    ):
        problem = refused(tokens, fields)
        assert (problem.error, problem.description) == (
            "invalid_grant",
            "The request has an invalid grant parameter : refresh_token",
        )


def test_client_credentials_carry_their_scopes():
    tokens = service()
    body = tokens.exchange(form(grant_type="client_credentials", scope=f" {SCOPE}  {KNOWN_SCOPES[1]} "))
    assert body["scope"] == f"{SCOPE} {KNOWN_SCOPES[1]}" and "refresh_token" not in body
    grant = tokens.accounts.access_token(body["access_token"])
    assert grant.seller_id is None and grant.scopes == (SCOPE, KNOWN_SCOPES[1])


def code_for(tokens: TokenService, redirect_uri: str | None = "https://r", seller: str | None = None) -> str:
    app = tokens.accounts.application(DEFAULTS.client_id)
    return tokens.grant_code(app, redirect_uri, seller)[1]


def test_an_authorization_code_is_exchanged_once_for_a_new_refresh_token():
    tokens = service()
    code = code_for(tokens)
    body = tokens.exchange(form(grant_type="authorization_code", code=code, redirect_uri="https://r"))
    refresh = tokens.accounts.refresh_token(body["refresh_token"])
    assert (refresh.client_id, refresh.seller_id) == (DEFAULTS.client_id, DEFAULTS.seller_id)
    access = tokens.accounts.access_token(body["access_token"])
    assert (access.client_id, access.seller_id) == (DEFAULTS.client_id, DEFAULTS.seller_id)
    again = refused(tokens, form(grant_type="authorization_code", code=code, redirect_uri="https://r"))
    assert again.error == "invalid_grant"


def test_a_code_needs_its_client_its_redirect_and_its_lifetime():
    tokens = service()
    tokens.accounts.add_application("other", "s")
    other = {"client_id": "other", "client_secret": "s"}
    assert (
        refused(tokens, {**other, "grant_type": "authorization_code", "code": code_for(tokens)}).error
        == "invalid_grant"
    )
    assert (
        refused(tokens, form(grant_type="authorization_code", code=code_for(tokens))).error == "invalid_grant"
    )
    wrong = form(grant_type="authorization_code", code=code_for(tokens), redirect_uri="https://x")
    assert refused(tokens, wrong).error == "invalid_grant"
    assert (
        tokens.exchange(form(grant_type="authorization_code", code=code_for(tokens, None)))["token_type"]
        == "bearer"
    )
    code = code_for(tokens)
    grant = tokens.accounts._store.shared.table(accounts.AUTH_CODES).get(code)
    assert grant.expires_at == pytest.approx(tokens.clock.timestamp() + AUTH_CODE_LIFETIME, abs=1)


def test_a_code_is_good_up_to_its_expiry():
    tokens = service()
    assert tokens.accounts.take_code("never-issued") is None
    table = tokens.accounts._store.shared.table(accounts.AUTH_CODES)
    code = code_for(tokens)
    table.put(code, table.get(code).__class__(client_id=DEFAULTS.client_id, seller_id="S", expires_at=1e12))
    assert tokens.exchange(form(grant_type="authorization_code", code=code))["token_type"] == "bearer"
    code = code_for(tokens)
    table.put(code, table.get(code).__class__(client_id=DEFAULTS.client_id, seller_id="S", expires_at=1.0))
    assert refused(tokens, form(grant_type="authorization_code", code=code)).error == "invalid_grant"

    tokens.clock.freeze()  # a code is still good at the very instant it expires
    code = code_for(tokens)
    now = tokens.clock.timestamp()
    table.put(code, table.get(code).__class__(client_id=DEFAULTS.client_id, seller_id="S", expires_at=now))
    assert tokens.exchange(form(grant_type="authorization_code", code=code))["token_type"] == "bearer"


def test_grant_code_consents_for_the_default_or_a_new_seller():
    tokens = service()
    app = tokens.accounts.application(DEFAULTS.client_id)
    assert tokens.grant_code(app, "https://r", None)[0] == DEFAULTS.seller_id
    assert tokens.grant_code(app, "https://r", "NEW1")[0] == "NEW1"
    assert tokens.accounts.seller("NEW1").marketplaces == accounts.NA_MARKETPLACES
    strict = service("strict")
    problem = refused_consent(lambda: strict.grant_code(app, "https://r", "NEW1"))
    assert (problem.error, problem.description, problem.status) == (
        "MD1000",
        "Unknown selling partner 'NEW1'",
        400,
    )
    assert strict.accounts.seller("NEW1") is None


def refused_consent(call) -> LwaError:
    with pytest.raises(LwaError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("mode", "application", "redirect", "version", "code", "description"),
    [
        ("permissive", "nope", None, None, "MD1000", "Unknown application_id 'nope'"),
        (
            "permissive",
            "draft",
            "https://a",
            None,
            "MD1000",
            "The application is a draft: add version=beta to authorize it",
        ),
        (
            "permissive",
            "plain",
            "https://a#x",
            None,
            "MD5110",
            "The redirect_uri must not contain a fragment (#)",
        ),
        (
            "permissive",
            "plain",
            None,
            None,
            "MD5101",
            "No redirect_uri given and none is registered for the application",
        ),
        (
            "permissive",
            "draft",
            "https://b",
            "beta",
            "MD5101",
            "redirect_uri 'https://b' is not registered for the application",
        ),
        ("strict", "plain", "https://a", None, "MD5101", "The application has no registered redirect URIs"),
    ],
)
def test_consent_targets_name_seller_centrals_codes(mode, application, redirect, version, code, description):
    tokens = service(mode)
    tokens.accounts.add_application("c1", "s", "plain")
    tokens.accounts.add_application("c2", "s", "draft", redirect_uris=["https://a", "https://c"], draft=True)
    problem = refused_consent(lambda: tokens.consent_target(application, redirect, version))
    assert (problem.error, problem.description, problem.status) == (code, description, 400)


def test_consent_targets_send_the_seller_back():
    tokens = service()
    tokens.accounts.add_application("c1", "s", "plain")
    tokens.accounts.add_application("c2", "s", "reg", redirect_uris=["https://a", "https://c"])
    assert tokens.consent_target("reg", None)[1] == "https://a"
    assert tokens.consent_target("reg", "https://c")[1] == "https://c"
    app, target = tokens.consent_target("plain", "https://anything")
    assert (app.client_id, target) == ("c1", "https://anything")


def test_with_state_appends_to_the_query():
    assert with_state("https://a/cb?x=1", {"code": "c"}, "s t") == "https://a/cb?x=1&code=c&state=s+t"
    assert with_state("https://a/cb", {"code": "c"}, None) == "https://a/cb?code=c"
    assert with_state("https://a/cb", {}, "") == "https://a/cb?state="
