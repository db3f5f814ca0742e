"""What the figures were measured on: CPU, cores, memory, kernel, and the versions that matter."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("uvicorn", "starlette", "uvloop", "httptools", "orjson", "jsonschema-rs")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _tool_version(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    words = (done.stdout or done.stderr).split()
    return " ".join(words[1:2] if words[:1] == [command[0]] else words[:1]) or None


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def load_average() -> float | None:
    """The 1-minute load average: above ~0.5 on this benchmark's cores, other work shares them."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def describe_machine() -> dict[str, Any]:
    """Machine and software versions, for the report's header."""
    from emulator import __version__

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mcf_emulator": __version__,
        "packages": {name: _package_version(name) for name in PACKAGES},
        "wrk": _tool_version(["wrk", "--version"]),
        "node": _tool_version(["node", "--version"]),
        "load_average_at_start": load_average(),
    }
