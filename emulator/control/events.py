"""Admin endpoint for the domain events the emulator recorded (newest retained ones, oldest first).

GET /_emulator/events?type=&sellerId=&after=&since=&until=&limit=
    type   event type name; repeat it or give a comma list for several
    after  only events with a larger sequence number (page on with the answer's `lastSequence`)
    since, until   ISO-8601 instants on the emulator clock (inclusive)
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, limit_of, query_value, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError
from emulator.state.clock import iso, reachable
from emulator.state.events import EventQuery, EventRecord


def describe(record: EventRecord) -> dict[str, Any]:
    """An event as the control API answers it: its envelope, with `at` as an ISO-8601 instant."""
    return record.describe() | {"at": iso(record.at)}


def instant_of(request: Request, name: str) -> float | None:
    """An ISO-8601 query parameter as emulator-clock seconds (None when absent), or ControlError."""
    text = request.query_params.get(name)
    if text is None:
        return None
    try:
        return reachable(text)
    except ValueError as error:
        raise ControlError(400, "InvalidQuery", f"query parameter {name!r}: {error}") from None


def query_of(request: Request) -> EventQuery:
    """The event filter a request's query parameters describe."""
    types = frozenset(
        name.strip()
        for given in request.query_params.getlist("type")
        for name in given.split(",")
        if name.strip()
    )
    return EventQuery(
        seller_id=request.query_params.get("sellerId") or None,
        types=types or None,
        after_sequence=query_value(request, "after", int),
        since=instant_of(request, "since"),
        until=instant_of(request, "until"),
        limit=limit_of(request),
    )


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:
    async def events(request: Request) -> Response:
        found = plane.events(query_of(request))
        return reply({"events": [describe(r) for r in found], "lastSequence": plane.last_event_sequence})

    return {"/events": {"GET": events}}
