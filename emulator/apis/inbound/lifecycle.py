"""Shipments on the clock, and their units through FBA inventory's inbound buckets (reference §10.3).

    WORKING            units enter `inbound_working`            (placement confirmed)
    READY_TO_SHIP      -                                        (transportation confirmed)
    SHIPPED            working -> `inbound_shipped`             (tracking given)
    IN_TRANSIT, DELIVERED, CHECKED_IN                           (the clock, `timings`)
    RECEIVING          shipped -> `inbound_receiving`
    CLOSED             receiving -> fulfillable (damaged: carrier_damaged); short units withdrawn,
                       over-received units added first (`receipts`)
    CANCELLED          a confirmed shipment's working units are withdrawn; DELETED: one never confirmed

Every unit moves through `apis/inventory/service.py`, which records `InventoryAvailabilityChanged`;
every status change records `InboundShipmentStatusChanged`. A SKU deleted meanwhile simply moves nothing.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import receipts, timings
from emulator.apis.inbound.events import InboundPlanStatusChanged, InboundShipmentStatusChanged
from emulator.apis.inbound.records import PLANS, SHIPMENTS, InboundPlan, PlanStatus, Shipment, ShipmentStatus
from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.events import StockMove
from emulator.apis.inventory.records import Bucket
from emulator.registry import transition
from emulator.state import Store, TenantState

ADVANCE = "inbound.shipment.advance"
S = ShipmentStatus
# status -> (the next status on the clock, the timing field that delays it)
_NEXT = {
    S.SHIPPED: (S.IN_TRANSIT, "in_transit_after"),
    S.IN_TRANSIT: (S.DELIVERED, "delivered_after"),
    S.DELIVERED: (S.CHECKED_IN, "checked_in_after"),
    S.CHECKED_IN: (S.RECEIVING, "receiving_after"),
    S.RECEIVING: (S.CLOSED, "closed_after"),
}


def change_plan(tenant: TenantState, now: float, plan: InboundPlan, status: PlanStatus | None) -> InboundPlan:
    """Keep `plan` (touched as of `now`) in `status`, recording the change; None: a new plan, ACTIVE."""
    previous = None if status is None else plan.status
    changed = msgspec.structs.replace(plan, status=status or PlanStatus.ACTIVE, updated_at=now)
    tenant.table(PLANS).put(changed.plan_id, changed)
    if previous != changed.status:
        event = InboundPlanStatusChanged(
            inbound_plan_id=plan.plan_id,
            marketplace_id=plan.marketplace_id,
            previous=previous,
            status=changed.status,
        )
        tenant.record(now, event)
    return changed


def change(tenant: TenantState, now: float, shipment: Shipment, status: ShipmentStatus) -> Shipment:
    """Keep `shipment` in `status` (as of `now`) and record the change."""
    previous = shipment.status
    changed = msgspec.structs.replace(shipment, status=status, updated_at=now)
    tenant.table(SHIPMENTS).put(changed.shipment_id, changed)
    tenant.record(
        now,
        InboundShipmentStatusChanged(
            inbound_plan_id=changed.plan_id,
            shipment_id=changed.shipment_id,
            shipment_confirmation_id=changed.shipment_confirmation_id,
            marketplace_id=changed.marketplace_id,
            warehouse_id=changed.destination.warehouse_id,
            previous=previous,
            status=status,
        ),
    )
    return changed


def confirm(tenant: TenantState, now: float, shipment: Shipment) -> Shipment:
    """UNCONFIRMED -> WORKING: the shipment's units enter `inbound_working`."""
    for line in shipment.items:
        if inventory.find(tenant, shipment.marketplace_id, line.msku) is not None:
            inventory.add(
                tenant, now, shipment.marketplace_id, line.msku, line.quantity, Bucket.INBOUND_WORKING
            )
    return change(tenant, now, shipment, S.WORKING)


def dispatch(store: Store, tenant: TenantState, now: float, shipment: Shipment) -> Shipment:
    """READY_TO_SHIP -> SHIPPED: units move to `inbound_shipped`, and the clock takes it from here."""
    _move_all(tenant, now, shipment, Bucket.INBOUND_WORKING, Bucket.INBOUND_SHIPPED)
    shipped = change(tenant, now, shipment, S.SHIPPED)
    _schedule(store, tenant, now, shipped)
    return shipped


def cancel(tenant: TenantState, now: float, shipment: Shipment) -> Shipment:
    """A shipment not yet shipped ends: CANCELLED (its working units withdrawn) or DELETED if unconfirmed."""
    if shipment.status is S.UNCONFIRMED:
        return change(tenant, now, shipment, S.DELETED)
    for line in shipment.items:
        item = inventory.find(tenant, shipment.marketplace_id, line.msku)
        inventory.withdraw(tenant, now, item, Bucket.INBOUND_WORKING, line.quantity, StockMove.WITHDRAWN)
    return change(tenant, now, shipment, S.CANCELLED)


def _move_all(tenant: TenantState, now: float, shipment: Shipment, source: Bucket, target: Bucket) -> None:
    for line in shipment.items:
        item = inventory.find(tenant, shipment.marketplace_id, line.msku)
        inventory.move(tenant, now, item, source, target, line.quantity, StockMove.INBOUND)


def _schedule(store: Store, tenant: TenantState, now: float, shipment: Shipment) -> None:
    """Schedule the shipment's next step on the clock, if it has one."""
    step = _NEXT.get(shipment.status)
    if step is not None:
        delay: float = getattr(timings.load(store), step[1])
        payload = {"shipment_id": shipment.shipment_id, "status": str(shipment.status)}
        store.scheduler.schedule(now + delay, ADVANCE, tenant.seller_id, payload)


@transition(ADVANCE)
def advance(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """Move a shipment one step on the clock, if nothing else moved it meanwhile."""
    tenant = store.tenant(seller_id)
    shipment = tenant.table(SHIPMENTS).get(str(payload["shipment_id"]))
    if shipment is None or shipment.status != payload["status"]:
        return
    target = _NEXT[shipment.status][0]
    if target is S.RECEIVING:
        _move_all(tenant, due, shipment, Bucket.INBOUND_SHIPPED, Bucket.INBOUND_RECEIVING)
    elif target is S.CLOSED:
        shipment = receipts.receive(tenant, due, shipment)
    _schedule(store, tenant, due, change(tenant, due, shipment, target))


def discard_unconfirmed(tenant: TenantState, plan_id: str, keep: frozenset[str] = frozenset()) -> None:
    """Forget the plan's UNCONFIRMED shipments (those of placement options not chosen), but `keep`."""
    table = tenant.table(SHIPMENTS)
    for shipment in list(table.values()):
        unconfirmed = shipment.status is S.UNCONFIRMED
        if shipment.plan_id == plan_id and unconfirmed and shipment.shipment_id not in keep:
            table.delete(shipment.shipment_id)
