"""Admin endpoints for the request journal and the throttling settings.

GET /_emulator/journal?operationId=&sellerId=&status=&method=&faulted=&since=&limit=&bodies=
DELETE /_emulator/journal
GET /_emulator/rate-limits    PUT {"mode"?, "sandboxCap"?, "headerOn429"?, "overrides"?: {op: {rate, burst}}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, field, query_value, reply
from emulator.control.plane import ControlError

if TYPE_CHECKING:
    from emulator.runtime import Runtime

MAX_LIMIT = 1000


def endpoints(rt: Runtime) -> dict[str, dict[str, Endpoint]]:
    plane = rt.control

    async def journal(request: Request) -> Response:
        limit = query_value(request, "limit", int, 100)
        if not 1 <= limit <= MAX_LIMIT:
            raise ControlError(400, "InvalidQuery", f"limit must be between 1 and {MAX_LIMIT}")
        query = request.query_params
        return reply(
            plane.journal(
                operation_id=query.get("operationId") or None,
                seller_id=query.get("sellerId") or None,
                status=query_value(request, "status", int),
                method=query.get("method") or None,
                faulted=query_value(request, "faulted", bool),
                since=query_value(request, "since", int, 0),
                limit=limit,
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
