"""The layer rules of ARCHITECTURE.md, enforced from the code's own imports.

Every import counts: at module level, inside functions and under `if TYPE_CHECKING:`. A module that
`from package import name` imports is the submodule `package.name` when there is one, else `package`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "emulator"

# layer (module path prefix) -> the only emulator modules it may import (prefix match; "emulator" alone is
# the package's face, which holds __version__). Third-party imports are not restricted here.
ALLOWED = {
    "emulator.protocol": (),
    "emulator.settings": ("emulator.errors",),
    "emulator.errors": ("emulator.protocol",),
    "emulator.runtime": (
        "emulator.catalog",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.lwa.grants",
        "emulator.registry",
        "emulator.settings",
        "emulator.state",
    ),
    "emulator.edge": (
        "emulator.catalog",
        "emulator.context",
        "emulator.edge",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.protocol",
        "emulator.registry",
        "emulator.settings",
        "emulator.state",
    ),
    "emulator.control": (
        "emulator",
        "emulator.catalog",
        "emulator.control",
        "emulator.edge",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.notifications",
        "emulator.protocol",
        "emulator.runtime",
        "emulator.settings",
        "emulator.state",
    ),
    "emulator.app": (
        "emulator",
        "emulator.apis",
        "emulator.catalog",
        "emulator.context",
        "emulator.control",
        "emulator.downloads",
        "emulator.edge.fault_engine",
        "emulator.edge.journal",
        "emulator.edge.pipeline",
        "emulator.errors",
        "emulator.lwa.routes",
        "emulator.notifications",
        "emulator.protocol",
        "emulator.registry",
        "emulator.runtime",
        "emulator.settings",
        "emulator.tls.hosts",
        "emulator.ui",
    ),
    "emulator.downloads": ("emulator.apis.documents", "emulator.protocol", "emulator.state"),
    "emulator.ui": (
        "emulator",
        "emulator.control.http",
        "emulator.errors",
        "emulator.protocol",
        "emulator.settings",
    ),
    "emulator.notifications": (
        "emulator.apis.notifications",
        "emulator.context",
        "emulator.edge.schemas",
        "emulator.errors",
        "emulator.notifications",
        "emulator.settings",
        "emulator.state",
    ),
    "emulator.testing": (
        "emulator.app",
        "emulator.control.files",
        "emulator.control.plane",
        "emulator.edge.violations",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.notifications",
        "emulator.protocol",
        "emulator.state.events",
        "emulator.testing",
    ),
    "emulator.pytest_plugin": (
        "emulator.app",
        "emulator.catalog",
        "emulator.errors",
        "emulator.scenarios.collect",
        "emulator.settings",
        "emulator.testing",
    ),
    "emulator.cli": (
        "emulator",
        "emulator.apis",
        "emulator.app",
        "emulator.bench",
        "emulator.catalog",
        "emulator.cli",
        "emulator.control.durations",
        "emulator.control.files",
        "emulator.edge.delivery",
        "emulator.edge.tuning",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.parity",
        "emulator.protocol",
        "emulator.proxy",
        "emulator.registry",
        "emulator.scenarios",
        "emulator.settings",
        "emulator.testing.credentials",
        "emulator.tls",
    ),
    "emulator.parity": (
        "emulator.catalog",
        "emulator.edge.auth",
        "emulator.parity",
        "emulator.protocol",
        "emulator.testing.auth",
        "emulator.testing.credentials",
        "emulator.tls.hosts",
    ),
    "emulator.scenarios": (
        "emulator.app",
        "emulator.catalog",
        "emulator.control.files",
        "emulator.control.plane",
        "emulator.control.seed",
        "emulator.edge.routing",
        "emulator.errors",
        "emulator.lwa.accounts",
        "emulator.proxy",
        "emulator.scenarios",
        "emulator.settings",
        "emulator.testing",
    ),
    "emulator.bench": (
        "emulator",
        "emulator.app",
        "emulator.bench",
        "emulator.catalog",
        "emulator.edge.tuning",
        "emulator.lwa.accounts",
        "emulator.settings",
        "emulator.state.clock",
        "emulator.testing",
    ),
    "emulator.proxy": (
        "emulator.catalog",
        "emulator.edge.http",
        "emulator.edge.routing",
        "emulator.edge.validation",
        "emulator.errors",
        "emulator.protocol",
        "emulator.proxy",
    ),
}

# layer -> modules it must never import (prefix match), for the layers whose owners add modules freely
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
        "emulator.errors",
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
    "emulator.lwa": (
        "emulator.edge",
        "emulator.apis",
        "emulator.control",
        "emulator.runtime",
        "emulator.app",
    ),
    "emulator.registry": ("emulator.edge", "emulator.apis", "emulator.control", "emulator.app"),
    "emulator.context": ("emulator.edge", "emulator.apis", "emulator.control", "emulator.app"),
    # Inbound moves stock through inventory's service only; v0 reads Inbound's plans, never the reverse.
    "emulator.apis.inbound": ("emulator.apis.outbound", "emulator.apis.inbound_v0"),
}
# Reports read other APIs' state through their services and records, and never reach notifications or
# listings (a notification follows its domain event; listings have no report here).
FORBIDDEN["emulator.apis.reports"] = (
    *FORBIDDEN["emulator.apis"],
    "emulator.apis.listings",
    "emulator.apis.notifications",
)
# Inbound v0 reads the plans, shipments and SKU settings of 2024-03-20 (never the reverse, see FORBIDDEN).
ALLOWED["emulator.apis.inbound_v0"] = (
    "emulator.apis.inbound",
    "emulator.apis.inventory",
    "emulator.context",
    "emulator.errors",
    "emulator.registry",
    "emulator.state",
)
# Amazon's hostnames, the CA and the listeners know nothing of the emulator's behaviour or state.
FORBIDDEN["emulator.tls"] = (
    *(m for m in FORBIDDEN["emulator.state"] if m != "emulator.errors"),
    "emulator.state",
    "emulator.cli",
)


@cache
def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of `package` (the emulator by default), by dotted name."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(name: str, package: Path = PACKAGE) -> set[str]:
    """What module `name` imports: emulator modules by their dotted names, others by their top name."""
    known = modules(package)
    path = known[name]
    parent = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                anchor = parent.rsplit(".", node.level - 1)[0] if node.level > 1 else parent
                base = f"{anchor}.{base}".rstrip(".")
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return found


def in_layer(name: str, layer: str) -> bool:
    return name == layer or name.startswith(layer + ".")


def offences(layer: str, ok: Callable[[str], bool]) -> list[str]:
    """`module imports module` for every import of `layer` that `ok` refuses."""
    return [
        f"{name} imports {imported}"
        for name in modules()
        if in_layer(name, layer)
        for imported in sorted(imports_of(name))
        if not ok(imported)
    ]


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer):
    def ok(imported: str) -> bool:
        if not in_layer(imported, "emulator") or in_layer(imported, layer):
            return True
        return any(imported == a if a == "emulator" else in_layer(imported, a) for a in ALLOWED[layer])

    assert offences(layer, ok) == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_never_imports_what_it_must_not(layer):
    def ok(imported: str) -> bool:
        return not any(in_layer(imported, banned) for banned in FORBIDDEN[layer])

    assert offences(layer, ok) == []


def import_cycles(package: Path = PACKAGE) -> list[list[str]]:
    """Every set of modules that import each other, directly or through others (Tarjan's algorithm)."""
    known = modules(package)
    graph = {name: sorted(i for i in imports_of(name, package) if i in known and i != name) for name in known}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    return cycles


def test_no_two_modules_import_each_other():
    assert import_cycles() == []


def test_the_cycle_check_sees_imports_under_type_checking_and_in_functions(tmp_path):
    """A circle hidden behind `if TYPE_CHECKING:` or a function-level import is still a circle."""
    package = tmp_path / "emulator"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from emulator.b import B\nA = 1\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from emulator.c import C\n"
    )
    (package / "c.py").write_text("def f():\n    from emulator import a\n")
    (package / "d.py").write_text("from emulator import a\n")
    assert import_cycles(package) == [["emulator.a", "emulator.b", "emulator.c"]]
