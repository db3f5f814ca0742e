"""Fixtures for the validating proxy: a second emulator as upstream, a misbehaving upstream, the proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator.app import create_app
from emulator.catalog import Catalog
from emulator.proxy import ValidatingProxy
from emulator.settings import Settings
from emulator.testing import EmulatorServer

SUMMARIES = "/fba/inventory/v1/summaries"


@pytest.fixture(scope="module")
def upstream_emulator(catalog: Catalog) -> Iterator[EmulatorServer]:
    """A second, independent emulator the proxy forwards to."""
    with EmulatorServer(create_app(Settings(seed=7), catalog)) as server:
        yield server


def broken_upstream_app() -> Starlette:
    """An SP-API look-alike whose answers break the models in the ways `/case/<n>` names."""
    bodies: dict[str, tuple[int, bytes, dict[str, str]]] = {
        "wrong-type": (
            200,
            b'{"payload": {"granularity": "not-an-object", "inventorySummaries": []}}',
            {"content-type": "application/json", "x-amzn-RequestId": "r-1"},
        ),
        "text": (200, b"all good", {"content-type": "text/plain", "x-amzn-RequestId": "r-2"}),
        "undeclared-status": (
            418,
            b'{"errors": []}',
            {"content-type": "application/json", "x-amzn-RequestId": "r-3"},
        ),
        "no-request-id": (200, b'{"payload": {}}', {"content-type": "application/json"}),
    }

    async def summaries(request: Request) -> Response:
        status, body, headers = bodies[request.headers["x-case"]]
        return Response(body, status_code=status, headers=headers)

    return Starlette(routes=[Route(SUMMARIES, summaries)])


@pytest.fixture(scope="module")
def broken_upstream() -> Iterator[EmulatorServer]:
    with EmulatorServer(broken_upstream_app()) as server:
        yield server


@pytest.fixture
def start_proxy(catalog: Catalog) -> Iterator[Callable[[str], tuple[ValidatingProxy, str]]]:
    """Start a validating proxy in front of an upstream URL; returns the proxy and its URL."""
    servers: list[EmulatorServer] = []

    def start(upstream: str) -> tuple[ValidatingProxy, str]:
        proxy = ValidatingProxy(catalog, upstream)
        servers.append(EmulatorServer(proxy).start())
        return proxy, servers[-1].url

    yield start
    for server in servers:
        server.stop()
