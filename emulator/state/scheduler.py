"""Time-driven transitions: events due at an emulator instant, fired in order.

Nothing ticks in the background. Before each request (and when the clock is moved) the edge
calls `run_due(now)`, which fires every event whose time has come, oldest first, so an order
placed yesterday is delivered by the time anybody looks, and effects happen in the right order.
Handlers re-check the current state: an event that no longer applies (a cancelled order) is a no-op.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any, str, dict[str, Any], float], None]  # (store, seller_id, payload, due)


class Scheduler:
    """A heap of (due, sequence, kind, seller_id, payload) entries."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, str, str, dict[str, Any]]] = []
        self._sequence = 0
        self.settling_to: float | None = None  # while `run_due` runs: the instant it brings the world to

    def schedule(self, due: float, kind: str, seller_id: str, payload: dict[str, Any]) -> None:
        self._sequence += 1
        heapq.heappush(self._heap, (due, self._sequence, kind, seller_id, payload))

    def next_due(self) -> float | None:
        return self._heap[0][0] if self._heap else None

    def run_due(self, now: float, store: Any, handlers: dict[str, Handler]) -> int:
        """Fire every event due at or before `now`; returns how many fired."""
        fired = 0
        heap = self._heap
        self.settling_to = now
        try:
            while heap and heap[0][0] <= now:
                due, _, kind, seller_id, payload = heapq.heappop(heap)
                handlers[kind](store, seller_id, payload, due)
                fired += 1
        finally:
            self.settling_to = None
        return fired

    def pending(self, seller_id: str | None = None) -> int:
        return sum(1 for e in self._heap if seller_id is None or e[3] == seller_id)

    def clear(self, seller_id: str | None = None) -> None:
        if seller_id is None:
            self._heap = []
        else:
            self._heap = [e for e in self._heap if e[3] != seller_id]
            heapq.heapify(self._heap)

    def dump(self) -> list[list[Any]]:
        return [[due, kind, seller_id, payload] for due, _, kind, seller_id, payload in sorted(self._heap)]

    def load(self, entries: list[list[Any]]) -> None:
        self.clear()
        for due, kind, seller_id, payload in entries:
            self.schedule(float(due), str(kind), str(seller_id), dict(payload))
