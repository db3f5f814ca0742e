"""The domain events of MCF orders: one per status change of an order, a shipment or a returned unit.

Each is recorded by the function that makes the change, with it, at the emulator instant it happens.
They carry what a FULFILLMENT_ORDER_STATUS notification needs (the seller and the instant are in the
event's envelope); statuses are spelled as Fulfillment Outbound 2020-07-01 spells them, and `previous`
is None when the thing was just created.
"""

from __future__ import annotations

import msgspec

from emulator.registry import domain_event
from emulator.state.events import DomainEvent


@domain_event
class OrderStatusChanged(DomainEvent, kw_only=True, frozen=True):
    """An order was created (`previous` None) or moved to another status."""

    order_id: str
    displayable_order_id: str
    marketplace_id: str
    previous: str | None
    status: str


class ShippedPackage(msgspec.Struct, kw_only=True, frozen=True, gc=False):
    """A package of a shipment as a shipment event lists it."""

    number: int
    carrier_code: str
    tracking_number: str


@domain_event
class ShipmentStatusChanged(DomainEvent, kw_only=True, frozen=True):
    """A shipment was created (PENDING), left the fulfilment centre (SHIPPED) or was cancelled."""

    order_id: str
    shipment_id: str
    previous: str | None
    status: str
    order_status: str
    """The order's status when the shipment changed."""
    estimated_arrival_at: float
    packages: tuple[ShippedPackage, ...]


@domain_event
class ReturnStatusChanged(DomainEvent, kw_only=True, frozen=True):
    """A returned unit was authorised (New) or received and graded by the fulfilment centre (Processed)."""

    order_id: str
    return_item_id: str
    authorization_id: str
    sku: str
    previous: str | None
    status: str
    order_status: str
    """The order's status when the unit's status changed."""
    received_condition: str | None = None
