"""Notifications v1: the 10 operations (reference §11.1).

Destinations and subscriptions by id are grantless (the edge checks the client_credentials token and
its notifications scope); createSubscription, getSubscription and getSubscriptions act for the calling
seller. Every operation answers for the calling application only.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.notifications import destinations, subscriptions
from emulator.apis.notifications.destinations import DestinationProbe
from emulator.apis.notifications.events import TestNotificationRequested
from emulator.apis.notifications.kinds import check_version, kind_of
from emulator.apis.notifications.records import destinations as partition
from emulator.context import Call
from emulator.errors import InvalidInput
from emulator.registry import operation


@operation("createDestination")
def create_destination(call: Call) -> dict[str, Any]:
    """An SQS or EventBridge destination of the calling application (checked at the endpoint, if any)."""
    app = call.caller.application_id
    found = destinations.create(call.store, call.ids, app, call.body, call.ports.get(DestinationProbe))
    return {"payload": found.wire()}


@operation("getDestinations")
def get_destinations(call: Call) -> dict[str, Any]:
    """The calling application's destinations."""
    return {"payload": [d.wire() for d in destinations.listed(call.store, call.caller.application_id)]}


@operation("getDestination")
def get_destination(call: Call) -> dict[str, Any]:
    """One destination of the calling application."""
    found = destinations.get(call.store, call.caller.application_id, call.params["destinationId"])
    return {"payload": found.wire()}


@operation("deleteDestination")
def delete_destination(call: Call) -> dict[str, Any]:
    """Deletes a destination that no subscription uses."""
    destinations.delete(call.store, call.caller.application_id, call.params["destinationId"])
    return {}


@operation("createSubscription")
def create_subscription(call: Call) -> dict[str, Any]:
    """Subscribes the calling seller to a notification type (409 when already subscribed)."""
    found = subscriptions.create(
        call.store,
        call.tenant,
        call.clock,
        call.ids,
        call.caller.application_id,
        call.params["notificationType"],
        call.body,
    )
    return {"payload": found.wire()}


@operation("getSubscription")
def get_subscription(call: Call) -> dict[str, Any]:
    """The calling seller's subscription to a notification type."""
    found = subscriptions.get(
        call.tenant,
        call.caller.application_id,
        call.params["notificationType"],
        call.params.get("payloadVersion"),
    )
    return {"payload": found.wire()}


@operation("getSubscriptions")
def get_subscriptions(call: Call) -> dict[str, Any]:
    """The calling seller's subscriptions to one notification type, in pages."""
    types = call.params.get("notificationTypes") or []
    if len(types) != 1:
        raise InvalidInput("Exactly one notification type is required.", "notificationTypes")
    kind = kind_of(types[0])
    found = subscriptions.of_seller(
        call.tenant, call.caller.application_id, kind, call.params.get("payloadVersion")
    )
    page_size = call.params.get("pageSize") or 30
    return {"payload": subscriptions.page(found, page_size, call.params.get("nextToken"))}


def _named(call: Call) -> tuple[str, str, str]:
    """(application, notification type, subscription id) of a call that names a subscription by id."""
    return call.caller.application_id, call.params["notificationType"], call.params["subscriptionId"]


@operation("getSubscriptionById")
def get_subscription_by_id(call: Call) -> dict[str, Any]:
    """A subscription of the calling application, by id (grantless)."""
    return {"payload": subscriptions.by_id(call.store, *_named(call)).wire()}


@operation("deleteSubscriptionById")
def delete_subscription_by_id(call: Call) -> dict[str, Any]:
    """Deletes a subscription of the calling application, by id (grantless)."""
    subscriptions.delete(call.store, *_named(call))
    return {}


@operation("sendTestNotification")
def send_test_notification(call: Call) -> dict[str, Any]:
    """Sends a sample notification of the type to one of the application's destinations."""
    kind = kind_of(call.params["notificationType"])
    if kind.schema is None:
        raise InvalidInput(
            f"Test notifications of {kind.name} are not available.",
            "notificationType: the emulator sends test notifications of the types it emits",
        )
    body = call.body or {}
    test = body.get("testNotification") or {}
    scenario = test.get("testScenario") or ""
    if not body.get("destinationId") or not test:
        raise InvalidInput("destinationId and testNotification are required.", "body")
    if not scenario.strip():
        raise InvalidInput("testScenario must not be empty.", "testNotification.testScenario")
    check_version(kind, test["payloadVersion"])
    destination = destinations.get(call.store, call.caller.application_id, body["destinationId"])
    event = TestNotificationRequested(
        application_id=call.caller.application_id,
        destination_id=destination.destination_id,
        notification_type=kind.name,
        payload_version=test["payloadVersion"],
        scenario=scenario,
    )
    partition(call.store).record(call.clock.timestamp(), event)
    return {"payload": {"notificationType": kind.name, "destinationId": destination.destination_id}}
