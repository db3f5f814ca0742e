"""Per-API behaviour. Each module binds handlers to operationIds with `emulator.registry.operation`.

API packages may import state, errors, registry and context, never starlette, edge or control.
"""

from __future__ import annotations

import importlib

API_MODULES: tuple[str, ...] = (
    "documents",
    "inbound",
    "inbound_v0",
    "inventory",
    "jobs",
    "listings",
    "notifications",
    "outbound",
    "reports",
)


def load() -> None:
    """Import every API module so its handlers register themselves."""
    for name in API_MODULES:
        importlib.import_module(f"emulator.apis.{name}")
