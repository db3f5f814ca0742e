"""Helpers for the scenario tests: run scenario files on a fresh in-process emulator."""

from __future__ import annotations

from pathlib import Path

from emulator.catalog import Catalog
from emulator.scenarios.engine import run
from emulator.scenarios.loader import load
from emulator.scenarios.results import ScenarioResult
from emulator.scenarios.target import HttpTarget
from emulator.testing.server import EmulatorServer

LIBRARY = Path(__file__).resolve().parents[2] / "scenarios"
STARTER = LIBRARY / "worlds" / "mcf-starter.yaml"


def replay_on(server: EmulatorServer, catalog: Catalog, path: Path) -> ScenarioResult:
    target = HttpTarget(server.url, catalog)
    try:
        return run(target, load(path))
    finally:
        target.close()
