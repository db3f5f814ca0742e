"""The outbox: every notification the emulator published, whatever became of its delivery.

Observation, like the journal: bounded, never persisted, cleared with the state it describes. The
delivery threads update an entry's status, so every access holds the lock.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from emulator.notifications.envelope import Address, timestamp

PENDING = "pending"  # queued for its destination
DELIVERED = "delivered"  # the endpoint accepted it
DEAD = "dead"  # every attempt failed: a dead letter
DROPPED = "dropped"  # a delivery fault swallowed it
OUTBOX_ONLY = "outbox"  # no endpoint is configured for its destination's transport
INVALID = "invalid"  # it broke its schema and was not sent (also recorded as a violation)
STATUSES = (PENDING, DELIVERED, DEAD, DROPPED, OUTBOX_ONLY, INVALID)


@dataclass(slots=True)
class Entry:
    """One published notification and its delivery so far."""

    notification_id: str
    notification_type: str
    address: Address
    event_time: float
    published: float
    document: dict[str, Any]
    status: str = PENDING
    attempts: int = 0
    sent: int = 0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "notificationId": self.notification_id,
            "notificationType": self.notification_type,
            "sellerId": self.address.seller_id,
            "applicationId": self.address.application_id,
            "subscriptionId": self.address.subscription_id,
            "destinationId": self.address.destination_id,
            "eventTime": timestamp(self.event_time),
            "publishTime": timestamp(self.published),
            "status": self.status,
            "attempts": self.attempts,
            "sent": self.sent,
            "notification": self.document,
        }
        if self.problems:
            out["problems"] = list(self.problems)
        return out


@dataclass(frozen=True, slots=True)
class OutboxQuery:
    """A filter over the outbox; a field left None matches anything. Times are emulator POSIX seconds."""

    notification_type: str | None = None
    seller_id: str | None = None
    status: str | None = None
    since: float | None = None
    until: float | None = None
    limit: int | None = None

    def matches(self, entry: Entry) -> bool:
        return (
            (self.notification_type is None or entry.notification_type == self.notification_type)
            and (self.seller_id is None or entry.address.seller_id == self.seller_id)
            and (self.status is None or entry.status == self.status)
            and (self.since is None or entry.event_time >= self.since)
            and (self.until is None or entry.event_time <= self.until)
        )


class Outbox:
    """The newest `capacity` notifications, oldest first."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._entries: deque[Entry] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def add(self, entry: Entry) -> Entry:
        with self._lock:
            self._entries.append(entry)
        return entry

    def update(self, entry: Entry, **changes: Any) -> None:
        """Change an entry's delivery fields (status, attempts, sent, problems) under the lock."""
        with self._lock:
            for name, value in changes.items():
                setattr(entry, name, value)

    def query(self, query: OutboxQuery) -> list[dict[str, Any]]:
        """Matching entries, oldest first, in their JSON-able form."""
        with self._lock:
            found = [e.describe() for e in self._entries if query.matches(e)]
        return found if query.limit is None else found[: query.limit]

    def forget(self, seller_id: str | None) -> None:
        """Drop one seller's notifications (or all): their world was reset."""
        with self._lock:
            if seller_id is None:
                self._entries.clear()
            else:
                kept = (e for e in self._entries if e.address.seller_id != seller_id)
                self._entries = deque(kept, maxlen=self.capacity)
