"""Delivery faults on demand: delay, drop, duplicate and reorder, so integrators can test their
de-duplication on `NotificationId` and their polling fallback.

    {"delayMs": 200 | [100, 500], "drop": 0.1, "duplicate": 0.5, "reorder": 0.3,
     "notificationTypes": ["FULFILLMENT_ORDER_STATUS"], "seed": 7}

`drop`, `duplicate` and `reorder` are probabilities drawn per notification from a seeded generator,
so the same seed and the same notifications give the same faults. A reordered notification is held
back `REORDER_HOLD` seconds, so the ones published after it overtake it.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any

REORDER_HOLD = 0.5
_FIELDS = {"delayMs", "drop", "duplicate", "reorder", "notificationTypes", "seed"}


class FaultSpecError(ValueError):
    """A delivery fault document that does not fit (the message names the field)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What happens to one notification: sent after `delay` seconds, `copies` times (0: dropped)."""

    delay: float
    copies: int


@dataclass(frozen=True, slots=True)
class DeliveryFaults:
    delay_ms: tuple[float, float] = (0.0, 0.0)
    drop: float = 0.0
    duplicate: float = 0.0
    reorder: float = 0.0
    notification_types: frozenset[str] | None = None
    seed: int | None = None

    @classmethod
    def parse(cls, document: Any) -> DeliveryFaults:
        if not isinstance(document, dict):
            raise FaultSpecError("delivery faults are a JSON object")
        unknown = sorted(set(document) - _FIELDS)
        if unknown:
            raise FaultSpecError(f"unknown fields {unknown}; known: {sorted(_FIELDS)}")
        types = document.get("notificationTypes")
        if types is not None and not (isinstance(types, list) and all(isinstance(t, str) for t in types)):
            raise FaultSpecError("notificationTypes must be a list of notification type names")
        seed = document.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise FaultSpecError("seed must be an integer")
        return cls(
            _delay(document.get("delayMs", 0)),
            _probability(document, "drop"),
            _probability(document, "duplicate"),
            _probability(document, "reorder"),
            frozenset(types) if types is not None else None,
            seed,
        )

    def describe(self) -> dict[str, Any]:
        low, high = self.delay_ms
        out: dict[str, Any] = {
            "delayMs": low if low == high else [low, high],
            "drop": self.drop,
            "duplicate": self.duplicate,
            "reorder": self.reorder,
        }
        if self.notification_types is not None:
            out["notificationTypes"] = sorted(self.notification_types)
        if self.seed is not None:
            out["seed"] = self.seed
        return out


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _delay(value: Any) -> tuple[float, float]:
    if _number(value) and value >= 0:
        return float(value), float(value)
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(_number(v) for v in value)
        and 0 <= value[0] <= value[1]
    ):
        return float(value[0]), float(value[1])
    raise FaultSpecError("delayMs must be a number of milliseconds >= 0 or a [min, max] pair")


def _probability(document: dict[str, Any], name: str) -> float:
    value = document.get(name, 0)
    if not _number(value) or not 0 <= value <= 1:
        raise FaultSpecError(f"{name} must be a probability between 0 and 1")
    return float(value)


class FaultDice:
    """The current delivery faults and the seeded generator that decides each notification's fate."""

    def __init__(self, default_seed: int) -> None:
        self.default_seed = default_seed
        self.faults = DeliveryFaults()
        self._rng = random.Random(default_seed)
        self._lock = threading.Lock()

    def set(self, faults: DeliveryFaults) -> None:
        with self._lock:
            self.faults = faults
            self._rng = random.Random(faults.seed if faults.seed is not None else self.default_seed)

    def clear(self) -> None:
        self.set(DeliveryFaults())

    def decide(self, notification_type: str) -> Decision:
        with self._lock:
            f, rng = self.faults, self._rng
            if f.notification_types is not None and notification_type not in f.notification_types:
                return Decision(0.0, 1)
            delay = rng.uniform(*f.delay_ms) / 1000 if f.delay_ms[1] else 0.0
            if f.drop and rng.random() < f.drop:
                return Decision(delay, 0)
            if f.reorder and rng.random() < f.reorder:
                delay += REORDER_HOLD
            copies = 2 if f.duplicate and rng.random() < f.duplicate else 1
            return Decision(delay, copies)
