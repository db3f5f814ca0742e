"""Notification delivery: domain events become Amazon's notifications, sent to real endpoints.

    notifier.py   events in (subscribed by type name), addressed and validated notifications out
    payloads/     one builder per event type (FULFILLMENT_ORDER_STATUS, inventory, listings)
    envelope.py   Amazon's envelope;  schemas.py  the payload schemas with their quirks fixed
    outbox.py     every notification, for tests and the control API (not persisted)
    worker.py     one delivery lane per destination: asynchronous, retried, dead letters
    sinks.py      SQS and EventBridge through boto3;  faults.py  delay/drop/duplicate/reorder

The emitting APIs never import this package; it reads their events from the store's event log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from emulator.apis.notifications.destinations import DestinationProbe
from emulator.context import Ports
from emulator.notifications.notifier import Notifier
from emulator.notifications.schemas import Schemas
from emulator.notifications.sinks import AwsSinks
from emulator.settings import Settings
from emulator.state import Clock, Store

__all__ = ["Notifier", "attach"]


def attach(
    settings: Settings,
    store: Store,
    clock: Clock,
    models_dir: Path,
    ports: Ports,
    report: Callable[[list[str]], None],
    seed: int,
) -> Notifier:
    """A notifier on `store`'s events, delivering to the endpoints `settings` names; createDestination
    checks destinations at those endpoints through the port it provides."""
    sinks = AwsSinks(settings.sqs_endpoint, settings.eventbridge_endpoint)
    ports.provide(DestinationProbe, DestinationProbe(sinks.problem))
    return Notifier(store, clock, Schemas(models_dir), sinks, report, seed)
