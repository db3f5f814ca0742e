"""Payload builders: which domain event becomes which notification, looked up by event type name.

A builder turns one committed event into zero or more `Draft`s from the event's own fields (never
from the store: several events are published together after a clock advance, and the store then
holds only the latest state). Builders are keyed by the event's type name, so this package needs no
import of the API that records the event; adding a notification type is one builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from emulator.notifications.envelope import Draft
from emulator.state.events import EventRecord

Builder = Callable[[EventRecord], list[Draft]]


class Builders:
    """Event type name -> the builder of its notifications."""

    def __init__(self, builders: Iterable[tuple[str, Builder]] = ()) -> None:
        self._by_event: dict[str, Builder] = {}
        for name, builder in builders:
            self.add(name, builder)

    def add(self, event_type: str, builder: Builder) -> None:
        """Build notifications from events of `event_type` (replacing any earlier builder for it)."""
        self._by_event[event_type] = builder

    def drafts(self, record: EventRecord) -> list[Draft]:
        builder = self._by_event.get(record.type)
        return builder(record) if builder is not None else []
