"""Admin endpoints for the emulator clock; moving it fires every transition that fell due, in order.

GET  /_emulator/clock
POST /_emulator/clock/advance {"by": "2h" | seconds}     POST /_emulator/clock/set {"to": ISO-8601}
POST /_emulator/clock/freeze                            POST /_emulator/clock/run {"speed"?: 1.0}
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, field, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def show(request: Request) -> Response:
        return reply(plane.clock())

    async def advance(request: Request) -> Response:
        by = field(await body_of(request), "by", (str, int, float))
        if by is None:
            raise ControlError(400, "InvalidBody", "field 'by' (a duration) is required")
        return reply(plane.advance(by))

    async def set_to(request: Request) -> Response:
        to = field(await body_of(request), "to", (str,))
        if to is None:
            raise ControlError(400, "InvalidBody", "field 'to' (an ISO-8601 date-time) is required")
        return reply(plane.set_clock(to))

    async def freeze(request: Request) -> Response:
        await request.body()
        return reply(plane.freeze())

    async def run(request: Request) -> Response:
        speed = field(await body_of(request, required=False), "speed", (int, float), 1.0)
        return reply(plane.run(speed))

    return {
        "/clock": {"GET": show},
        "/clock/advance": {"POST": advance},
        "/clock/set": {"POST": set_to},
        "/clock/freeze": {"POST": freeze},
        "/clock/run": {"POST": run},
    }
