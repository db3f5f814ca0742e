"""All admin endpoints under `/_emulator/`, described by specs/emulator-control.openapi.yaml.

GET /_emulator/health, GET /_emulator/coverage, GET /_emulator/violations, and the groups in state.py,
clock.py, faults.py, journal.py (journal and rate limits), events.py, notifications.py (outbox and
delivery faults), accounts.py (applications, sellers, self-authorization, one seller's overview) and
inbound.py (how an inbound shipment is received).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator.control import accounts, clock, events, faults, inbound, journal, notifications, state
from emulator.control.contract import BodySchemas
from emulator.control.http import Endpoint, admin_routes, reply
from emulator.control.plane import ControlPlane
from emulator.settings import Settings


def routes(plane: ControlPlane, settings: Settings) -> list[Route]:
    """Every admin route, guarded as `settings` say (loopback only, admin token)."""

    async def health(request: Request) -> Response:
        return reply(plane.health())

    async def coverage(request: Request) -> Response:
        return reply(plane.coverage())

    async def violations(request: Request) -> Response:
        return reply(plane.violations())

    schemas = BodySchemas()
    table: dict[str, dict[str, Endpoint]] = {
        "/coverage": {"GET": coverage},
        "/violations": {"GET": violations},
    }
    for group in (state, clock, faults, journal, events, notifications, accounts, inbound):
        table.update(group.endpoints(plane))
    return [
        *admin_routes(settings, schemas, {"/health": {"GET": health}}, open_to_token=True),
        *admin_routes(settings, schemas, table),
    ]
