"""`mcf-emulator proxy` as a process: forwards, prints a summary on exit, exit status on violations."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from emulator.testing import Credentials, httpx_client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(upstream: str, models: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "emulator",
            "proxy",
            "--upstream",
            upstream,
            "--port",
            str(port),
            "--models",
            str(models),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/_emulator/health", timeout=1)
            return process, url
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    pytest.fail(f"the proxy did not start: {process.communicate()[0]}")


def _stop(process: subprocess.Popen[str], sig: int) -> tuple[int, str]:
    process.send_signal(sig)
    output, _ = process.communicate(timeout=20)
    return process.returncode, output


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_violation_makes_the_proxy_exit_non_zero_with_a_summary(upstream_emulator, catalog, tmp_path, sig):
    report = tmp_path / "report.json"
    process, url = _start(
        upstream_emulator.url, catalog.models_dir, "--fail-on-violation", "--report", str(report)
    )
    with httpx_client(Credentials.for_emulator(url)) as client:
        client.get("/fba/inventory/v1/summaries", params={"granularityType": "Galaxy"})
    status, output = _stop(process, sig)
    assert status == 1, output
    assert "1 call(s) forwarded, 1 request violation(s), 0 response violation(s)" in output
    assert "[request] GET /fba/inventory/v1/summaries (getInventorySummaries)" in output
    (finding,) = json.loads(report.read_text())["violations"]
    assert finding["side"] == "request" and finding["operation_id"] == "getInventorySummaries"


def test_clean_run_exits_zero(upstream_emulator, catalog):
    process, url = _start(upstream_emulator.url, catalog.models_dir, "--fail-on-violation")
    with httpx_client(Credentials.for_emulator(url)) as client:
        response = client.get(
            "/fba/inventory/v1/summaries",
            params={
                "granularityType": "Marketplace",
                "granularityId": "ATVPDKIKX0DER",
                "marketplaceIds": "ATVPDKIKX0DER",
            },
        )
    assert response.status_code == 200
    status, output = _stop(process, signal.SIGINT)
    assert status == 0, output
    assert "getInventorySummaries: 1" in output


def test_request_violations_count_when_the_upstream_fails(catalog, tmp_path):
    report = tmp_path / "report.json"
    dead = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    process, url = _start(dead, catalog.models_dir, "--fail-on-violation", "--report", str(report))
    response = httpx.get(
        url + "/fba/inventory/v1/summaries",
        params={"granularityType": "Galaxy"},
        headers={"x-amz-access-token": "Atza|anything"},
    )
    assert response.status_code == 502 and response.headers["x-mcf-proxy-violations"] == "1"
    status, output = _stop(process, signal.SIGINT)
    assert status == 1, output
    assert "1 request violation(s), 0 response violation(s)" in output
    document = json.loads(report.read_text())
    assert document["upstreamErrors"] >= 1  # the start-up probe failed too
    (finding,) = document["violations"]
    assert finding["side"] == "request" and finding["operation_id"] == "getInventorySummaries"
