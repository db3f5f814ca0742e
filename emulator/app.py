"""create_app(): the ASGI application, assembled from its parts.

    Runtime (the world)  ->  SpApiEdge (SP-API paths)  ->  Notifier (events to notifications)
                         ->  ControlPlane (/_emulator)  ->  EmulatorApp

SP-API paths go straight to the edge pipeline, the rest (control plane, LWA) to Starlette. A request whose
`Host` is one of Amazon's hostnames (over TLS or the proxy) is routed by that host: an LWA host serves only
the token endpoint, an SP-API host only the edge, which records the host's region in the journal.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Message, Receive, Scope, Send

from emulator import apis, downloads, notifications
from emulator.catalog import Catalog, load_catalog
from emulator.context import Ports
from emulator.control import routes as control_routes
from emulator.control.files import fault_rules, read_document
from emulator.control.plane import ControlPlane
from emulator.edge.fault_engine import FaultEngine
from emulator.edge.journal import REGION_SCOPE_KEY
from emulator.edge.pipeline import SpApiEdge
from emulator.errors import EmulatorError
from emulator.lwa import routes as lwa_routes
from emulator.protocol import DOCUMENTS_PREFIX, LWA_PREFIX, NON_SPAPI_PREFIXES
from emulator.registry import registry
from emulator.runtime import Runtime
from emulator.settings import Settings
from emulator.tls.hosts import lookup
from emulator.ui import routes as ui_routes


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


def _install_faults_file(engine: FaultEngine, path: Path) -> None:
    """Install the rules of `--faults FILE`; problems are reported to the operator."""
    try:
        engine.replace(fault_rules(read_document(path)))
    except (OSError, ValueError) as error:
        raise EmulatorError(f"--faults {path}: {error}") from None


async def _not_on_lwa_host(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        {"error": "not_found", "error_description": f"{scope['path']} is not served by Login with Amazon."},
        status_code=404,
    )
    await response(scope, receive, send)


class EmulatorApp:
    """The ASGI entry point: the runtime behind it, its SP-API edge, its notifier and its control plane."""

    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        self.runtime = runtime
        ports = Ports()
        self.edge = SpApiEdge(
            settings,
            runtime.catalog,
            runtime.registry.handlers,
            runtime.store,
            runtime.clock,
            runtime.ids,
            runtime.accounts,
            runtime.settle,
            ports,
        )
        self.notifications = notifications.attach(
            settings,
            runtime.store,
            runtime.clock,
            runtime.catalog.models_dir,
            ports,
            lambda problems: self.edge.violations.record("notification", None, 0, problems),
            runtime.ids.seed,
        )
        if settings.faults_file is not None:
            _install_faults_file(self.edge.faults, settings.faults_file)
        self.control = ControlPlane(runtime, self.edge, self.notifications)
        self.admin = Starlette(
            routes=[
                *control_routes.routes(self.control, settings),
                *ui_routes.routes(settings),
                *lwa_routes.routes(runtime.tokens),
                *downloads.routes(runtime.store, runtime.clock),
            ],
            exception_handlers={HTTPException: _http_error},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> str | None:
        if scope["type"] != "http":
            await self.admin(scope, receive, send)
            return None
        commit = self.runtime.commit

        async def send_after_commit(message: Message) -> None:
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
            to_admin = scope["path"].startswith(DOCUMENTS_PREFIX)
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
