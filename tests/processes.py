"""The processes end-to-end tests talk to: started on a free loopback port, ready when they answer."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(command: list[str], ready_url: str, timeout: float = 30) -> Iterator[subprocess.Popen[bytes]]:
    """`command` as a process, once `ready_url` answers without a server error; stopped afterwards.
    Its output goes to a file (a pipe nobody reads would block a chatty server) shown if it fails."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=os.environ.copy())
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(ready_url, timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait(10)
                output.seek(0)
                pytest.fail(f"{' '.join(command)} did not start: {output.read().decode(errors='replace')}")
            time.sleep(0.1)
        try:
            yield process
        finally:
            process.terminate()
            process.wait(10)


@contextmanager
def emulator_serve(*options: str) -> Iterator[str]:
    """A `mcf-emulator serve` process with `options` on a free loopback port: its base URL."""
    command = shutil.which("mcf-emulator", path=str(Path(sys.executable).parent)) or "mcf-emulator"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([command, "serve", "--port", str(port), *options], f"{base}/_emulator/health"):
        yield base
        fail_on_served_violations(base)


def fail_on_served_violations(base: str) -> None:
    """Fail if the server recorded responses that break their model or internal failures while it ran."""
    found = httpx.get(f"{base}/_emulator/violations", timeout=10).json()["violations"]
    if found:
        pytest.fail(f"{base} recorded contract violations: {found}")
