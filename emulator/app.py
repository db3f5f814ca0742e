"""create_app(): the ASGI application.

SP-API paths go straight to the edge pipeline, the rest to Starlette. A request whose `Host` is one of
Amazon's hostnames (over TLS or the proxy) is routed by that host: an LWA host serves only the token
endpoint, an SP-API host only the edge, which records the host's region in the journal.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from emulator import apis
from emulator.catalog import Catalog, load_catalog
from emulator.control import routes as control_routes
from emulator.edge.journal import REGION_SCOPE_KEY
from emulator.edge.pipeline import SpApiEdge
from emulator.lwa import routes as lwa_routes
from emulator.registry import registry
from emulator.runtime import Runtime
from emulator.settings import Settings
from emulator.tls.hosts import lookup

LWA_PREFIX = "/auth/o2/"

NON_SPAPI_PREFIXES = ("/_emulator", LWA_PREFIX, "/apps/authorize/")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    return JSONResponse(
        {
            "error": "not_found" if status == 404 else "error",
            "error_description": getattr(exc, "detail", "request failed"),
        },
        status_code=status,
        headers=getattr(exc, "headers", None),
    )  # e.g. `Allow` on a 405


async def _not_on_lwa_host(scope: dict[str, Any], receive: Any, send: Any) -> None:
    response = JSONResponse(
        {"error": "not_found", "error_description": f"{scope['path']} is not served by Login with Amazon."},
        status_code=404,
    )
    await response(scope, receive, send)


class EmulatorApp:
    """The ASGI entry point. `runtime` is the emulator instance behind it."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.edge = SpApiEdge(runtime)
        self.admin = Starlette(
            routes=[*control_routes.routes(runtime), *lwa_routes.routes(runtime)],
            exception_handlers={HTTPException: _http_error},
        )

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> str | None:
        if scope["type"] != "http":
            await self.admin(scope, receive, send)
            return None
        commit = self.runtime.commit

        async def send_after_commit(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":  # durable before the client hears of it
                commit()
            await send(message)

        amazon = lookup(next((value for name, value in scope["headers"] if name == b"host"), None))
        if amazon is None:
            to_admin = scope["path"].startswith(NON_SPAPI_PREFIXES)
        elif amazon.service == "lwa":
            if not scope["path"].startswith(LWA_PREFIX):
                await _not_on_lwa_host(scope, receive, send)
                return None
            to_admin = True
        else:
            scope[REGION_SCOPE_KEY] = amazon.region
            to_admin = False
        if to_admin:
            await self.admin(scope, receive, send_after_commit)
            return None
        dropped = await self.edge(scope, receive, send_after_commit)
        commit()  # a call whose connection was dropped after processing still keeps its changes
        return dropped


def create_app(settings: Settings | None = None, catalog: Catalog | None = None) -> EmulatorApp:
    """Build an emulator: load and verify the models (unless a catalog is given), bind behaviour."""
    settings = settings or Settings.from_env()
    apis.load()
    catalog = catalog or load_catalog(settings.models_dir)
    return EmulatorApp(Runtime(settings, catalog, registry))
