"""A real `mcf-emulator serve --tls --proxy-port` process with its own CA directory, and what clients
need to reach it through Amazon's hostnames. Everything listens on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from emulator.lwa.accounts import DEFAULTS

PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class TlsEmulator:
    """Where the served emulator listens, and its CA certificate."""

    http: str
    tls_port: int
    proxy: str
    ca_file: Path

    def advance(self, by: str) -> None:
        """Move the emulator clock through the control plane (plain HTTP, loopback)."""
        response = httpx.post(f"{self.http}/_emulator/clock/advance", json={"by": by}, timeout=10)
        assert response.status_code == 200, response.text

    def journal(self, operation_id: str | None = None) -> list[dict[str, Any]]:
        """The journal's entries (with bodies), all or those of one operation."""
        params = {"operationId": operation_id} if operation_id else {}
        response = httpx.get(f"{self.http}/_emulator/journal", params=params, timeout=10)
        return list(response.json()["entries"])


def client_environment(emulator: TlsEmulator, **extra: str) -> dict[str, str]:
    """This process's environment without any proxy settings of the machine, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES + NO_PROXY_VARIABLES}
    return {**env, **extra}


@pytest.fixture(scope="module")
def tls_emulator(catalog, tmp_path_factory) -> Iterator[TlsEmulator]:
    ca_dir = tmp_path_factory.mktemp("ca")
    http_port, tls_port, proxy_port = free_port(), free_port(), free_port()
    env = {**os.environ, "MCF_EMULATOR_CA_DIR": str(ca_dir), "MCF_EMULATOR_TLS": "true"}
    process = subprocess.Popen(
        [sys.executable, "-m", "emulator", "serve", "--models", str(catalog.models_dir), "--strict-responses"]
        + ["--port", str(http_port), "--tls-port", str(tls_port), "--proxy-port", str(proxy_port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    emulator = TlsEmulator(
        f"http://127.0.0.1:{http_port}", tls_port, f"http://127.0.0.1:{proxy_port}", ca_dir / "ca.pem"
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{emulator.http}/_emulator/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"serve --tls did not start: {process.communicate()[0]}")
        time.sleep(0.1)
    yield emulator
    process.terminate()
    out, _ = process.communicate(timeout=20)
    assert process.returncode == 0, out
    assert "Traceback" not in out, out


CREDENTIALS = {
    "grant_type": "refresh_token",
    "refresh_token": DEFAULTS.refresh_token,
    "client_id": DEFAULTS.client_id,
    "client_secret": DEFAULTS.client_secret,
}
