"""Destinations (per application) and subscriptions (per application, seller, type and payload version).

Destinations belong to an application, not to a seller: they live in a partition of their own
(`PARTITION`), so resetting one seller keeps them while a full reset forgets them. Subscriptions act
for a seller and live in that seller's partition, keyed by subscription id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

from emulator.registry import table
from emulator.state import Store, TenantState
from emulator.state.records import Record, TableSpec

PARTITION = "_notifications"


class SqsTarget(Record):
    """An SQS queue, named by its ARN `arn:aws:sqs:{region}:{account}:{queue}`."""

    arn: str

    @property
    def parts(self) -> tuple[str, str, str]:
        """(region, account id, queue name)."""
        _, _, _, region, account, name = self.arn.split(":", 5)
        return region, account, name


class EventBridgeTarget(Record):
    """A partner event source in an AWS account and region."""

    region: str
    account_id: str
    name: str


class Destination(Record):
    destination_id: str
    application_id: str
    name: str
    sqs: SqsTarget | None = None
    event_bridge: EventBridgeTarget | None = None

    @property
    def transport(self) -> str:
        return "sqs" if self.sqs is not None else "eventBridge"

    def wire(self) -> dict[str, Any]:
        """The model's `Destination`."""
        resource: dict[str, Any] = {}
        if self.sqs is not None:
            resource["sqs"] = {"arn": self.sqs.arn}
        if self.event_bridge is not None:
            target = self.event_bridge
            resource["eventBridge"] = {
                "name": target.name,
                "region": target.region,
                "accountId": target.account_id,
            }
        return {"destinationId": self.destination_id, "name": self.name, "resource": resource}


class AggregationSettings(Record, rename="camel"):
    aggregation_time_period: str


class EventFilter(Record, rename="camel"):
    """The model's `EventFilter`, as the subscriber gave it."""

    event_filter_type: str
    marketplace_ids: list[str] | None = None
    aggregation_settings: AggregationSettings | None = None
    order_change_types: list[str] | None = None


class ProcessingDirective(Record, rename="camel"):
    event_filter: EventFilter


class Subscription(Record):
    subscription_id: str
    application_id: str
    seller_id: str
    notification_type: str
    payload_version: str
    destination_id: str
    created_at: float
    processing_directive: ProcessingDirective | None = None

    def wire(self) -> dict[str, Any]:
        """The model's `Subscription`."""
        out: dict[str, Any] = {
            "subscriptionId": self.subscription_id,
            "payloadVersion": self.payload_version,
            "destinationId": self.destination_id,
        }
        if self.processing_directive is not None:
            out["processingDirective"] = msgspec.to_builtins(self.processing_directive)
        return out


DESTINATIONS = table(TableSpec("notification_destinations", Destination))
SUBSCRIPTIONS = table(TableSpec("notification_subscriptions", Subscription))


def destinations(store: Store) -> TenantState:
    """The partition holding every application's destinations."""
    return store.tenant(PARTITION)


def all_subscriptions(store: Store) -> Iterator[Subscription]:
    """Every seller's subscriptions (grantless calls name a subscription by id only)."""
    for seller_id in store.sellers():
        if seller_id != PARTITION:
            yield from store.tenant(seller_id).table(SUBSCRIPTIONS).values()


def subscriptions_of(tenant: TenantState, notification_type: str) -> list[Subscription]:
    """One seller's subscriptions to `notification_type`, oldest first (every application's)."""
    found = [s for s in tenant.table(SUBSCRIPTIONS).values() if s.notification_type == notification_type]
    return sorted(found, key=lambda s: (s.created_at, s.subscription_id))
