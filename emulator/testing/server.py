"""`EmulatorServer`: a real uvicorn server for one emulator app, on a free loopback port, in a thread.

For clients that cannot take an in-process transport (SDKs, other processes). Port 0 picks a free
port; the socket is bound before the thread starts, so `url` is known and valid at once.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

_START_TIMEOUT = 10.0


class EmulatorServer:
    """Serve `app` on `host:port` from a daemon thread; use as a context manager or start()/stop()."""

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """`http://host:port` of the running server."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> EmulatorServer:
        """Bind the socket, start serving, and return once the server accepts connections."""
        if self._server is not None:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, lifespan="auto", log_level="warning", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name=f"mcf-emulator:{self.port}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"mcf-emulator server on {self.url} did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Ask the server to finish and wait for its thread."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(_START_TIMEOUT)
        self._server = self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()
