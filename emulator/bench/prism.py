"""Stoplight Prism, the spec-driven mock the emulator is compared with, run from the npm registry via npx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from emulator.bench.processes import HOST
from emulator.bench.wrk import ToolMissing

PACKAGE = "@stoplight/prism-cli@5"
MODES = ("static", "dynamic")


def prepare() -> str:
    """Fetch Prism into npm's cache if needed; its version. ToolMissing without npx or the registry."""
    npx = shutil.which("npx")
    if npx is None:
        raise ToolMissing(
            "npx (Node.js) is not installed, so Prism cannot be compared: install nodejs and npm"
        )
    try:
        done = subprocess.run(
            [npx, "--yes", PACKAGE, "--version"], capture_output=True, text=True, timeout=600, check=False
        )
    except subprocess.TimeoutExpired:
        raise ToolMissing(f"npx could not fetch {PACKAGE} within 10 minutes") from None
    if done.returncode != 0:
        raise ToolMissing(f"npx could not run {PACKAGE}: {done.stderr.strip()[-300:]}")
    return done.stdout.strip().splitlines()[-1]


def command(model_file: Path, port: int, mode: str) -> list[str]:
    """Prism mocking `model_file` quietly (`-v error`, its fastest setting) in `mode`."""
    npx = shutil.which("npx") or "npx"
    dynamic = ["--dynamic"] if mode == "dynamic" else []
    return [
        npx,
        "--yes",
        PACKAGE,
        "mock",
        "-h",
        HOST,
        "-p",
        str(port),
        "-v",
        "error",
        *dynamic,
        str(model_file),
    ]
