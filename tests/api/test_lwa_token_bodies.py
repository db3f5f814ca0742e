"""The token endpoint's reading of a body: JSON values that are not strings, bytes that are not UTF-8, and a
field sent twice."""

from __future__ import annotations

from emulator.lwa.accounts import DEFAULTS

TOKEN = "/auth/o2/token"
CLIENT = f"client_id={DEFAULTS.client_id}&client_secret={DEFAULTS.client_secret}".encode()
FORM = {"content-type": "application/x-www-form-urlencoded"}


def test_a_json_value_that_is_not_a_string_is_read_as_its_text(client):
    body = {
        "grant_type": "client_credentials",
        "scope": 5,
        "client_id": DEFAULTS.client_id,
        "client_secret": DEFAULTS.client_secret,
    }
    response = client.post(TOKEN, json=body)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_scope",
        "error_description": "An unknown scope was requested : 5",
    }


def test_bytes_that_are_not_utf8_become_replacement_characters(client):
    response = client.post(TOKEN, content=CLIENT + b"&grant_type=refresh\xff", headers=FORM)
    assert response.status_code == 400
    assert response.json() == {
        "error": "unsupported_grant_type",
        "error_description": "The authorization grant type is not supported : refresh\ufffd",
    }


def test_a_field_sent_twice_counts_with_its_last_value_even_when_blank(client):
    body = CLIENT + b"&grant_type=refresh_token&refresh_token=Atzr|x&refresh_token="
    response = client.post(TOKEN, content=body, headers=FORM)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "The request is missing a required parameter : refresh_token",
    }
