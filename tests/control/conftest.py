"""A real emulator server (uvicorn on a thread) for the control-plane tests, reset before every test.

Tests talk to it with httpx over TCP, so they see exactly what a client sees: status, headers,
bodies, dropped connections. One-off header faults are allowed on this server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
import uvicorn

from emulator.app import EmulatorApp, create_app
from emulator.catalog import Catalog
from emulator.edge.delivery import quiet_dropped
from emulator.settings import Settings
from tests.conftest import fail_on_violations
from tests.control.support import free_port, token


@pytest.fixture(scope="session")
def live_app(catalog: Catalog) -> EmulatorApp:
    return create_app(Settings(strict_responses=True, seed=4242, fault_header=True), catalog)


@pytest.fixture(scope="session")
def live_url(live_app: EmulatorApp) -> Iterator[str]:
    port = free_port()
    quiet_dropped()
    server = uvicorn.Server(
        uvicorn.Config(
            live_app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the live emulator did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture
def live(live_app: EmulatorApp, live_url: str) -> Iterator[EmulatorApp]:
    """The live server's app, reset: no data, no faults, empty journal, report mode, real-time clock."""
    control = live_app.control
    control.reset(faults=True, journal=True)
    for key in control.config():
        control.delete_config(key)
    control.configure_rate_limits(mode="report", sandbox_cap=False, header_on_429=False, overrides={})
    live_app.runtime.clock.set(datetime.now(UTC))
    live_app.runtime.clock.run(1.0)
    live_app.edge.violations.clear()
    yield live_app
    fail_on_violations(live_app)


@pytest.fixture
def http(live: EmulatorApp, live_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_url, timeout=10) as client:
        yield client


@pytest.fixture
def auth(http: httpx.Client) -> dict[str, str]:
    return {"x-amz-access-token": token(http)}
