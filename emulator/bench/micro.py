"""The two figures that need no load generator: cold start and the per-test reset."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulator.bench.processes import Server, free_port


@dataclass(frozen=True)
class Timing:
    """Median and spread of repeated measurements, in seconds."""

    median: float
    best: float
    worst: float
    runs: int

    @classmethod
    def of(cls, samples: list[float]) -> Timing:
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))


def cold_start(runs: int, models: Path | None, cpu: int | None, timeout: float = 30.0) -> Timing:
    """`mcf-emulator serve` from process start to the first 200 on /_emulator/health, `runs` times."""
    samples = []
    for _ in range(runs):
        port = free_port()
        command = [sys.executable, "-m", "emulator", "serve", "--port", str(port)]
        if models:
            command += ["--models", str(models)]
        with Server("emulator (cold start)", command, port, cpu) as server:
            samples.append(server.wait_ready("/_emulator/health", timeout))
    return Timing.of(samples)


def reset_paths(app: Any) -> dict[str, Any]:
    """The per-test reset paths to time: the runtime's, and the pytest plugin's handle when present."""
    paths: dict[str, Any] = {"runtime.reset()": app.runtime.reset}
    try:
        from emulator.testing.handle import EmulatorHandle
    except ImportError:
        return paths
    handle = EmulatorHandle(app, "http://127.0.0.1:0")  # as the plugin's spapi_emulator fixture builds it
    paths["spapi_emulator fixture (EmulatorHandle.reset)"] = handle.reset
    return paths


def per_test_reset(models: Path | None, rounds: int, skus: int = 5, orders: int = 3) -> dict[str, Timing]:
    """Time each reset path `rounds` times, each after a test's worth of state (SKUs, stock, orders)."""
    from emulator.app import create_app
    from emulator.bench.world import build_world
    from emulator.settings import Settings

    app = create_app(Settings.from_env(models_dir=models, seed=1))
    results = {}
    for name, reset in reset_paths(app).items():
        samples = []
        for _ in range(rounds):
            asyncio.run(build_world(app, skus, orders, span_days=1.0))
            started = time.perf_counter()
            reset()
            samples.append(time.perf_counter() - started)
        results[name] = Timing.of(samples)
    return results
