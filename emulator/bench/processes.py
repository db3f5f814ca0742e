"""Processes the benchmark starts: pinned to a CPU, on loopback, always stopped by the benchmark itself.

Each server runs in its own session (process group), so stopping it reaches every child it spawned
(npx starts node) and nothing else on the machine.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Self

HOST = "127.0.0.1"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def pinned(command: Sequence[str], cpu: int | None) -> list[str]:
    """`command` run on one CPU with taskset when a CPU is given and taskset exists."""
    if cpu is None or shutil.which("taskset") is None:
        return list(command)
    return ["taskset", "-c", str(cpu), *command]


def request(
    port: int,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: str | bytes | None = None,
    timeout: float = 10.0,
) -> tuple[int, bytes]:
    """One HTTP/1.1 request to loopback; (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Server:
    """A server process the benchmark started; `stop()` ends it and its children, nothing else."""

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        port: int,
        cpu: int | None,
        env: dict[str, str] | None = None,
        log: Path | None = None,
    ) -> None:
        self.name = name
        self.port = port
        self.started = time.perf_counter()
        self._log = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            pinned(command, cpu),
            stdout=subprocess.PIPE,
            stderr=self._log,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )

    def first_line(self, timeout: float) -> str:
        """The first line the server printed (the bench server's world summary)."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with status {self.process.returncode} before it was ready"
                )
            line = self.process.stdout.readline()
            if line:
                return line.decode("utf-8", "replace").strip()
        raise TimeoutError(f"{self.name} printed nothing within {timeout:.0f} s")

    def wait_ready(
        self, path: str, timeout: float, status: int | None = 200, interval: float = 0.002
    ) -> float:
        """Poll `path` until it answers `status` (None: anything); seconds since the process was started."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with status {self.process.returncode} before it was ready"
                )
            try:
                answered, _ = request(self.port, "GET", path, timeout=1.0)
            except OSError:
                time.sleep(interval)
                continue
            if status is None or answered == status:
                return time.perf_counter() - self.started
            time.sleep(interval)
        raise TimeoutError(f"{self.name} did not answer {path} within {timeout:.0f} s")

    def rss_mb(self) -> float:
        """Resident memory of the server process (MiB), from /proc; 0 where /proc is missing."""
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by every live process of the server's process group."""
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[2]) == self.process.pid:  # fields: state ppid pgrp ... utime(11) stime(12)
                total += int(fields[11]) + int(fields[12])
        return total / _CLOCK_TICKS

    def stop(self) -> None:
        """SIGTERM the server's process group, SIGKILL it if it lingers."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(5.0)
            except subprocess.TimeoutExpired:
                continue
            if sig == signal.SIGTERM:
                time.sleep(0.05)  # let children that got the same SIGTERM finish
        if self.process.stdout:
            self.process.stdout.close()
        if not isinstance(self._log, int):  # an opened log file, not subprocess.DEVNULL
            self._log.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
