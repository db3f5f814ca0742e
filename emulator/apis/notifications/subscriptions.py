"""Subscriptions: one per (application, seller, notification type, payload version).

A second create for the same type and version is a 409 `StateConflict` (reference §11.1); another
payload version of the same type may coexist, as Amazon documents. A `processingDirective` is kept
where the type takes one: an `eventFilter` of the type's own `eventFilterType` (ANY_OFFER_CHANGED,
ORDER_CHANGE). The MCF types take none, and CEL `filterExpression`s are not evaluated by the
emulator, so either is a 400 naming the field.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.notifications import destinations
from emulator.apis.notifications.kinds import Kind, check_version, kind_of
from emulator.apis.notifications.records import (
    SUBSCRIPTIONS,
    ProcessingDirective,
    Subscription,
    all_subscriptions,
    subscriptions_of,
)
from emulator.context import page_token, page_token_data
from emulator.errors import Conflict, InvalidInput, NotFound
from emulator.state import Clock, IdFactory, Store, TenantState


def create(
    store: Store,
    tenant: TenantState,
    clock: Clock,
    ids: IdFactory,
    application_id: str,
    notification_type: str,
    body: dict[str, Any],
) -> Subscription:
    """A new subscription of the calling seller, from a `CreateSubscriptionRequest`."""
    kind = kind_of(notification_type)
    version = body["payloadVersion"]
    check_version(kind, version)
    directive = _directive(kind, body.get("processingDirective"))
    destination_id = body["destinationId"]
    destination = destinations.find(store, application_id, destination_id)
    if destination is None:
        raise InvalidInput(
            "Request has missing or invalid parameters and cannot be parsed.",
            f"No destination with id {destination_id} for applicationId {application_id}",
        )
    if kind.transport is not None and destination.transport != kind.transport:
        raise InvalidInput(
            f"{kind.name} notifications are delivered to {kind.transport} destinations only.",
            f"destinationId={destination_id} is a {destination.transport} destination",
        )
    if any(_mine(s, application_id, version) for s in subscriptions_of(tenant, kind.name)):
        raise Conflict(details=f"A subscription to {kind.name} (payload version {version}) already exists.")
    subscription = Subscription(
        subscription_id=ids.uuid(),
        application_id=application_id,
        seller_id=tenant.seller_id,
        notification_type=kind.name,
        payload_version=version,
        destination_id=destination_id,
        created_at=clock.timestamp(),
        processing_directive=directive,
    )
    return tenant.table(SUBSCRIPTIONS).put(subscription.subscription_id, subscription)


def _directive(kind: Kind, given: dict[str, Any] | None) -> ProcessingDirective | None:
    """The processing directive to keep, or InvalidInput naming what the type does not take."""
    if given is None:
        return None
    event_filter = given.get("eventFilter")
    if "filterExpression" in given or event_filter is None:
        raise InvalidInput(
            "processingDirective.filterExpression is not supported.",
            "processingDirective: the emulator keeps eventFilter directives only",
        )
    if kind.event_filter is None or event_filter["eventFilterType"] != kind.event_filter:
        allowed = (
            f"only eventFilterType {kind.event_filter}" if kind.event_filter else "no processing directive"
        )
        raise InvalidInput(
            f"processingDirective is not valid for {kind.name}.",
            f"processingDirective: {kind.name} takes {allowed}",
        )
    try:
        return msgspec.convert(given, ProcessingDirective)
    except msgspec.ValidationError as error:
        raise InvalidInput("processingDirective is not valid.", f"processingDirective: {error}") from None


def _mine(subscription: Subscription, application_id: str, version: str | None) -> bool:
    return subscription.application_id == application_id and version in (None, subscription.payload_version)


def of_seller(
    tenant: TenantState, application_id: str, kind: Kind, version: str | None
) -> list[Subscription]:
    """The calling application's subscriptions of one seller to `kind` (one payload version, or all)."""
    if version is not None:
        check_version(kind, version)
    return [s for s in subscriptions_of(tenant, kind.name) if _mine(s, application_id, version)]


def get(
    tenant: TenantState, application_id: str, notification_type: str, version: str | None
) -> Subscription:
    """The seller's subscription to a type (the oldest when several payload versions exist), or 404."""
    found = of_seller(tenant, application_id, kind_of(notification_type), version)
    if not found:
        raise NotFound(details=f"No subscription found for notificationType {notification_type}.")
    return found[0]


def page(found: list[Subscription], page_size: int, token: str | None) -> dict[str, Any]:
    """One page of `found` and, when more follow, the `nextToken` that continues it."""
    start = _offset(token, len(found)) if token else 0
    payload: dict[str, Any] = {"subscriptions": [s.wire() for s in found[start : start + page_size]]}
    if start + page_size < len(found):
        payload["nextToken"] = page_token(f"offset:{start + page_size}".encode())
    return payload


def _offset(token: str, total: int) -> int:
    try:
        text = page_token_data(token).decode()
        offset = int(text.removeprefix("offset:")) if text.startswith("offset:") else -1
    except ValueError:  # a character or length no token has, or bytes that are not text
        offset = -1
    if not 0 <= offset <= total:
        raise InvalidInput("The nextToken is not valid.", f"nextToken={token}")
    return offset


def by_id(store: Store, application_id: str, notification_type: str, subscription_id: str) -> Subscription:
    """A subscription of the calling application, by id; another application's is not found."""
    kind = kind_of(notification_type)
    for subscription in all_subscriptions(store):
        if subscription.subscription_id == subscription_id:
            if subscription.application_id == application_id and subscription.notification_type == kind.name:
                return subscription
            break
    raise NotFound(
        details=f"No subscription {subscription_id} for notificationType {notification_type} "
        f"and applicationId {application_id}"
    )


def delete(store: Store, application_id: str, notification_type: str, subscription_id: str) -> None:
    found = by_id(store, application_id, notification_type, subscription_id)
    store.tenant(found.seller_id).table(SUBSCRIPTIONS).delete(subscription_id)
