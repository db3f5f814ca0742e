"""Notification helpers of the test handle: read the outbox, wait for a notification, inject
delivery faults. In-process, like every handle action.

    spapi_emulator.wait_for_notification("FULFILLMENT_ORDER_STATUS",
        lambda n: n["Payload"]["FulfillmentOrderStatusNotification"]["FulfillmentOrderStatus"] == "Complete")
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson

from emulator.notifications.faults import DeliveryFaults
from emulator.notifications.outbox import OutboxQuery

if TYPE_CHECKING:
    from emulator.app import EmulatorApp

Match = Callable[[dict[str, Any]], bool]


class NotificationActions:
    """Mixin for `EmulatorHandle`: the outbox and delivery faults."""

    app: EmulatorApp

    def notifications(
        self,
        notification_type: str | None = None,
        seller_id: str | None = None,
        status: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[dict[str, Any]]:
        """Outbox entries (oldest first) that pass the filters: each has `status`, `attempts` and the
        delivered document under `notification`."""
        query = OutboxQuery(
            notification_type,
            seller_id,
            status,
            since.timestamp() if since else None,
            until.timestamp() if until else None,
        )
        return self.app.notifications.outbox.query(query)

    def wait_for_notification(
        self,
        notification_type: str,
        match: Match | None = None,
        *,
        status: str | None = None,
        timeout: float = 5.0,
    ) -> dict[str, Any]:
        """The first outbox entry of `notification_type` whose document satisfies `match` (and has
        `status`, e.g. "delivered"), waiting up to `timeout` seconds; AssertionError listing what did
        arrive otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            arrived = self.notifications(notification_type)
            for entry in arrived:
                if (match is None or match(entry["notification"])) and status in (None, entry["status"]):
                    return entry
            if time.monotonic() >= deadline:
                seen = "\n".join(
                    f"  [{e['status']}] {orjson.dumps(e['notification']).decode()}" for e in arrived
                )
                raise AssertionError(
                    f"no matching {notification_type} notification within {timeout:g} s; "
                    f"{len(arrived)} arrived:\n{seen or '  (none)'}"
                )
            time.sleep(0.02)

    @contextmanager
    def delivery_faults(self, **faults: Any) -> Iterator[DeliveryFaults]:
        """Delivery faults inside the block (`delayMs`, `drop`, `duplicate`, `reorder`,
        `notificationTypes`, `seed`, as the control API takes them); none afterwards."""
        dice = self.app.notifications.faults
        dice.set(DeliveryFaults.parse(faults))
        try:
            yield dice.faults
        finally:
            dice.clear()
