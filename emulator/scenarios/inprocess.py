"""An emulator inside this process for `replay`'s default target: strict responses, a real loopback
server in a thread (so every fault, `drop` included, behaves as it does for a connector)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from emulator.app import create_app
from emulator.settings import Settings
from emulator.testing.server import EmulatorServer


@contextmanager
def local_emulator(models_dir: Path | None = None) -> Iterator[EmulatorServer]:
    """A fresh emulator on a free loopback port; its app is `server.app` (catalog: `app.runtime.catalog`)."""
    models = models_dir or Settings.from_env().models_dir  # nothing else of the environment applies
    settings = Settings(models_dir=models, strict_responses=True)
    with EmulatorServer(create_app(settings)) as server:
        yield server
