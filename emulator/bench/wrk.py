"""Driving wrk (the HTTP load generator): finding or installing it, its Lua script, reading its report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from emulator.bench.processes import HOST, pinned
from emulator.bench.scenarios import ORDER_FORMAT, SKU_FORMAT, Scenario


class ToolMissing(RuntimeError):
    """A tool the benchmark needs is not installed and could not be installed."""


def ensure_wrk(install: bool = True) -> str:
    """The path of wrk, installing Debian's package first when missing, allowed, and running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if install and shutil.which("apt-get") and os.geteuid() == 0:
        for command in (
            ["apt-get", "install", "-y", "-q", "wrk"],
            ["apt-get", "update", "-q"],
            ["apt-get", "install", "-y", "-q", "wrk"],
        ):
            subprocess.run(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                timeout=600,
            )
            found = shutil.which("wrk")
            if found:
                return found
    raise ToolMissing(
        "wrk (HTTP load generator) is not installed: `apt-get install wrk` (Debian/Ubuntu) "
        "or `brew install wrk`, then run the benchmark again"
    )


def _lua_string(text: str) -> str:
    level = "=" * 3
    while f"]{level}]" in text:
        level += "="
    return f"[{level}[{text}]{level}]"


def lua_script(scenario: Scenario, headers: dict[str, str], skus: int, orders: int, tag: str) -> str:
    """A wrk script sending `scenario` with fresh random SKUs/orders (and unique new ids) per request."""
    header_table = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in headers.items())
    body = "nil" if scenario.body is None else _lua_string(scenario.body)
    return f"""
local method, path_t, body_t = "{scenario.method}", {_lua_string(scenario.path)}, {body}
local skus, orders, tag = {skus}, {max(orders, 1)}, "{tag}"
local headers = {{ {header_table} }}
local threads, counter = 0, 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(os.time() + 7919 * tid)
end

function request()
  counter = counter + 1
  local sku = math.random(1, skus)
  local values = {{
    SKU = string.format("{SKU_FORMAT}", sku),
    SKU2 = string.format("{SKU_FORMAT}", sku % skus + 1),
    SKU3 = string.format("{SKU_FORMAT}", (sku + 1) % skus + 1),
    ORDER = string.format("{ORDER_FORMAT}", math.random(1, orders)),
    NEW = tag .. "-" .. tid .. "-" .. counter,
  }}
  local path = (path_t:gsub("@(%w+)@", values))
  local body = body_t and (body_t:gsub("@(%w+)@", values)) or nil
  return wrk.format(method, path, headers, body)
end
"""


@dataclass(frozen=True)
class LoadResult:
    """What one wrk run measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int
    server_cpu_us: float | None = None
    """CPU time the server spent per request (all its processes), immune to other load on the machine."""

    @property
    def us_per_request(self) -> float:
        """Server time per request when one saturated core serves them."""
        return 1e6 / self.requests_per_second if self.requests_per_second else float("inf")


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS_MS[unit]


def parse_report(text: str) -> LoadResult:
    """Read wrk's `--latency` report."""

    def find(pattern: str, default: str | None = None) -> str:
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            return match.group(1)
        if default is None:
            raise ValueError(f"unexpected wrk output (no {pattern!r}):\n{text}")
        return default

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return LoadResult(
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)")),
        p50_ms=_ms(find(r"^\s+50%\s+(\S+)")),
        p99_ms=_ms(find(r"^\s+99%\s+(\S+)")),
        requests=int(find(r"^\s+(\d+) requests in")),
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)", "0")),
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def run_wrk(
    wrk: str, port: int, script: str, connections: int, seconds: float, cpu: int | None, workdir: Path
) -> LoadResult:
    """One wrk run (one thread, `connections` keep-alive connections) on `cpu`, bounded in time."""
    script_file = workdir / "request.lua"
    script_file.write_text(script)
    command = pinned(
        [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(script_file),
            f"http://{HOST}:{port}",
        ],
        cpu,
    )
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=False)
    if done.returncode != 0 or done.stderr.strip():  # a broken script makes wrk send `GET /` instead
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    return parse_report(done.stdout)
