"""The states the transport side's steps need, each refused with a message naming what is missing."""

from __future__ import annotations

from emulator.apis.inbound import operations
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound.refusals import bad_request, out_of_order
from emulator.apis.inbound.shipments import Shipment, ShipmentStatus
from emulator.apis.inbound.transport_records import Logistics, TransportOption
from emulator.errors import SpApiError
from emulator.state import TenantState

S = ShipmentStatus
BEFORE_SHIPPING = (S.WORKING, S.READY_TO_SHIP)
MOVED_ON = operations.failed(
    "ShipmentNotOpen", "The shipment has moved on or ended since the request; nothing was changed."
)


def _about(shipment: Shipment) -> str:
    return f"shipmentId={shipment.shipment_id}"


def ended(shipment: Shipment, doing: str) -> SpApiError:
    """The 400 for a step a shipment in its current status can no longer take."""
    return bad_request(f"The shipment is {shipment.status}: it is too late to {doing}.", _about(shipment))


def confirmed(tenant: TenantState, plan_id: str, shipment_id: str, doing: str) -> Shipment:
    """The plan's shipment once its placement is confirmed (a shipment of an open placement is refused)."""
    shipment = facade.require_shipment(tenant, plan_id, shipment_id)
    if shipment.status is S.UNCONFIRMED:
        raise out_of_order(doing, "confirmPlacementOption", _about(shipment))
    if shipment.status in (S.CANCELLED, S.DELETED):
        raise ended(shipment, doing)
    return shipment


def not_shipped(tenant: TenantState, plan_id: str, shipment_id: str, doing: str) -> Shipment:
    """A confirmed shipment that has not left yet (WORKING or READY_TO_SHIP)."""
    shipment = confirmed(tenant, plan_id, shipment_id, doing)
    if shipment.status not in BEFORE_SHIPPING:
        raise ended(shipment, doing)
    return shipment


def chosen(logistics: Logistics, doing: str) -> TransportOption:
    """The confirmed transportation option, or the 400 naming confirmTransportationOptions."""
    if logistics.chosen is None:
        raise out_of_order(doing, "confirmTransportationOptions", f"shipmentId={logistics.shipment_id}")
    return logistics.chosen


def still(
    tenant: TenantState,
    plan_id: str,
    shipment_id: str,
    statuses: tuple[ShipmentStatus, ...] = BEFORE_SHIPPING,
) -> Shipment | None:
    """At an operation's end: the shipment if it is still in one of `statuses` (else the job FAILS,
    `MOVED_ON`)."""
    found = facade.find_shipment(tenant, plan_id, shipment_id)
    return found if found is not None and found.status in statuses else None
