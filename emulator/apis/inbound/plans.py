"""Inbound plans: create, list, rename and cancel (reference §10.1).

A plan exists from the create call on (its id is in the 202); createInboundPlan's operation keeps it busy
until it succeeds, so no step can follow before. Cancelling voids the plan when its operation finishes:
shipments not yet confirmed are DELETED, confirmed ones CANCELLED with their working units withdrawn.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import msgspec

from emulator.apis.inbound import ids, inputs, lifecycle, operations
from emulator.apis.inbound.records import (
    PLANS,
    SHIPMENT_PATH,
    InboundPlan,
    ItemLine,
    PlanStatus,
    ShipmentStatus,
)
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inbound.shipments import CANCEL_GUARDS, require_plan, shipments_of
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.jobs import Job, Outcome, Problem
from emulator.context import Call
from emulator.state import TenantState

_SHIPPED_ON = frozenset(SHIPMENT_PATH[SHIPMENT_PATH.index(ShipmentStatus.SHIPPED) :])

BAD_MARKETPLACE = "Invalid destinationMarketplace provided."
MARKETPLACE_ID = re.compile(r"[A-Z0-9]{9,20}")


def create(call: Call) -> tuple[InboundPlan, Job]:
    """A new plan for one destination marketplace. It is accepted as Amazon accepts it; its operation then
    FAILS, and the plan is ERRORED, when the marketplace is not one the seller sells in or an MSKU cannot
    be sent (see `inputs.items`). Only text that cannot be a marketplace id is refused at once."""
    body = call.body
    marketplace_id = body["destinationMarketplaces"][0]
    if not MARKETPLACE_ID.fullmatch(marketplace_id):  # no marketplace id at all: refused at once
        raise bad_request(BAD_MARKETPLACE, f"destinationMarketplaces={marketplace_id}")
    now = call.clock.timestamp()
    sells = call.caller.marketplaces
    items: tuple[ItemLine, ...] = ()
    problems: tuple[Problem, ...]
    if marketplace_id not in BY_ID or (sells and marketplace_id not in sells):
        details = f"destinationMarketplaces={marketplace_id}"
        problems = (inputs.problem("InvalidMarketplace", BAD_MARKETPLACE, details),)
    else:
        items, problems = inputs.items(call.tenant, call.clock, call.ids, marketplace_id, body["items"])
    plan = InboundPlan(
        plan_id=ids.fresh(call.ids, ids.PLAN),
        name=body.get("name") or default_name(now),
        marketplace_id=marketplace_id,
        source=inputs.address(body["sourceAddress"]),
        items=items,
        status=PlanStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )
    plan = lifecycle.change_plan(call.tenant, now, plan, None)
    params = {"problems": msgspec.json.encode(problems).decode()}
    return plan, operations.begin(call, plan, "createInboundPlan", params)


def default_name(now: float) -> str:
    """Seller Central's name for a plan created at `now`: `FBA (11/29/2026, 1:05 PM)`."""
    at = datetime.fromtimestamp(now, UTC)
    return f"FBA ({at:%m/%d/%Y}, {at.hour % 12 or 12}:{at:%M} {'AM' if at.hour < 12 else 'PM'})"


@operations.on_plan("createInboundPlan")
def _created(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    problems = msgspec.json.decode(job.params["problems"], type=tuple[Problem, ...])
    if problems:
        lifecycle.change_plan(tenant, due, plan, PlanStatus.ERRORED)
        return Outcome(operations.FAILED, problems)
    return Outcome(operations.SUCCESS)


_SORT_KEYS = {"CREATION_TIME": "created_at", "LAST_UPDATED_TIME": "updated_at"}


def listed(tenant: TenantState, params: dict[str, Any]) -> list[InboundPlan]:
    """The seller's plans with the status asked for, sorted as asked (newest first by default)."""
    status = params.get("status")
    found = [p for p in tenant.table(PLANS).values() if status is None or p.status == status]
    key = _SORT_KEYS[params.get("sortBy") or "LAST_UPDATED_TIME"]
    found.sort(key=lambda p: (getattr(p, key), p.plan_id), reverse=params.get("sortOrder", "DESC") == "DESC")
    return found


def rename(call: Call, plan_id: str, name: str) -> InboundPlan:
    plan = require_plan(call.tenant, plan_id)
    renamed = msgspec.structs.replace(plan, name=name, updated_at=call.clock.timestamp())
    return call.tenant.table(PLANS).put(plan_id, renamed)


def cancel(call: Call, plan_id: str) -> Job:
    """Start voiding an ACTIVE plan none of whose shipments has shipped (and that no guard forbids)."""
    plan = require_plan(call.tenant, plan_id)
    if plan.status is PlanStatus.VOIDED:
        raise bad_request("The inbound plan is already cancelled.", f"inboundPlanId={plan_id}")
    shipped = [s.shipment_id for s in shipments_of(call.tenant, plan_id) if s.status in _SHIPPED_ON]
    if plan.status is PlanStatus.SHIPPED or shipped:
        raise bad_request(
            "The inbound plan cannot be cancelled: shipments of it have already shipped.",
            f"inboundPlanId={plan_id}, shipmentIds={','.join(shipped)}",
        )
    now = call.clock.timestamp()
    for guard in CANCEL_GUARDS:
        guard(call.tenant, now, plan)
    return operations.begin(call, plan, "cancelInboundPlan")


@operations.on_plan("cancelInboundPlan")
def _cancelled(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    if any(s.status in _SHIPPED_ON for s in shipments_of(tenant, plan.plan_id)):
        return operations.failed(
            "ShipmentsShipped", "Shipments of the plan shipped before it could be cancelled."
        )
    for shipment in shipments_of(tenant, plan.plan_id):
        lifecycle.cancel(tenant, due, shipment)
    lifecycle.change_plan(tenant, due, plan, PlanStatus.VOIDED)
    return Outcome(operations.SUCCESS)
