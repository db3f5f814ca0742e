"""The proxy: HTTP CONNECT to Amazon's SP-API and LWA hosts is terminated here; everything else is refused.

There is no forwarding code path. The proxy never resolves a name and never opens a connection: a
CONNECT to an Amazon host on port 443 is answered `200`, the tunnel's TLS is terminated with a certificate
from the local CA, and the requests inside are served by the emulator's own HTTP protocol, in-process.
Any other request gets a `403` (or a `400` when it is not HTTP) in SP-API's error envelope, and the
connection is closed.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import orjson

from emulator.tls.hosts import AmazonHost, lookup

MAX_HEAD = 8 * 1024  # bytes of request line and headers before the proxy gives up on a client
HEAD_TIMEOUT = 10.0  # seconds a client has to send its CONNECT
HANDSHAKE_TIMEOUT = 10.0
SHUTDOWN_TIMEOUT = (
    1.0  # seconds to wait for a client's close_notify (an idle keep-alive client never sends it)
)
ESTABLISHED = b"HTTP/1.1 200 Connection established\r\n\r\n"
ONLY_AMAZON = "mcf-emulator's proxy only opens CONNECT tunnels to Amazon's SP-API and LWA hosts on port 443."
NOT_CONTACTED = "The name was not resolved and nothing was contacted."

log = logging.getLogger("mcf_emulator")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A request the proxy will not serve, and why."""

    status: int
    reason: str
    code: str
    message: str
    details: str

    def response(self) -> bytes:
        """The whole HTTP response: SP-API's error envelope, then the connection closes."""
        body = orjson.dumps(
            {"errors": [{"code": self.code, "message": self.message, "details": self.details}]}
        )
        head = (
            f"HTTP/1.1 {self.status} {self.reason}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        return head.encode("latin-1") + body


def _bad_request(details: str) -> Refusal:
    return Refusal(400, "Bad Request", "InvalidInput", "The proxy could not read this request.", details)


def admit(head: bytes) -> AmazonHost | Refusal:
    """Judge a request head (request line and headers, without the blank line): the Amazon host a
    CONNECT names, or the refusal to send."""
    line = head.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    if len(parts) != 3 or not parts[2].startswith(b"HTTP/1."):
        return _bad_request(f"{line[:200].decode('latin-1')!r} is not an HTTP/1.x request line.")
    method, target = parts[0].decode("latin-1"), parts[1].decode("latin-1")
    if method != "CONNECT":
        details = f"{method} {target[:200]} refused: only CONNECT is served (HTTPS through the proxy)."
        return Refusal(403, "Forbidden", "Forbidden", ONLY_AMAZON, f"{details} {NOT_CONTACTED}")
    host, _, port = target.rpartition(":")
    amazon = lookup(host) if port == "443" and ":" not in host else None
    if amazon is None:
        details = f"CONNECT {target[:200]} refused: not an Amazon SP-API or LWA host on port 443."
        return Refusal(403, "Forbidden", "Forbidden", ONLY_AMAZON, f"{details} {NOT_CONTACTED}")
    return amazon


class _Handoff(asyncio.Protocol):
    """Keeps what arrives through the tunnel between the end of the TLS handshake and the moment the
    HTTP protocol takes over, then hands it all over in order."""

    def __init__(self) -> None:
        self.pending: list[bytes] = []
        self.eof = False
        self.lost = False

    def data_received(self, data: bytes) -> None:
        self.pending.append(data)

    def eof_received(self) -> bool:
        self.eof = True
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True

    def attach(self, protocol: asyncio.Protocol, transport: asyncio.Transport) -> None:
        if self.lost:
            return
        transport.set_protocol(protocol)
        protocol.connection_made(transport)
        for chunk in self.pending:
            protocol.data_received(chunk)
        if self.eof:
            protocol.eof_received()


class ConnectProtocol(asyncio.Protocol):
    """One client connection to the proxy: read its CONNECT, then refuse it or serve the tunnel with
    `context` (TLS) and a fresh protocol from `serve` (HTTP)."""

    def __init__(self, context: ssl.SSLContext, serve: Callable[[], asyncio.Protocol]) -> None:
        self.context = context
        self.serve = serve
        self.head = bytearray()
        self.transport: asyncio.Transport | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.tunnel: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not subclass asyncio's
        self.timer = asyncio.get_running_loop().call_later(HEAD_TIMEOUT, self.transport.abort)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.timer is not None:
            self.timer.cancel()

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        if self.tunnel is not None:
            return
        self.head += data
        end = self.head.find(b"\r\n\r\n")
        if end < 0:
            if len(self.head) > MAX_HEAD:
                self._refuse(_bad_request(f"the request head is longer than {MAX_HEAD} bytes."))
            return
        if len(self.head) > end + 4:
            self._refuse(_bad_request("the client sent data before the tunnel was established."))
            return
        decision = admit(bytes(self.head[:end]))
        if isinstance(decision, Refusal):
            self._refuse(decision)
            return
        if self.timer is not None:
            self.timer.cancel()
        self.transport.pause_reading()  # the TLS layer resumes reading once it owns the connection
        self.transport.write(ESTABLISHED)
        self.tunnel = asyncio.ensure_future(self._terminate_tls(self.transport))

    def _refuse(self, refusal: Refusal) -> None:
        assert self.transport is not None
        log.warning("proxy: %s", refusal.details)
        self.transport.write(refusal.response())
        self.transport.close()

    async def _terminate_tls(self, transport: asyncio.Transport) -> None:
        handoff = _Handoff()
        try:
            tls = await asyncio.get_running_loop().start_tls(
                transport,
                handoff,
                self.context,
                server_side=True,
                ssl_handshake_timeout=HANDSHAKE_TIMEOUT,
                ssl_shutdown_timeout=SHUTDOWN_TIMEOUT,
            )
        except OSError:  # handshake failed (e.g. the client does not trust the CA), timed out or reset
            transport.abort()
            return
        if tls is not None:
            handoff.attach(self.serve(), tls)
