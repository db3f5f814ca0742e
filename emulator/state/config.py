"""Behaviour settings kept in the shared partition (so snapshots and SQLite keep them).

A setting is one JSON object per key (for example `outbound.timings`); the control API checks its
shape against its document, and the API that reads the key documents its fields.
"""

from __future__ import annotations

from typing import Any

from emulator.state.records import Record, TableSpec


class Setting(Record):
    """One behaviour setting: the object a control-plane client wrote."""

    value: dict[str, Any]


CONFIG = TableSpec("config", Setting)
