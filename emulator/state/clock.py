"""The emulator clock: every timestamp the emulator produces or compares comes from here.

It runs in real time (optionally sped up), can be frozen, set to an instant, or advanced.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    """Emulator time = anchor + (real time since the anchor) x speed; speed 0 means frozen."""

    def __init__(self, start: datetime | None = None, speed: float = 1.0) -> None:
        self._anchor_real = time.time()
        self._anchor = (start or datetime.now(UTC)).timestamp()
        self._speed = speed

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
        self._reanchor(instant.timestamp(), self._speed)

    def advance(self, seconds: float) -> None:
        """Move time forwards by `seconds`."""
        if seconds < 0:
            raise ValueError("the clock only advances forwards; use set() to go back")
        self._reanchor(self.timestamp() + seconds, self._speed)

    def freeze(self) -> None:
        self._reanchor(self.timestamp(), 0.0)

    def run(self, speed: float = 1.0) -> None:
        """Let time flow again at `speed` x real time."""
        if speed <= 0:
            raise ValueError("speed must be positive; use freeze() to stop the clock")
        self._reanchor(self.timestamp(), speed)

    def describe(self) -> dict[str, object]:
        return {"now": iso(self.now()), "speed": self._speed, "frozen": self.frozen}


def iso(instant: datetime) -> str:
    """ISO-8601 UTC with a `Z` and milliseconds, the form SP-API responses use."""
    if instant.tzinfo is not UTC:
        instant = instant.astimezone(UTC)
    return instant.isoformat(timespec="milliseconds")[:23] + "Z"


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 date-time (a `Z` suffix allowed); naive values are taken as UTC."""
    value = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
