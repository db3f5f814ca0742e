"""The emulator clock: every timestamp the emulator produces or compares comes from here.

It runs in real time (optionally sped up), can be frozen, set to an instant, or advanced, within its
span (1970 to about the year 8300, so every instant it reaches prints as an ISO-8601 date-time) and up
to `MAX_SPEED` times real time. Moves outside those bounds raise ValueError and leave it as it was.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

EARLIEST = 0.0  # POSIX seconds: the clock's span, which also bounds fault rule windows and snapshots
LATEST = 2.0e11
MAX_SPEED = 1_000_000.0
SPAN = "between 1970 and the year 8000"  # how errors name the span (rounded down, as users read it)


class Clock:
    """Emulator time = anchor + (real time since the anchor) x speed; speed 0 means frozen."""

    def __init__(self, start: datetime | None = None, speed: float = 1.0) -> None:
        self._anchor_real = time.time()
        self._anchor = (start or datetime.now(UTC)).timestamp()
        self._speed = speed
        if not in_span(self._anchor) or not 0 <= speed <= MAX_SPEED:
            raise ValueError(f"a clock starts {SPAN} and runs at 0 (frozen) to {MAX_SPEED:g} x real time")

    def timestamp(self) -> float:
        """Emulator time as POSIX seconds."""
        return self._anchor + (time.time() - self._anchor_real) * self._speed

    def now(self) -> datetime:
        """Emulator time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.timestamp(), UTC)

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def frozen(self) -> bool:
        return self._speed == 0

    def _reanchor(self, at: float, speed: float) -> None:
        self._anchor_real = time.time()
        self._anchor = at
        self._speed = speed

    def set(self, instant: datetime) -> None:
        """Jump to `instant` (forwards or backwards), keeping the current speed."""
        if not in_span(instant.timestamp()):
            raise ValueError(f"the clock only reaches instants {SPAN}")
        self._reanchor(instant.timestamp(), self._speed)

    def advance(self, seconds: float) -> None:
        """Move time forwards by `seconds`."""
        if seconds < 0:
            raise ValueError("the clock only advances forwards; use set() to go back")
        if self.timestamp() + seconds > LATEST:
            raise ValueError(f"that would move the clock past its span ({SPAN})")
        self._reanchor(self.timestamp() + seconds, self._speed)

    def freeze(self) -> None:
        self._reanchor(self.timestamp(), 0.0)

    def run(self, speed: float = 1.0) -> None:
        """Let time flow again at `speed` x real time."""
        if not 0 < speed <= MAX_SPEED:
            raise ValueError(f"speed must be above 0 (freeze the clock to stop it) and at most {MAX_SPEED:g}")
        self._reanchor(self.timestamp(), speed)

    def describe(self) -> dict[str, object]:
        return {"now": iso(self.now()), "speed": self._speed, "frozen": self.frozen}


def iso(instant: datetime | float) -> str:
    """ISO-8601 UTC with a `Z` and milliseconds, the form SP-API responses use (a float: POSIX seconds)."""
    if isinstance(instant, int | float):
        instant = datetime.fromtimestamp(instant, UTC)
    elif instant.tzinfo is not UTC:
        instant = instant.astimezone(UTC)
    return instant.isoformat(timespec="milliseconds")[:23] + "Z"


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 date-time (a `Z` suffix allowed); naive values are taken as UTC."""
    value = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def in_span(timestamp: float) -> bool:
    """Whether the clock can reach `timestamp` (POSIX seconds)."""
    return EARLIEST <= timestamp <= LATEST


def reachable(value: str | datetime) -> float:
    """POSIX seconds of an ISO-8601 date-time (or datetime) within the clock's span; ValueError otherwise."""
    try:
        timestamp = (parse_iso(value) if isinstance(value, str) else value).timestamp()
    except (ValueError, OverflowError):
        timestamp = -1.0
    if not in_span(timestamp):
        raise ValueError(f"{value!s} is not an ISO-8601 date-time {SPAN}")
    return timestamp
