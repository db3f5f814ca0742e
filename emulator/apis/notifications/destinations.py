"""Destinations: where an application's notifications go (an SQS queue or an EventBridge source).

Observed answers (reference §13 #16): a second destination for the same queue is a 409 `Conflict`;
deleting a destination that subscriptions still use is refused ("Destination has subscriptions");
a destination Amazon cannot write to is refused with 403, which the emulator reproduces when a
`DestinationProbe` (a real SQS or EventBridge endpoint) says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from emulator.apis.notifications.records import DESTINATIONS as TABLE
from emulator.apis.notifications.records import (
    Destination,
    EventBridgeTarget,
    SqsTarget,
    all_subscriptions,
    destinations,
)
from emulator.errors import Conflict, InvalidInput, NotFound, Unauthorized
from emulator.state import IdFactory, Store

PARTNER_SOURCE = "aws.partner/sellingpartnerapi.amazon.com/{account}/{application}"


@dataclass(frozen=True, slots=True)
class DestinationProbe:
    """How createDestination learns whether Amazon could write to a destination: `check` answers a
    problem text, or None when it can. Without a probe every well-formed destination is accepted."""

    check: Callable[[Destination], str | None]


def create(
    store: Store,
    ids: IdFactory,
    application_id: str,
    body: dict[str, Any],
    probe: DestinationProbe | None,
) -> Destination:
    """A new destination from a `CreateDestinationRequest` (already checked against the model)."""
    spec = body["resourceSpecification"]
    if ("sqs" in spec) == ("eventBridge" in spec):
        raise InvalidInput(
            "Exactly one of sqs or eventBridge is required.", "resourceSpecification: give one resource type"
        )
    destination = Destination(destination_id=ids.uuid(), application_id=application_id, name=body["name"])
    if "sqs" in spec:
        destination.sqs = _queue(spec["sqs"]["arn"])
    else:
        account, region = spec["eventBridge"]["accountId"], spec["eventBridge"]["region"]
        if not account.strip() or not region.strip():
            raise InvalidInput("accountId and region must not be empty.", "resourceSpecification.eventBridge")
        name = PARTNER_SOURCE.format(account=account, application=application_id)
        destination.event_bridge = EventBridgeTarget(region=region, account_id=account, name=name)
    _refuse_twin(store, destination)
    problem = probe.check(destination) if probe is not None else None
    if problem is not None:
        raise Unauthorized(details=problem)
    return destinations(store).table(TABLE).put(destination.destination_id, destination)


def _queue(arn: str) -> SqsTarget:
    parts = arn.split(":")
    if len(parts) != 6 or not all(parts[3:]):
        raise InvalidInput(
            "The SQS ARN is not valid.", f"arn={arn}; expected arn:aws:sqs:REGION:ACCOUNT_ID:QUEUE_NAME"
        )
    return SqsTarget(arn=arn)


def _refuse_twin(store: Store, new: Destination) -> None:
    for known in destinations(store).table(TABLE).values():
        if known.application_id != new.application_id:
            continue
        if new.sqs is not None and known.sqs == new.sqs:
            what = f"arn {new.sqs.arn}"
        elif new.event_bridge is not None and known.event_bridge == new.event_bridge:
            what = f"event source {new.event_bridge.name} in {new.event_bridge.region}"
        else:
            continue
        raise Conflict(
            "The requested resource conflict with a resource in the server.",
            f"A destination with {what} already exists for the application {new.application_id}",
            code="Conflict",
        )


def listed(store: Store, application_id: str) -> list[Destination]:
    """The application's destinations, oldest first."""
    return [d for d in destinations(store).table(TABLE).values() if d.application_id == application_id]


def get(store: Store, application_id: str, destination_id: str) -> Destination:
    """The application's destination, or 404 (another application's destination is not found either)."""
    found = find(store, application_id, destination_id)
    if found is None:
        raise NotFound(details=f"No destination with id {destination_id} for applicationId {application_id}")
    return found


def find(store: Store, application_id: str, destination_id: str) -> Destination | None:
    found = destinations(store).table(TABLE).get(destination_id)
    return found if found is not None and found.application_id == application_id else None


def delete(store: Store, application_id: str, destination_id: str) -> None:
    """Delete a destination no subscription uses any more."""
    get(store, application_id, destination_id)
    users = sorted(s.subscription_id for s in all_subscriptions(store) if s.destination_id == destination_id)
    if users:
        raise Unauthorized(
            "The requested action is forbidden.",
            f"Destination has subscriptions: delete subscription(s) {', '.join(users)} first",
        )
    destinations(store).table(TABLE).delete(destination_id)
