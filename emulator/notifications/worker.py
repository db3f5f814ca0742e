"""Asynchronous delivery: one lane (a thread and its timed queue) per destination.

A request never waits for an endpoint: publishing only queues the notification. Each destination's
lane sends in publication order (unless a fault delays one), retries a failing send with exponential
backoff (tenacity) and, after `ATTEMPTS` failures, keeps the notification as a dead letter. Lanes are
independent, so a dead endpoint holds up only its own destination.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tenacity import Retrying, stop_after_attempt, wait_exponential

from emulator.apis.notifications.records import Destination
from emulator.notifications.outbox import DEAD, DELIVERED, Entry, Outbox

ATTEMPTS = 5
BACKOFF = wait_exponential(multiplier=0.05, max=1.0)  # 0.05 s, 0.1 s, 0.2 s, 0.4 s between attempts

Send = Callable[[Destination, Entry], None]


@dataclass(order=True)
class _Job:
    due: float
    order: int
    entry: Entry = field(compare=False)
    destination: Destination = field(compare=False)
    copies: int = field(compare=False)


class Lane:
    """One destination's delivery thread."""

    def __init__(self, name: str, send: Send, outbox: Outbox) -> None:
        self._send = send
        self._outbox = outbox
        self._jobs: list[_Job] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        threading.Thread(target=self._run, name=f"notifications-{name}", daemon=True).start()

    def submit(self, entry: Entry, destination: Destination, delay: float, copies: int) -> None:
        due = time.monotonic() + delay
        with self._wake:
            heapq.heappush(self._jobs, _Job(due, next(self._order), entry, destination, copies))
            self._wake.notify()

    def _next(self) -> _Job:
        with self._wake:
            while not self._jobs or self._jobs[0].due > time.monotonic():
                self._wake.wait(self._jobs[0].due - time.monotonic() if self._jobs else None)
            return heapq.heappop(self._jobs)

    def _run(self) -> None:
        while True:
            job = self._next()
            for _ in range(job.copies):
                self._deliver(job.entry, job.destination)

    def _deliver(self, entry: Entry, destination: Destination) -> None:
        def attempt() -> None:
            self._outbox.update(entry, attempts=entry.attempts + 1)
            self._send(destination, entry)

        try:
            Retrying(stop=stop_after_attempt(ATTEMPTS), wait=BACKOFF, reraise=True)(attempt)
        except Exception as error:  # every failure, whatever the endpoint raised, ends as a dead letter
            self._outbox.update(entry, status=DEAD, problems=[*entry.problems, str(error)])
            return
        self._outbox.update(entry, status=DELIVERED, sent=entry.sent + 1)


class Lanes:
    """The lanes of every destination, started on a destination's first notification."""

    def __init__(self, send: Send, outbox: Outbox) -> None:
        self._send = send
        self._outbox = outbox
        self._lanes: dict[str, Lane] = {}
        self._lock = threading.Lock()

    def submit(self, entry: Entry, destination: Destination, delay: float, copies: int) -> None:
        key = destination.destination_id
        with self._lock:
            lane = self._lanes.get(key)
            if lane is None:
                lane = self._lanes[key] = Lane(key[:8], self._send, self._outbox)
        lane.submit(entry, destination, delay, copies)
