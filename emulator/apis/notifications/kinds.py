"""The notification types the emulator knows: payload versions, transport and schema (reference §11).

Only the MCF-relevant types that Amazon publishes a payload schema for are supported; any other
`notificationType` is a 400 naming the supported ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulator.errors import InvalidInput

SQS = "sqs"
EVENT_BRIDGE = "eventBridge"


@dataclass(frozen=True, slots=True)
class Kind:
    """One notification type: its payload versions, how Amazon delivers it, its schema file."""

    name: str
    versions: tuple[str, ...]
    transport: str
    schema: str
    camel_case: bool = False

    @property
    def default_version(self) -> str:
        return self.versions[0]


KINDS = {
    kind.name: kind
    for kind in (
        Kind("FULFILLMENT_ORDER_STATUS", ("1.0",), SQS, "FulfillmentOrderStatusNotification.json"),
        Kind("FBA_OUTBOUND_SHIPMENT_STATUS", ("1.0",), SQS, "FBAOutboundShipmentStatusNotification.json"),
        Kind(
            "FBA_INVENTORY_AVAILABILITY_CHANGES",
            ("1.0",),
            SQS,
            "FBAInventoryAvailabilityChangeNotification.json",
        ),
        Kind(
            "REPORT_PROCESSING_FINISHED",
            ("2020-09-04",),
            SQS,
            "ReportProcessingFinishedNotification.json",
            camel_case=True,
        ),
        Kind(
            "LISTINGS_ITEM_STATUS_CHANGE", ("1.0",), EVENT_BRIDGE, "ListingsItemStatusChangeNotification.json"
        ),
        Kind(
            "LISTINGS_ITEM_ISSUES_CHANGE", ("1.0",), EVENT_BRIDGE, "ListingsItemIssuesChangeNotification.json"
        ),
    )
}


def kind_of(name: str) -> Kind:
    """The supported type `name`, or InvalidInput listing the supported ones."""
    found = KINDS.get(name)
    if found is None:
        raise InvalidInput(
            f"Notification type {name} is not supported.",
            f"notificationType={name}; the emulator supports {', '.join(sorted(KINDS))}",
        )
    return found


def check_version(kind: Kind, version: str) -> None:
    """InvalidInput unless `version` is a payload version of `kind`."""
    if version not in kind.versions:
        raise InvalidInput(
            f"Payload version {version} is not valid for {kind.name}.",
            f"payloadVersion={version}; valid: {', '.join(kind.versions)}",
        )
