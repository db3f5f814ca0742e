"""The notifier: committed domain events in, addressed and validated notifications out.

It subscribes to the store's event log (after commit, in order). For each event the builders give
drafts; each draft goes to every subscription of the event's seller to its type, wrapped in Amazon's
envelope, checked against its schema, put in the outbox, and queued for its destination's lane when
an endpoint serves that destination. A notification that breaks its schema is never sent and is
recorded as a contract violation, like an invalid response.
"""

from __future__ import annotations

import traceback
import uuid
from collections.abc import Callable

import orjson

from emulator.apis.notifications.events import TestNotificationRequested
from emulator.apis.notifications.kinds import KINDS, Kind
from emulator.apis.notifications.records import (
    DESTINATIONS,
    Destination,
    Subscription,
    destinations,
    subscriptions_of,
)
from emulator.notifications.builders import Builders
from emulator.notifications.envelope import Address, Draft, envelope
from emulator.notifications.faults import FaultDice
from emulator.notifications.outbox import DROPPED, INVALID, OUTBOX_ONLY, Entry, Outbox
from emulator.notifications.payloads import DEFAULT_BUILDERS
from emulator.notifications.samples import SELLER, sample
from emulator.notifications.schemas import Schemas
from emulator.notifications.sinks import AwsSinks
from emulator.notifications.worker import Lanes
from emulator.state import Clock, Store
from emulator.state.events import EventRecord

Report = Callable[[list[str]], None]


class Notifier:
    """Notifications of one runtime: builders, schemas, the outbox, delivery faults and lanes."""

    def __init__(
        self, store: Store, clock: Clock, schemas: Schemas, sinks: AwsSinks, report: Report, seed: int
    ) -> None:
        self.store = store
        self.clock = clock
        self.schemas = schemas
        self.sinks = sinks
        self.report = report
        self.builders = Builders(DEFAULT_BUILDERS)
        self.outbox = Outbox()
        self.faults = FaultDice(seed)
        self.lanes = Lanes(self._send, self.outbox)
        store.events.subscribe(self.on_event)

    def on_event(self, record: EventRecord) -> None:
        """Publish what `record` means to its seller's subscribers; never fails the commit it follows."""
        try:
            if isinstance(record.event, TestNotificationRequested):
                self._test(record.event, record.at)
                return
            builder = self.builders.of(record)
            if builder is None:
                return
            subscribed = subscriptions_of(self.store.tenant(record.seller_id), builder.notification_type)
            if subscribed:
                for draft in builder.build(record):
                    self._fan_out(record.seller_id, draft, subscribed)
        except Exception:  # a builder bug must not undo or fail the request that recorded the event
            self.report(
                [
                    f"building notifications for event {record.sequence} ({record.type}) failed:"
                    f" {traceback.format_exc(limit=3)}"
                ]
            )

    def _fan_out(self, seller_id: str, draft: Draft, subscribed: list[Subscription]) -> None:
        kind = KINDS[draft.notification_type]
        for subscription in subscribed:
            address = Address(
                subscription.application_id,
                subscription.subscription_id,
                subscription.destination_id,
                seller_id,
                subscription.payload_version,
            )
            self.publish(kind, draft, address)

    def _test(self, event: TestNotificationRequested, at: float) -> None:
        kind = KINDS[event.notification_type]
        draft = Draft(kind.name, at, sample(kind.name, at))
        address = Address(event.application_id, "TEST", event.destination_id, SELLER, event.payload_version)
        self.publish(kind, draft, address)

    def publish(self, kind: Kind, draft: Draft, address: Address) -> Entry:
        """Address, validate, record and (when an endpoint serves its destination) queue one notification."""
        published = self.clock.timestamp()
        notification_id = str(uuid.uuid4())
        document = envelope(kind, draft, address, published, notification_id)
        entry = Entry(notification_id, kind.name, address, draft.event_time, published, document)
        problems = self.schemas.problems(kind, document)
        destination = destinations(self.store).table(DESTINATIONS).get(address.destination_id)
        if problems:
            entry.status, entry.problems = INVALID, problems
            self.report(
                [f"{kind.name} notification {notification_id} breaks its schema: {p}" for p in problems]
            )
        elif destination is None or not self.sinks.serves(destination):
            entry.status = OUTBOX_ONLY
        else:
            decision = self.faults.decide(kind.name)
            if decision.copies == 0:
                entry.status = DROPPED
            else:
                self.lanes.submit(entry, destination, decision.delay, decision.copies)
        return self.outbox.add(entry)

    def _send(self, destination: Destination, entry: Entry) -> None:
        self.sinks.send(destination, entry.notification_type, orjson.dumps(entry.document).decode())

    def forget(self, seller_id: str | None) -> None:
        """Forget the outbox of one seller (or all) whose state was reset."""
        self.outbox.forget(seller_id)
