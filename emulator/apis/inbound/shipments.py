"""The facade other Inbound modules (transportation, v0) read plans and shipments through.

Stable: names are added here, never renamed. Lookups return None for what does not exist (`find_*`) or
raise Inbound's 404 `NotFound` with Amazon's wording (`require_*`). `ready_to_ship` and `shipped` are the
two steps the transportation side drives; from `shipped` on the clock moves the shipment to CLOSED.
Modules that show more on a shipment (`getShipment`) or may forbid a cancellation register with
`shows_on_shipment` and `guards_cancel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from emulator.apis.inbound import lifecycle
from emulator.apis.inbound.records import (
    PLANS,
    SHIPMENTS,
    InboundPlan,
    Pallet,
    PlanStatus,
    Shipment,
    ShipmentStatus,
)
from emulator.apis.inbound.refusals import (
    PLAN_MISSING,
    SHIPMENT_MISSING,
    bad_request,
    missing,
    out_of_order,
)
from emulator.state import Store, TenantState

__all__ = [
    "InboundPlan",
    "Shipment",
    "ShipmentStatus",
    "all_shipments",
    "find_plan",
    "find_shipment",
    "guards_cancel",
    "ready_to_ship",
    "require_plan",
    "require_shipment",
    "set_pallets",
    "shipments_of",
    "shipped",
    "shows_on_shipment",
]

ShipmentView = Callable[[TenantState, Shipment], dict[str, Any]]
CancelGuard = Callable[[TenantState, float, InboundPlan], None]
SHIPMENT_VIEWS: list[ShipmentView] = []  # code, bound at import
CANCEL_GUARDS: list[CancelGuard] = []


def shows_on_shipment(view: ShipmentView) -> ShipmentView:
    """`view(tenant, shipment)` returns fields getShipment adds to the core's (camelCase, model names)."""
    if view not in SHIPMENT_VIEWS:
        SHIPMENT_VIEWS.append(view)
    return view


def guards_cancel(guard: CancelGuard) -> CancelGuard:
    """`guard(tenant, now, plan)` raises an SpApiError when cancelInboundPlan must be refused."""
    if guard not in CANCEL_GUARDS:
        CANCEL_GUARDS.append(guard)
    return guard


def find_plan(tenant: TenantState, plan_id: str) -> InboundPlan | None:
    return tenant.table(PLANS).get(plan_id)


def require_plan(tenant: TenantState, plan_id: str) -> InboundPlan:
    """The plan, or 404 NotFound (no such plan of this seller)."""
    plan = find_plan(tenant, plan_id)
    if plan is None:
        raise missing(PLAN_MISSING, f"inboundPlanId={plan_id}")
    return plan


def find_shipment(tenant: TenantState, plan_id: str, shipment_id: str) -> Shipment | None:
    """The shipment, if it belongs to the plan."""
    found = tenant.table(SHIPMENTS).get(shipment_id)
    return found if found is not None and found.plan_id == plan_id else None


def require_shipment(tenant: TenantState, plan_id: str, shipment_id: str) -> Shipment:
    """The shipment of an existing plan, or 404 NotFound."""
    require_plan(tenant, plan_id)
    found = find_shipment(tenant, plan_id, shipment_id)
    if found is None:
        raise missing(SHIPMENT_MISSING, f"shipmentId={shipment_id}")
    return found


def shipments_of(tenant: TenantState, plan_id: str) -> list[Shipment]:
    """The plan's shipments, in creation order (unconfirmed ones while placement is open)."""
    return [s for s in tenant.table(SHIPMENTS).values() if s.plan_id == plan_id]


def all_shipments(tenant: TenantState) -> Iterator[Shipment]:
    """Every shipment of the seller, in creation order."""
    return tenant.table(SHIPMENTS).values()


def set_pallets(tenant: TenantState, plan_id: str, shipment_id: str, pallets: tuple[Pallet, ...]) -> Shipment:
    """Keep the pallets a freight shipment travels on (listShipmentPallets shows them)."""
    shipment = require_shipment(tenant, plan_id, shipment_id)
    shipment.pallets = pallets
    return tenant.table(SHIPMENTS).put(shipment_id, shipment)


def ready_to_ship(tenant: TenantState, now: float, plan_id: str, shipment_id: str) -> Shipment:
    """WORKING -> READY_TO_SHIP (transportation confirmed); a shipment already past it is left as it is."""
    shipment = require_shipment(tenant, plan_id, shipment_id)
    if shipment.status is ShipmentStatus.UNCONFIRMED:
        raise out_of_order("ship this shipment", "confirmPlacementOption", f"shipmentId={shipment_id}")
    if shipment.status is not ShipmentStatus.WORKING:
        _refuse_ended(shipment)
        return shipment
    return lifecycle.change(tenant, now, shipment, ShipmentStatus.READY_TO_SHIP)


def shipped(tenant: TenantState, now: float, plan_id: str, shipment_id: str, store: Store) -> Shipment:
    """READY_TO_SHIP -> SHIPPED (tracking given); from then the clock moves it on. The plan becomes
    SHIPPED once none of its shipments waits to ship. `store` schedules the clock's steps."""
    shipment = require_shipment(tenant, plan_id, shipment_id)
    if shipment.status in (ShipmentStatus.UNCONFIRMED, ShipmentStatus.WORKING):
        raise out_of_order("ship this shipment", "confirmTransportationOptions", f"shipmentId={shipment_id}")
    if shipment.status is not ShipmentStatus.READY_TO_SHIP:
        _refuse_ended(shipment)
        return shipment
    shipment = lifecycle.dispatch(store, tenant, now, shipment)
    waiting = (ShipmentStatus.WORKING, ShipmentStatus.READY_TO_SHIP)
    if not any(s.status in waiting for s in shipments_of(tenant, plan_id)):
        lifecycle.change_plan(tenant, now, require_plan(tenant, plan_id), PlanStatus.SHIPPED)
    return shipment


def _refuse_ended(shipment: Shipment) -> None:
    if shipment.status in (ShipmentStatus.CANCELLED, ShipmentStatus.DELETED):
        raise bad_request(
            f"The shipment is {shipment.status} and cannot be shipped.", f"shipmentId={shipment.shipment_id}"
        )
