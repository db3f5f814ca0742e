"""Amazon's notification payload schemas, with their known quirks handled explicitly (reference §11.3).

Every notification is checked against its type's schema before it leaves. The published schemas have
flaws that would reject every real notification or accept wrong ones; each fix below is named, and
each either removes a requirement no real notification can meet or adds a check the documentation
states. None turns validation off.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema_rs
import orjson

from emulator.apis.notifications.kinds import Kind
from emulator.edge.schemas import describe

Schema = dict[str, Any]
SCHEMA_DIR = Path("schemas") / "notifications"

ORDER_STATUSES = [
    "Received",
    "Invalid",
    "Planning",
    "Processing",
    "Cancelled",
    "Complete",
    "CompletePartialled",
    "Unfulfillable",
]
SHIPMENT_STATUSES = ["Pending", "Shipped", "CancelledByFulfiller", "CancelledBySeller"]


def _fulfillment_order_status(schema: Schema) -> None:
    """`required` names the Shipment and Return objects for every event (each exists for one event
    type only) and a `FulfillmentShipment.info` no notification carries; the packages array declares
    its item under `properties`. Statuses and event types get the enums the documentation lists."""
    body = schema["properties"]["Payload"]["properties"]["FulfillmentOrderStatusNotification"]
    body["required"] = [
        r for r in body["required"] if r not in ("FulfillmentShipment", "FulfillmentReturnItem")
    ]
    body["allOf"] = [
        {
            "if": {"properties": {"EventType": {"const": event}}},
            "then": {"required": [part]},
            "else": {"not": {"required": [part]}},
        }
        for event, part in (("Shipment", "FulfillmentShipment"), ("Return", "FulfillmentReturnItem"))
    ]
    fields = body["properties"]
    fields["EventType"]["enum"] = ["Order", "Shipment", "Return"]
    fields["FulfillmentOrderStatus"]["enum"] = ORDER_STATUSES
    shipment = fields["FulfillmentShipment"]
    shipment["required"] = [r for r in shipment["required"] if r != "info"]
    shipment["properties"]["FulfillmentShipmentStatus"]["enum"] = SHIPMENT_STATUSES
    packages = shipment["properties"]["FulfillmentShipmentPackages"]
    packages["items"] = packages.pop("properties")["FulfillmentShipmentPackageItem"]
    packages.pop("additionalItems", None)


def _listings_item_status(schema: Schema) -> None:
    """The `NotificationType` enum spells the type `LISTINGS_ITEM_STATUS_CHANGED`; Amazon's
    documentation, its example and the subscription name say `LISTINGS_ITEM_STATUS_CHANGE`."""
    schema["properties"]["NotificationType"]["enum"] = ["LISTINGS_ITEM_STATUS_CHANGE"]


def _inventory_availability(schema: Schema) -> None:
    """The schema declares no `NotificationMetadata` and requires no root field; production sends the
    usual envelope, so the envelope is required as for every other type."""
    schema["required"] = ["NotificationVersion", "NotificationType", "PayloadVersion", "EventTime", "Payload"]
    schema["required"].append("NotificationMetadata")
    schema["properties"]["NotificationMetadata"] = {
        "type": "object",
        "required": ["ApplicationId", "SubscriptionId", "PublishTime", "NotificationId"],
        "properties": {
            name: {"type": "string"}
            for name in ("ApplicationId", "SubscriptionId", "PublishTime", "NotificationId")
        },
    }


QUIRKS: dict[str, Callable[[Schema], None]] = {
    "FulfillmentOrderStatusNotification.json": _fulfillment_order_status,
    "ListingsItemStatusChangeNotification.json": _listings_item_status,
    "FBAInventoryAvailabilityChangeNotification.json": _inventory_availability,
}


def corrected(schema: Schema, file_name: str) -> Schema:
    """A copy of a published schema with its known quirks fixed."""
    fixed = copy.deepcopy(schema)
    fix = QUIRKS.get(file_name)
    if fix is not None:
        fix(fixed)
    return fixed


class Schemas:
    """One compiled validator per notification type, loaded from the models directory on first use."""

    def __init__(self, models_dir: Path) -> None:
        self.directory = models_dir / SCHEMA_DIR
        self._validators: dict[str, Any] = {}

    def problems(self, kind: Kind, document: Any) -> list[str]:
        """What in `document` breaks the (corrected) schema of `kind`; empty when it is valid."""
        validator = self._validators.get(kind.name)
        if kind.schema is None:
            return [f"{kind.name} has no payload schema: the emulator does not emit it"]
        if validator is None:
            raw = orjson.loads((self.directory / kind.schema).read_bytes())
            validator = jsonschema_rs.Draft7Validator(corrected(raw, kind.schema), validate_formats=True)
            self._validators[kind.name] = validator
        return [describe(e) for e in validator.iter_errors(document)]
