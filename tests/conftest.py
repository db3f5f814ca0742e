"""Shared fixtures: one emulator per test session (models load once), state reset before every test.

Every response is validated against its model (strict mode) and a test fails if the emulator
recorded any contract violation or internal error while it ran.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp, create_app
from emulator.catalog import Catalog, load_catalog
from emulator.errors import ModelsUnavailable
from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime
from emulator.settings import Settings
from emulator.state.config import CONFIG
from emulator.testing.handle import EmulatorHandle

BASE_URL = "http://127.0.0.1:8787"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    try:
        return load_catalog(os.environ.get("MCF_EMULATOR_MODELS"))
    except ModelsUnavailable as error:
        pytest.exit(f"cannot run the tests: {error}", returncode=2)


@pytest.fixture(scope="session")
def session_app(catalog: Catalog) -> EmulatorApp:
    return create_app(Settings(strict_responses=True, seed=1234), catalog)


@pytest.fixture
def app(session_app: EmulatorApp) -> Iterator[EmulatorApp]:
    """The session's emulator, reset as the pytest plugin resets it (state, faults, journal, clock at real
    time) and with no behaviour settings (a reset keeps those), before and after the test; the test fails on
    recorded violations."""
    EmulatorHandle(session_app, BASE_URL).reset()
    forget_settings(session_app)
    yield session_app
    forget_settings(session_app)
    fail_on_violations(session_app)


def forget_settings(app: EmulatorApp) -> None:
    """Drop every behaviour setting (`outbound.timings` and the like): none outlives the test that set it."""
    settings = app.runtime.store.shared.table(CONFIG)
    for key in list(settings.keys()):
        settings.delete(key)


def fail_on_violations(app: EmulatorApp) -> None:
    """Fail the running test if the emulator recorded contract violations (and forget them)."""
    violations = app.edge.violations.take()
    if violations:
        pytest.fail(f"the emulator recorded contract violations: {violations}")


@pytest.fixture
def runtime(app: EmulatorApp) -> Runtime:
    return app.runtime


@pytest.fixture
def client(app: EmulatorApp) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE_URL) as test_client:
        yield test_client


def issue_token(http: httpx.Client, refresh_token: str = DEFAULTS.refresh_token) -> str:
    """An access token for `refresh_token` (the default seller's) from the LWA endpoint `http` reaches."""
    response = http.post(
        "/auth/o2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": DEFAULTS.client_id,
            "client_secret": DEFAULTS.client_secret,
        },
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.fixture
def seller_headers(client: TestClient) -> dict[str, str]:
    """Headers of a call authorized by the default seller."""
    return {"x-amz-access-token": issue_token(client)}


@pytest.fixture
def other_seller_headers(client: TestClient, runtime: Runtime) -> dict[str, str]:
    """Headers of a call authorized by a second, unrelated seller."""
    runtime.accounts.add_seller("A2OTHERSELLER9")
    token = runtime.accounts.add_refresh_token(DEFAULTS.client_id, "A2OTHERSELLER9")
    return {"x-amz-access-token": issue_token(client, token)}
