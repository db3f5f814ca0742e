"""The layer rules of ARCHITECTURE.md, enforced: which emulator packages each layer may import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "emulator"

# layer (module path prefix) -> emulator modules it must never import (prefix match)
FORBIDDEN = {
    "emulator.catalog": (
        "emulator.edge",
        "emulator.apis",
        "emulator.state",
        "emulator.control",
        "emulator.lwa",
        "emulator.runtime",
        "emulator.app",
    ),
    "emulator.state": (
        "emulator.catalog",
        "emulator.edge",
        "emulator.apis",
        "emulator.control",
        "emulator.lwa",
        "emulator.runtime",
        "emulator.app",
    ),
    "emulator.apis": (
        "emulator.edge",
        "emulator.notifications",
        "emulator.control",
        "emulator.lwa",
        "emulator.runtime",
        "emulator.app",
        "starlette",
        "uvicorn",
    ),
    "emulator.notifications": ("emulator.control", "emulator.runtime", "emulator.app", "emulator.cli"),
    "emulator.edge": ("emulator.apis", "emulator.control", "emulator.app", "emulator.cli"),
    "emulator.lwa": ("emulator.edge", "emulator.apis", "emulator.control", "emulator.app"),
    "emulator.registry": ("emulator.edge", "emulator.apis", "emulator.control", "emulator.app"),
    "emulator.context": ("emulator.edge", "emulator.apis", "emulator.control", "emulator.app"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name != layer and not name.startswith(layer + "."):
            continue
        for imported in imports_of(path):
            if any(imported == banned or imported.startswith(banned + ".") for banned in FORBIDDEN[layer]):
                offences.append(f"{name} imports {imported}")
    assert offences == []
