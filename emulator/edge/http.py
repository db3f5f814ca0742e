"""Raw ASGI I/O for the hot path: read a bounded body, encode a JSON body, send a response."""

from __future__ import annotations

from typing import Any

import orjson

from emulator.errors import SpApiError

Headers = list[tuple[bytes, bytes]]
JSON_TYPE = (b"content-type", b"application/json")


async def read_body(receive: Any, limit: int) -> tuple[bytes, bool]:
    """The request body, and whether it went over `limit` bytes (the rest is then drained, not kept)."""
    chunks, size, too_large = [], 0, False
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            too_large = True
        elif chunk:
            chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), too_large


def encode(body: Any) -> bytes:
    """A response body as JSON bytes (None: no body)."""
    return b"" if body is None else orjson.dumps(body)


async def send_bytes(
    send: Any, status: int, payload: bytes, headers: dict[str, str], content_type: bytes | None
) -> None:
    """Send an already encoded body with `headers`, a Content-Type (unless None) and its length."""
    raw: Headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if content_type is not None:
        raw.append((b"content-type", content_type))
    raw.append((b"content-length", str(len(payload)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


def error_body(error: SpApiError) -> dict[str, Any]:
    """SP-API's error envelope."""
    return {"errors": [error.as_error()]}


def origin_of(scope: Any, headers: dict[str, str]) -> str:
    """The scheme and host a client reached this server by, e.g. `http://127.0.0.1:8080`."""
    host = headers.get("host")
    if not host:
        server = scope.get("server") or ("127.0.0.1", None)
        host = server[0] if server[1] is None else f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}"
