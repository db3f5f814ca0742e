"""Domain events: one typed fact per state change, recorded with the change, published after commit.

The code that changes state records the event through its seller's partition (`TenantState.record`)
in the same step; the event log keeps it in the store's pending list, the runtime writes records and
events in one transaction (SQLite) and only then hands the events to subscribers. So a crash loses a
change and its event together or neither, and a subscriber never sees an event whose change was lost.

Subscribers register on the log by event type; the emitting API never imports them. Events carry a
global sequence (their order), the emulator-clock instant and the seller. The log keeps the newest
`retention` events in memory for observation (`GET /_emulator/events`); the durable backend keeps all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec


class DomainEvent(msgspec.Struct, kw_only=True, frozen=True, gc=False):
    """Base of every event type: a past-tense fact (`OrderStatusChanged`). Subclasses add fields."""

    @classmethod
    def type_name(cls) -> str:
        return cls.__name__


class EventRecord(msgspec.Struct, frozen=True, gc=False):
    """An event as the log holds it: its place in the order of all events, when, whose, and what."""

    sequence: int
    at: float
    seller_id: str
    event: DomainEvent

    @property
    def type(self) -> str:
        return self.event.type_name()

    def describe(self) -> dict[str, Any]:
        """The JSON-able form (control API, snapshots): envelope fields plus the event's own."""
        return {
            "sequence": self.sequence,
            "type": self.type,
            "at": self.at,
            "sellerId": self.seller_id,
            "data": msgspec.to_builtins(self.event),
        }


Subscriber = Callable[[EventRecord], None]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A filter over the retained events; every field left None matches anything."""

    seller_id: str | None = None
    types: frozenset[str] | None = None
    after_sequence: int | None = None
    since: float | None = None
    until: float | None = None
    limit: int | None = None

    def matches(self, record: EventRecord) -> bool:
        return (
            (self.seller_id is None or record.seller_id == self.seller_id)
            and (self.types is None or record.type in self.types)
            and (self.after_sequence is None or record.sequence > self.after_sequence)
            and (self.since is None or record.at >= self.since)
            and (self.until is None or record.at <= self.until)
        )


class EventTypes:
    """Every event type the emulator can record, by name (to decode stored events)."""

    def __init__(self, types: Iterable[type[DomainEvent]] = ()) -> None:
        self.by_name: dict[str, type[DomainEvent]] = {}
        for kind in types:
            known = self.by_name.get(kind.type_name())
            if known is not None and known is not kind:
                raise ValueError(f"event type {kind.type_name()!r} is declared twice")
            self.by_name[kind.type_name()] = kind

    def decode(self, sequence: int, at: float, seller_id: str, type_name: str, data: Any) -> EventRecord:
        """An event record from its stored parts; ValueError naming what does not fit."""
        kind = self.by_name.get(type_name)
        if kind is None:
            raise ValueError(f"unknown event type {type_name!r}: written by another emulator version")
        try:
            event = msgspec.convert(data, kind)
        except msgspec.ValidationError as error:
            raise ValueError(f"event {sequence} ({type_name}): {error}") from None
        return EventRecord(int(sequence), float(at), str(seller_id), event)


class EventLog:
    """The ordered events of one store: retained for reading, pending until committed, then published."""

    def __init__(self, types: EventTypes, retention: int = 10_000) -> None:
        self.types = types
        self.retention = retention
        self._retained: deque[EventRecord] = deque(maxlen=retention)
        self._pending: list[EventRecord] = []
        self._sequence = 0
        self._subscribers: list[tuple[frozenset[str] | None, Subscriber]] = []

    @property
    def last_sequence(self) -> int:
        return self._sequence

    def record(self, seller_id: str, at: float, event: DomainEvent) -> EventRecord:
        """Append `event` (called by the code that made the change, in the same step)."""
        self._sequence += 1
        entry = EventRecord(self._sequence, at, seller_id, event)
        self._retained.append(entry)
        self._pending.append(entry)
        return entry

    def drain_pending(self) -> list[EventRecord]:
        """The events recorded since the last drain, oldest first (to be written with the changes)."""
        pending, self._pending = self._pending, []
        return pending

    def subscribe(self, subscriber: Subscriber, *types: type[DomainEvent]) -> None:
        """Call `subscriber` with every committed event of `types` (all types when none are named)."""
        names = frozenset(t.type_name() for t in types) if types else None
        self._subscribers.append((names, subscriber))

    def publish(self, committed: Iterable[EventRecord]) -> None:
        """Hand committed events to their subscribers, in order."""
        if not self._subscribers:
            return
        for entry in committed:
            for names, subscriber in self._subscribers:
                if names is None or entry.type in names:
                    subscriber(entry)

    def query(self, query: EventQuery) -> list[EventRecord]:
        found: Iterator[EventRecord] = (e for e in self._retained if query.matches(e))
        out: list[EventRecord] = []
        for entry in found:
            if query.limit is not None and len(out) >= query.limit:
                break
            out.append(entry)
        return out

    def forget(self, seller_id: str | None) -> None:
        """Drop the retained and pending events of one seller (or all): their world was reset."""
        if seller_id is None:
            self._retained.clear()
            self._pending.clear()
            return
        self._retained = deque((e for e in self._retained if e.seller_id != seller_id), maxlen=self.retention)
        self._pending = [e for e in self._pending if e.seller_id != seller_id]

    def dump(self) -> dict[str, Any]:
        return {"sequence": self._sequence, "events": [e.describe() for e in self._retained]}

    def load(self, document: dict[str, Any]) -> None:
        """Replace the retained events with a `dump()`; ValueError naming what does not fit."""
        events = [
            self.types.decode(e["sequence"], e["at"], e["sellerId"], e["type"], e["data"])
            for e in document.get("events", [])
        ]
        self._retained = deque(events, maxlen=self.retention)
        self._pending = []
        self._sequence = int(document.get("sequence", events[-1].sequence if events else 0))

    def restore_tail(self, sequence: int, events: Iterable[EventRecord]) -> None:
        """Start from a durable backend's newest events and its last sequence number."""
        self._retained = deque(events, maxlen=self.retention)
        self._pending = []
        self._sequence = sequence
