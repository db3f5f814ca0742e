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
from emulator.runtime import Runtime
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
def live(live_app: EmulatorApp, live_url: str) -> Iterator[Runtime]:
    """The live server's runtime, reset: no data, no faults, empty journal, report mode, real-time clock."""
    rt = live_app.runtime
    rt.control.reset(faults=True, journal=True)
    for key in rt.control.config():
        rt.control.delete_config(key)
    rt.control.configure_rate_limits(mode="report", sandbox_cap=False, header_on_429=False, overrides={})
    rt.clock.set(datetime.now(UTC))
    rt.clock.run(1.0)
    rt.violations.clear()
    yield rt
    fail_on_violations(rt)


@pytest.fixture
def http(live: Runtime, live_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_url, timeout=10) as client:
        yield client


@pytest.fixture
def auth(http: httpx.Client) -> dict[str, str]:
    return {"x-amz-access-token": token(http)}
