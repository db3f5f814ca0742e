"""Admin endpoints for notifications: the outbox (with dead letters) and delivery faults.

GET    /_emulator/notifications?notificationType=&sellerId=&status=&since=&until=&limit=
GET    /_emulator/notifications/faults     PUT {"delayMs"?, "drop"?, "duplicate"?, "reorder"?, ...}
DELETE /_emulator/notifications/faults
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.events import instant_of
from emulator.control.http import Endpoint, body_of, limit_of, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError
from emulator.notifications.faults import DeliveryFaults, FaultSpecError
from emulator.notifications.outbox import STATUSES, OutboxQuery


def outbox_query(request: Request) -> OutboxQuery:
    """The outbox filter a request's query string asks for, or ControlError naming the bad parameter."""
    query = request.query_params
    status = query.get("status")
    if status is not None and status not in STATUSES:
        raise ControlError(400, "InvalidQuery", f"status must be one of {list(STATUSES)}, not {status!r}")
    return OutboxQuery(
        query.get("notificationType") or None,
        query.get("sellerId") or None,
        status,
        instant_of(request, "since"),
        instant_of(request, "until"),
        limit_of(request),
    )


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:
    notifier = plane.notifications

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
