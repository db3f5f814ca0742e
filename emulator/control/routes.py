"""All admin endpoints under `/_emulator/`, described by specs/emulator-control.openapi.yaml.

GET /_emulator/health, GET /_emulator/coverage, and the groups in state.py, clock.py, faults.py,
journal.py (journal and rate limits) and notifications.py (outbox and delivery faults).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator import __version__
from emulator.control import clock, faults, journal, notifications, state
from emulator.control.contract import BodySchemas
from emulator.control.http import PREFIX, Endpoint, admin_routes, reply

if TYPE_CHECKING:
    from emulator.runtime import Runtime

__all__ = ["PREFIX", "routes"]


def routes(runtime: Runtime) -> list[Route]:
    async def health(request: Request) -> Response:
        return reply(
            {
                "status": "ok",
                "version": __version__,
                "operations": len(runtime.catalog),
                "clock": runtime.clock.describe(),
                "state": runtime.settings.state.split(":")[0],
                "rateLimits": runtime.limiter.mode,
            }
        )

    async def coverage(request: Request) -> Response:
        return reply(runtime.registry.coverage(runtime.catalog))

    settings, schemas = runtime.settings, BodySchemas()
    table: dict[str, dict[str, Endpoint]] = {"/coverage": {"GET": coverage}}
    for group in (state, clock, faults, journal, notifications):
        table.update(group.endpoints(runtime))
    return [
        *admin_routes(settings, schemas, {"/health": {"GET": health}}, open_to_token=True),
        *admin_routes(settings, schemas, table),
    ]
