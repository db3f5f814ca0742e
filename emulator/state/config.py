"""Behaviour settings kept in the shared partition (so snapshots and SQLite keep them).

A setting is one JSON object per key (for example `outbound.timings`); the control API checks its
shape against its document, and the API that reads the key documents its fields.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

from emulator.state.records import Record, TableSpec

T = TypeVar("T")


class Setting(Record):
    """One behaviour setting: the object a control-plane client wrote."""

    value: dict[str, Any]


CONFIG = TableSpec("config", Setting)


def durations(shared: Any, key: str, defaults: T) -> T:
    """`defaults` (a dataclass of numbers) with the fields setting `key` overrides in the `shared` partition.

    The control API holds a record to its document before storing it; a stored record that predates the
    document keeps only the fields that are known, non-negative numbers.
    """
    setting = shared.table(CONFIG).get(key)
    if setting is None:
        return defaults
    known = {f.name for f in fields(defaults)}  # type: ignore[arg-type]
    chosen = {
        name: float(value)
        for name, value in setting.value.items()
        if name in known and isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    }
    return replace(defaults, **chosen) if chosen else defaults  # type: ignore[type-var]
