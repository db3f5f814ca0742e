"""The domain events of Inbound: a plan's and a shipment's status changes (ready for Notifications).

Unit moves record inventory's own `InventoryAvailabilityChanged` through `apis/inventory/service.py`.
"""

from __future__ import annotations

from emulator.registry import domain_event
from emulator.state.events import DomainEvent


@domain_event
class InboundPlanStatusChanged(DomainEvent, kw_only=True, frozen=True):
    """A plan was created (`previous` None), voided, shipped or errored."""

    inbound_plan_id: str
    marketplace_id: str
    previous: str | None
    status: str


@domain_event
class InboundShipmentStatusChanged(DomainEvent, kw_only=True, frozen=True):
    """A confirmed shipment of an inbound plan moved to another status (offered ones are not announced)."""

    inbound_plan_id: str
    shipment_id: str
    shipment_confirmation_id: str | None
    marketplace_id: str
    warehouse_id: str
    previous: str
    status: str
