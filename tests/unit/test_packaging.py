"""Packaging: every package is listed in pyproject.toml, so the wheel holds all code, emulator/specs/ and
emulator/scenario_library/."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    discovered = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "emulator").rglob("__init__.py")
    }
    assert set(config["packages"]) == discovered | {"emulator.specs", "emulator.scenario_library"}
    assert config["package-dir"] == {"emulator.specs": "specs", "emulator.scenario_library": "scenarios"}
