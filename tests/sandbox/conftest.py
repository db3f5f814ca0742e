"""A real `mcf-emulator serve --sandbox-mode static` process, shared by the tests of this directory."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from emulator.lwa.accounts import DEFAULTS
from emulator.protocol import ACCESS_TOKEN, LWA_TOKEN_PATH
from tests.processes import emulator_serve


@pytest.fixture(scope="module")
def static_url() -> Iterator[str]:
    """Base URL of a static-mode emulator (strict responses; it must record no violation)."""
    with emulator_serve("--sandbox-mode", "static", "--strict-responses") as base:
        yield base


def seller_token(base: str, scope: str | None = None) -> str:
    """An access token of the default seller at `base`, or a grantless one for `scope`."""
    client = {"client_id": DEFAULTS.client_id, "client_secret": DEFAULTS.client_secret}
    grant = (
        {"grant_type": "refresh_token", "refresh_token": DEFAULTS.refresh_token}
        if scope is None
        else {"grant_type": "client_credentials", "scope": scope}
    )
    return str(httpx.post(base + LWA_TOKEN_PATH, data=client | grant).json()["access_token"])


@pytest.fixture(scope="module")
def static_http(static_url: str) -> Iterator[httpx.Client]:
    """An httpx client on the static emulator acting for the default seller."""
    headers = {ACCESS_TOKEN: seller_token(static_url)}
    with httpx.Client(base_url=static_url, headers=headers, timeout=30) as http:
        yield http
