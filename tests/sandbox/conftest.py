"""A real `mcf-emulator serve --sandbox-mode static` process, shared by the tests of this directory."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from emulator.catalog import Catalog
from emulator.parity.target import Tokens
from emulator.testing.credentials import Credentials
from tests.processes import emulator_serve


@pytest.fixture(scope="module")
def static_url() -> Iterator[str]:
    """Base URL of a static-mode emulator (strict responses; it must record no violation)."""
    with emulator_serve("--sandbox-mode", "static", "--strict-responses") as base:
        yield base


@pytest.fixture(scope="module")
def static_http(static_url: str, catalog: Catalog) -> Iterator[httpx.Client]:
    """An httpx client on the static emulator acting for the default seller."""
    with httpx.Client(base_url=static_url, timeout=30) as http:
        http.headers.update(tokens_for(http).headers(catalog["getReports"]))
        yield http


def tokens_for(http: httpx.Client) -> Tokens:
    """LWA tokens of the emulator's default application at the URL `http` reaches."""
    return Tokens(Credentials.for_emulator(str(http.base_url)), http)
