"""Admin endpoints for fault rules (the rule format is described in edge/faults.py).

GET /_emulator/faults      POST (add one)      PUT (replace all: a list or {"rules": [...]})
DELETE /_emulator/faults (clear)               GET | DELETE /_emulator/faults/{id}
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.files import fault_rules
from emulator.control.http import Endpoint, body_of, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def show(request: Request) -> Response:
        return reply(plane.faults())

    async def add(request: Request) -> Response:
        return reply(plane.add_fault(await body_of(request)), 201)

    async def replace(request: Request) -> Response:
        try:
            rules = fault_rules(await body_of(request))
        except ValueError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None
        return reply(plane.replace_faults(rules))

    async def clear(request: Request) -> Response:
        plane.clear_faults()
        return reply(None)

    async def one(request: Request) -> Response:
        return reply(plane.fault(request.path_params["rule_id"]))

    async def remove(request: Request) -> Response:
        plane.remove_fault(request.path_params["rule_id"])
        return reply(None)

    return {
        "/faults": {"GET": show, "POST": add, "PUT": replace, "DELETE": clear},
        "/faults/{rule_id}": {"GET": one, "DELETE": remove},
    }
