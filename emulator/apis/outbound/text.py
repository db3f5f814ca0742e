"""Text the outbound APIs generate: ISO-8601 instants and reproducible identifiers."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from emulator.state.clock import iso


def at(timestamp: float) -> str:
    """ISO-8601 text of a POSIX timestamp."""
    return iso(datetime.fromtimestamp(timestamp, UTC))


def derived(*parts: object, length: int = 12, alphabet: str = "0123456789") -> str:
    """A reproducible identifier derived from its inputs (used where no IdFactory is at hand)."""
    digest = int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest(), "big")
    out = []
    for _ in range(length):
        digest, rest = divmod(digest, len(alphabet))
        out.append(alphabet[rest])
    return "".join(out)
