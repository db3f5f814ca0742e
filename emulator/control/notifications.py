"""Admin endpoints for notifications: the outbox (with dead letters) and delivery faults.

GET    /_emulator/notifications?notificationType=&sellerId=&status=&since=&until=&limit=
GET    /_emulator/notifications/faults     PUT {"delayMs"?, "drop"?, "duplicate"?, "reorder"?, ...}
DELETE /_emulator/notifications/faults
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, query_value, reply
from emulator.control.plane import ControlError
from emulator.notifications.faults import DeliveryFaults, FaultSpecError
from emulator.notifications.outbox import STATUSES, OutboxQuery
from emulator.state.clock import parse_iso

if TYPE_CHECKING:
    from emulator.runtime import Runtime

MAX_LIMIT = 10_000


def _instant(request: Request, name: str) -> float | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return parse_iso(raw).timestamp()
    except ValueError:
        raise ControlError(
            400, "InvalidQuery", f"{name} must be an ISO-8601 date-time, not {raw!r}"
        ) from None


def outbox_query(request: Request) -> OutboxQuery:
    """The outbox filter a request's query string asks for, or ControlError naming the bad parameter."""
    query = request.query_params
    status = query.get("status")
    if status is not None and status not in STATUSES:
        raise ControlError(400, "InvalidQuery", f"status must be one of {list(STATUSES)}, not {status!r}")
    limit = query_value(request, "limit", int, 1000)
    if not 1 <= limit <= MAX_LIMIT:
        raise ControlError(400, "InvalidQuery", f"limit must be between 1 and {MAX_LIMIT}")
    return OutboxQuery(
        query.get("notificationType") or None,
        query.get("sellerId") or None,
        status,
        _instant(request, "since"),
        _instant(request, "until"),
        limit,
    )


def endpoints(rt: Runtime) -> dict[str, dict[str, Endpoint]]:
    notifier = rt.notifications

    async def outbox(request: Request) -> Response:
        return reply({"notifications": notifier.outbox.query(outbox_query(request))})

    async def faults(request: Request) -> Response:
        return reply(notifier.faults.faults.describe())

    async def set_faults(request: Request) -> Response:
        try:
            notifier.faults.set(DeliveryFaults.parse(await body_of(request)))
        except FaultSpecError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None
        return reply(notifier.faults.faults.describe())

    async def clear_faults(request: Request) -> Response:
        notifier.faults.clear()
        return reply(None)

    return {
        "/notifications": {"GET": outbox},
        "/notifications/faults": {"GET": faults, "PUT": set_faults, "DELETE": clear_faults},
    }
