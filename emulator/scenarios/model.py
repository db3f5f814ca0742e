"""The scenario format as typed records (the file format is scenarios/scenario.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: A JSON document passed through to the emulator as it is (a seed document, a fault rule, a body).
Json = Any


@dataclass(frozen=True)
class Expectation:
    """What a call's answer must show: a status (any of several), and values at JSONPaths of the body."""

    statuses: tuple[int, ...] = ()
    body: tuple[tuple[str, Json], ...] = ()


@dataclass(frozen=True)
class CallStep:
    """An SP-API call by operationId."""

    operation_id: str
    label: str
    params: dict[str, Json] = field(default_factory=dict)
    body: Json = None
    refresh_token: str | None = None
    renew_token: bool = True
    expect: Expectation = Expectation()
    capture: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AdvanceStep:
    """Move the emulator clock forwards (`90`, `45s`, `2h`, `1d12h`, `P1DT2H`)."""

    by: str | float
    label: str


@dataclass(frozen=True)
class FaultsStep:
    """Replace every fault rule (an empty list removes them)."""

    rules: tuple[Json, ...]
    label: str


@dataclass(frozen=True)
class RateLimitsStep:
    """Change throttling (the control API's rate-limit settings)."""

    settings: dict[str, Json]
    label: str


Step = CallStep | AdvanceStep | FaultsStep | RateLimitsStep


@dataclass(frozen=True)
class Scenario:
    """One scenario file, with `world` and `faults` files already read."""

    name: str
    description: str
    path: Path
    seed: int
    start: datetime
    speed: float
    world: Json
    faults: tuple[Json, ...]
    rate_limits: dict[str, Json]
    steps: tuple[Step, ...]
