"""Payload builders: which domain event becomes which notification, looked up by event type name.

A builder turns one committed event into the payloads of one notification type, from the event's
own fields (never from the store: several events are published together after a clock advance, and
the store then holds only the latest state). Builders are keyed by the event's type name, so this
package needs no import of the API that records the event; adding a notification is one builder.
A builder only runs when the event's seller subscribes to its notification type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from emulator.notifications.envelope import Draft
from emulator.state.events import EventRecord

Build = Callable[[EventRecord], list[Draft]]


@dataclass(frozen=True, slots=True)
class Builder:
    """Builds `notification_type` payloads from events of one type."""

    notification_type: str
    build: Build


class Builders:
    """Event type name -> the builder of its notifications."""

    def __init__(self, builders: Iterable[tuple[str, str, Build]] = ()) -> None:
        self._by_event: dict[str, Builder] = {}
        for event_type, notification_type, build in builders:
            self.add(event_type, notification_type, build)

    def add(self, event_type: str, notification_type: str, build: Build) -> None:
        """Build `notification_type` from events of `event_type` (replacing any earlier builder for it)."""
        self._by_event[event_type] = Builder(notification_type, build)

    def of(self, record: EventRecord) -> Builder | None:
        """The builder for `record`'s event type, if any."""
        return self._by_event.get(record.type)
