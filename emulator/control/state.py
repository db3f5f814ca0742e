"""Admin endpoints for the world's state: reset, seed, snapshot export/import, behaviour settings.

POST /_emulator/reset   {"sellerId"?, "faults"?, "journal"?}
POST /_emulator/seed    seed document (JSON or YAML, see control/seed.py)
GET  /_emulator/state   snapshot document;  PUT /_emulator/state  restore one
GET  /_emulator/config  behaviour settings; PUT | DELETE /_emulator/config/{key} (e.g. outbound.timings)
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, field, reply
from emulator.control.plane import ControlPlane


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def reset(request: Request) -> Response:
        doc = await body_of(request, required=False)
        seller = field(doc, "sellerId", (str,))
        plane.reset(
            seller, faults=field(doc, "faults", (bool,), False), journal=field(doc, "journal", (bool,), False)
        )
        return reply({"reset": seller or "all", "clock": plane.clock()})

    async def seed(request: Request) -> Response:
        return reply({"applied": plane.seed(await body_of(request))})

    async def export_state(request: Request) -> Response:
        return reply(plane.snapshot())

    async def import_state(request: Request) -> Response:
        plane.restore(await body_of(request))
        return reply({"restored": True, "clock": plane.clock()})

    async def config(request: Request) -> Response:
        return reply(plane.config())

    async def set_config(request: Request) -> Response:
        return reply(plane.set_config(request.path_params["key"], await body_of(request)))

    async def delete_config(request: Request) -> Response:
        plane.delete_config(request.path_params["key"])
        return reply(None)

    return {
        "/reset": {"POST": reset},
        "/seed": {"POST": seed},
        "/state": {"GET": export_state, "PUT": import_state},
        "/config": {"GET": config},
        "/config/{key}": {"PUT": set_config, "DELETE": delete_config},
    }
