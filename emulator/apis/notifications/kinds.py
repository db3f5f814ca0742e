"""The notification types the emulator knows: payload versions, transport and schema (reference §11).

The six MCF-relevant types Amazon publishes a payload schema for are emitted (`schema` set) and
bound to their transport. Amazon's other documented types can be subscribed to (so subscription
management behaves as on Amazon) but are never emitted; a name Amazon does not document is a 400.
`event_filter` names the `eventFilterType` a type accepts in its processing directive.
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
    transport: str | None = None  # None: either (the type is never emitted)
    schema: str | None = None  # None: never emitted
    camel_case: bool = False
    event_filter: str | None = None

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
_SUBSCRIBABLE = {
    "ANY_OFFER_CHANGED": "ANY_OFFER_CHANGED",
    "B2B_ANY_OFFER_CHANGED": "ANY_OFFER_CHANGED",
    "ORDER_CHANGE": "ORDER_CHANGE",
    "ACCOUNT_STATUS_CHANGED": None,
    "BRANDED_ITEM_CONTENT_CHANGE": None,
    "DETAIL_PAGE_TRAFFIC_EVENT": None,
    "EXTERNAL_FULFILLMENT_SHIPMENT_STATUS_CHANGE": None,
    "FEE_PROMOTION": None,
    "ITEM_INVENTORY_EVENT_CHANGE": None,
    "ITEM_PRODUCT_TYPE_CHANGE": None,
    "ITEM_SALES_EVENT_CHANGE": None,
    "LISTINGS_ITEM_MFN_QUANTITY_CHANGE": None,
    "MFN_ORDER_STATUS_CHANGE": None,
    "ORDER_STATUS_CHANGE": None,
    "PRICING_HEALTH": None,
    "PRODUCT_TYPE_DEFINITIONS_CHANGE": None,
    "TRANSACTION_UPDATE": None,
}
KINDS.update({name: Kind(name, ("1.0",), event_filter=kind) for name, kind in _SUBSCRIBABLE.items()})
KINDS["FEED_PROCESSING_FINISHED"] = Kind("FEED_PROCESSING_FINISHED", ("2020-09-04",))


def kind_of(name: str) -> Kind:
    """The supported type `name`, or InvalidInput listing the supported ones."""
    found = KINDS.get(name)
    if found is None:
        raise InvalidInput(
            f"Notification type {name} is not valid.",
            f"notificationType={name}; valid types: {', '.join(sorted(KINDS))}",
        )
    return found


def check_version(kind: Kind, version: str) -> None:
    """InvalidInput unless `version` is a payload version of `kind`."""
    if version not in kind.versions:
        raise InvalidInput(
            f"Payload version {version} is not valid for {kind.name}.",
            f"payloadVersion={version}; valid: {', '.join(kind.versions)}",
        )
