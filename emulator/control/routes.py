"""Admin endpoints: health and coverage (later issues add reset, seed, clock, faults, snapshots)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from emulator import __version__

if TYPE_CHECKING:
    from emulator.runtime import Runtime

PREFIX = "/_emulator"


def routes(runtime: Runtime) -> list[Route]:
    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "operations": len(runtime.catalog),
                             "clock": runtime.clock.describe()})

    async def coverage(request: Request) -> Response:
        return JSONResponse(runtime.registry.coverage(runtime.catalog))

    return [
        Route(f"{PREFIX}/health", health, methods=["GET"]),
        Route(f"{PREFIX}/coverage", coverage, methods=["GET"]),
    ]
