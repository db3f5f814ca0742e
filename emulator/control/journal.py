"""Admin endpoints for the request journal and the throttling settings.

GET /_emulator/journal?operationId=&sellerId=&status=&method=&faulted=&since=&limit=&bodies=
DELETE /_emulator/journal
GET /_emulator/rate-limits    PUT {"mode"?, "sandboxCap"?, "headerOn429"?, "overrides"?: {op: {rate, burst}}}
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, field, limit_of, query_value, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def journal(request: Request) -> Response:
        query = request.query_params
        return reply(
            plane.journal(
                operation_id=query.get("operationId") or None,
                seller_id=query.get("sellerId") or None,
                status=query_value(request, "status", int),
                method=query.get("method") or None,
                faulted=query_value(request, "faulted", bool),
                since=query_value(request, "since", int, 0),
                limit=limit_of(request),
                bodies=query_value(request, "bodies", bool, True),
            )
        )

    async def clear_journal(request: Request) -> Response:
        plane.clear_journal()
        return reply(None)

    async def rate_limits(request: Request) -> Response:
        return reply(plane.rate_limits())

    async def configure(request: Request) -> Response:
        doc = await body_of(request)
        unknown = (
            set(doc) - {"mode", "sandboxCap", "headerOn429", "overrides"} if isinstance(doc, dict) else set()
        )
        if unknown:
            raise ControlError(400, "InvalidBody", f"unknown fields {sorted(unknown)}")
        return reply(
            plane.configure_rate_limits(
                field(doc, "mode", (str,)),
                field(doc, "sandboxCap", (bool,)),
                field(doc, "headerOn429", (bool,)),
                field(doc, "overrides", (dict,)),
            )
        )

    return {
        "/journal": {"GET": journal, "DELETE": clear_journal},
        "/rate-limits": {"GET": rate_limits, "PUT": configure},
    }
