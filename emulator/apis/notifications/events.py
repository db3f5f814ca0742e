"""The event this API records: a test notification was asked for (delivery builds and sends it)."""

from __future__ import annotations

from emulator.registry import domain_event
from emulator.state.events import DomainEvent


@domain_event
class TestNotificationRequested(DomainEvent, frozen=True):
    """`sendTestNotification` was called: send a sample of `notification_type` to one destination."""

    __test__ = False  # not a pytest test class, whatever its name

    application_id: str
    destination_id: str
    notification_type: str
    payload_version: str
    scenario: str
