"""Every listener of `mcf-emulator serve` in one uvicorn server: plain HTTP, HTTPS and the CONNECT proxy.

Sockets are bound before the server starts, so a busy port is reported at once. uvicorn serves the
plain sockets itself; `ListenerServer.startup` adds the HTTPS and proxy listeners to the same event loop,
with uvicorn's own HTTP protocol behind them, so every listener serves the same in-process app and
stops with the server.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import uvicorn

from emulator.errors import EmulatorError
from emulator.settings import Settings
from emulator.tls.connect import HANDSHAKE_TIMEOUT, SHUTDOWN_TIMEOUT, ConnectProtocol

Kind = Literal["http", "https", "proxy"]


@dataclass(frozen=True, slots=True)
class Listener:
    """A bound socket and what it serves."""

    kind: Kind
    sock: socket.socket

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])


def bind(kind: Kind, host: str, port: int) -> Listener:
    """A listening socket on `host:port`; EmulatorError naming the address when it cannot be had."""
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(info[0], socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(info[4])
    except OSError as error:
        raise EmulatorError(f"cannot listen on {host}:{port} ({kind}): {error.strerror or error}") from None
    return Listener(kind, sock)


def open_listeners(settings: Settings) -> list[Listener]:
    """Bind every listener `settings` asks for: plain HTTP, HTTPS (`tls`) and the proxy (`proxy_port`)."""
    wanted: list[tuple[Kind, int]] = [("http", settings.port)] if settings.http else []
    if settings.tls:
        wanted.append(("https", settings.tls_port))
    if settings.proxy_port is not None:
        wanted.append(("proxy", settings.proxy_port))
    if not wanted:
        raise EmulatorError("nothing to serve: without plain HTTP, use --tls or --proxy-port")
    listeners: list[Listener] = []
    try:
        for kind, port in wanted:
            listeners.append(bind(kind, settings.host, port))
    except EmulatorError:
        for listener in listeners:
            listener.sock.close()
        raise
    return listeners


class ListenerServer(uvicorn.Server):
    """A uvicorn server that also serves HTTPS and proxy listeners with `context`."""

    def __init__(
        self, config: uvicorn.Config, listeners: Sequence[Listener], context: ssl.SSLContext | None
    ) -> None:
        super().__init__(config)
        if context is None and any(listener.kind != "http" for listener in listeners):
            raise ValueError("HTTPS and proxy listeners need an SSL context")
        self.listeners = listeners
        self.context = context

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(
            sockets=[listener.sock for listener in self.listeners if listener.kind == "http"]
        )
        if not self.started:
            return
        loop = asyncio.get_running_loop()
        config, context = self.config, self.context

        def http() -> asyncio.Protocol:
            return config.http_protocol_class(  # type: ignore[call-arg]
                config=config, server_state=self.server_state, app_state=self.lifespan.state, _loop=loop
            )

        for listener in self.listeners:
            if listener.kind == "http" or context is None:
                continue
            if listener.kind == "https":
                server = await loop.create_server(
                    http,
                    sock=listener.sock,
                    ssl=context,
                    backlog=config.backlog,
                    ssl_handshake_timeout=HANDSHAKE_TIMEOUT,
                    ssl_shutdown_timeout=SHUTDOWN_TIMEOUT,
                )
            else:
                server = await loop.create_server(
                    lambda: ConnectProtocol(context, http), sock=listener.sock, backlog=config.backlog
                )
            self.servers.append(server)
