"""Sending an SP-API response, with the delivery side of fault injection (delay, drop, corrupt bodies).

A dropped connection has no ASGI message of its own: the edge returns `DROPPED` to the server instead
of starting a response, and uvicorn then closes the socket without writing a byte (the client sees
"server disconnected"). `quiet_dropped` keeps that deliberate drop out of uvicorn's error log.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from emulator.edge.exchange import Exchange
from emulator.edge.faults import Effect
from emulator.edge.http import JSON_TYPE, send_bytes

DROPPED = "mcf-emulator: connection dropped by a fault rule"


def corrupt(effect: Effect, payload: bytes, content_type: bytes | None) -> tuple[bytes, bytes | None]:
    """The body and Content-Type a body-corrupting effect turns a response into."""
    kind = effect.kind
    if kind == "empty":
        return b"", content_type or JSON_TYPE[1]
    if kind == "truncate":
        return payload[: len(payload) // 2] or b"{", content_type or JSON_TYPE[1]
    if kind == "malformed":  # valid-looking JSON with a syntax error near the end
        broken = payload[:-1] + b',"}' if payload.endswith(b"}") else b'{"errors": [,]}'
        return broken, content_type or JSON_TYPE[1]
    if kind == "content-type":
        return payload, effect.content_type.encode("latin-1")
    return payload, content_type


async def deliver(send: Any, x: Exchange, payload: bytes) -> str | None:
    """Send the exchange's response as its injection (if any) says; returns DROPPED for a drop."""
    content_type = None if x.response is None else JSON_TYPE[1]
    injection = x.injection
    if injection is not None:
        if injection.delay:
            await asyncio.sleep(injection.delay)
        if injection.effect.kind == "drop":
            return DROPPED
        payload, content_type = corrupt(injection.effect, payload, content_type)
    await send_bytes(send, x.status, payload, x.response_headers, content_type)
    return None


class _QuietDropped(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.args, tuple) and DROPPED in record.args)


def quiet_dropped() -> None:
    """Silence uvicorn's complaint about the deliberate DROPPED return value (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDropped) for f in logger.filters):
        logger.addFilter(_QuietDropped())
