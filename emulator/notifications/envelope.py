"""Amazon's notification envelope (reference §11.2) around a payload built from a domain event.

PascalCase keys and version `1.0` for every type but REPORT_PROCESSING_FINISHED, whose keys are
camelCase and whose notification and payload version is `2020-09-04`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from emulator.apis.notifications.kinds import Kind
from emulator.state.clock import iso


@dataclass(frozen=True, slots=True)
class Draft:
    """A notification before it is addressed: its type, when its event happened, and its payload."""

    notification_type: str
    event_time: float
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Address:
    """Who a notification is for: the subscription (and so application and destination) and the seller."""

    application_id: str
    subscription_id: str
    destination_id: str
    seller_id: str
    payload_version: str


def timestamp(at: float) -> str:
    """Emulator-clock POSIX seconds as ISO-8601 UTC with milliseconds."""
    return iso(datetime.fromtimestamp(at, UTC))


def envelope(
    kind: Kind, draft: Draft, address: Address, published: float, notification_id: str
) -> dict[str, Any]:
    """The notification document as the destination receives it."""
    fields = {
        "NotificationVersion": address.payload_version if kind.camel_case else "1.0",
        "NotificationType": kind.name,
        "PayloadVersion": address.payload_version,
        "EventTime": timestamp(draft.event_time),
        "Payload": draft.payload,
        "NotificationMetadata": {
            "ApplicationId": address.application_id,
            "SubscriptionId": address.subscription_id,
            "PublishTime": timestamp(published),
            "NotificationId": notification_id,
        },
    }
    return _camel(fields) if kind.camel_case else fields


def _camel(fields: dict[str, Any]) -> dict[str, Any]:
    """Envelope and metadata keys in camelCase (the payload is built in its own case)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "NotificationMetadata":
            value = {k[0].lower() + k[1:]: v for k, v in value.items()}
        out[key[0].lower() + key[1:]] = value
    return out
