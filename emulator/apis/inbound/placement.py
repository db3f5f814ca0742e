"""Placement: where the boxes go. Options split the plan's boxes into shipments, one per fulfilment centre.

generatePlacementOptions needs the boxes of every group of the confirmed packing option. Without a custom
placement it offers the boxes spread over the marketplace's centres (no fee) and, when that makes several
shipments, everything to one centre for a placement fee per unit. Offered options' shipments exist as
UNCONFIRMED; confirming one makes its shipments WORKING with their `shipmentConfirmationId` and box ids,
puts their units in `inbound_working` and drops the other options' shipments.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import msgspec

from emulator.apis.inbound import ids, lifecycle, operations
from emulator.apis.inbound.centres import centres
from emulator.apis.inbound.options import PLACEMENT, settled, undecided
from emulator.apis.inbound.packing import confirmed_groups, label
from emulator.apis.inbound.records import (
    PLANS,
    SHIPMENTS,
    Box,
    Destination,
    InboundPlan,
    ItemLine,
    OptionStatus,
    PlacementOption,
    Shipment,
    ShipmentStatus,
)
from emulator.apis.inbound.refusals import bad_request, out_of_order
from emulator.apis.inbound.shipments import shipments_of
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call
from emulator.state import TenantState

FEE_PER_UNIT = 0.27


def generate(call: Call, plan_id: str) -> Job:
    plan = operations.open_plan(call, plan_id)
    undecided(plan, PLACEMENT)
    groups = confirmed_groups(plan)
    if not groups:
        raise out_of_order("generate placement options", "confirmPackingOption", f"inboundPlanId={plan_id}")
    packed = {b.packing_group_id for b in plan.boxes}
    missing = [g for g in groups if g not in packed]
    if missing:
        raise out_of_order(
            "generate placement options", "setPackingInformation", f"packingGroupIds={','.join(missing)}"
        )
    params = operations.expiry(call) | {"custom": _custom(call, plan)}
    return operations.begin(call, plan, "generatePlacementOptions", params)


def _custom(call: Call, plan: InboundPlan) -> str:
    """A custom placement as JSON (MSKU -> warehouse); its warehouses must be the marketplace's."""
    known = {c.warehouse_id for c in centres(BY_ID[plan.marketplace_id].country)}
    pairs: dict[str, str] = {}
    for entry in (call.body or {}).get("customPlacement") or []:
        warehouse = entry["warehouseId"]
        if warehouse not in known:
            raise bad_request(
                f"The warehouseId {warehouse} is no fulfilment centre of marketplace {plan.marketplace_id}.",
                f"warehouseId={warehouse}",
            )
        pairs.update((item["msku"], warehouse) for item in entry["items"])
    return json.dumps(pairs)


@operations.on_plan("generatePlacementOptions")
def _generated(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    lifecycle.discard_unconfirmed(tenant, plan.plan_id)
    places = {c.warehouse_id: c for c in centres(BY_ID[plan.marketplace_id].country)}
    custom: dict[str, str] = json.loads(job.params["custom"])
    if custom:
        fallback = next(iter(custom.values()))
        splits = [([custom.get(_first_msku(b), fallback) for b in plan.boxes], 0.0)]
    else:
        order = list(places)
        spread = [order[n % len(order)] for n in range(len(plan.boxes))]
        splits = [(spread, 0.0)]
        if len(set(spread)) > 1:
            units = sum(line.quantity for line in plan.items)
            splits.append(([order[0]] * len(plan.boxes), round(units * FEE_PER_UNIT, 2)))
    options = []
    for n, (warehouses, fee) in enumerate(splits):
        made = _shipments(tenant, plan, job, due, n, warehouses, places)
        options.append(
            PlacementOption(
                option_id=ids.derived(ids.PLACEMENT, job.job_id, str(n)),
                status=OptionStatus.OFFERED,
                shipment_ids=tuple(s.shipment_id for s in made),
                expires_at=float(job.params["expiresAt"]),
                fee=fee,
            )
        )
    changed = msgspec.structs.replace(plan, placement_options=tuple(options), updated_at=due)
    tenant.table(PLANS).put(plan.plan_id, changed)
    return Outcome(operations.SUCCESS)


def _first_msku(box: Box) -> str:
    return box.items[0].msku if box.items else ""


def _shipments(
    tenant: TenantState,
    plan: InboundPlan,
    job: Job,
    now: float,
    n: int,
    warehouses: list[str],
    places: dict[str, Destination],
) -> list[Shipment]:
    """The UNCONFIRMED shipments of one option: box k goes to `warehouses[k]`."""
    made = []
    for warehouse in dict.fromkeys(warehouses):
        boxes = tuple(b for b, w in zip(plan.boxes, warehouses, strict=True) if w == warehouse)
        shipment = Shipment(
            shipment_id=ids.derived(ids.SHIPMENT, job.job_id, f"{n}/{warehouse}"),
            plan_id=plan.plan_id,
            marketplace_id=plan.marketplace_id,
            placement_option_id=ids.derived(ids.PLACEMENT, job.job_id, str(n)),
            status=ShipmentStatus.UNCONFIRMED,
            name=f"FBA STA ({datetime.fromtimestamp(now, UTC):%m/%d/%Y %H:%M})-{warehouse}",
            source=plan.source,
            destination=places.get(warehouse) or Destination(warehouse_id=warehouse, address=plan.source),
            items=_contents(plan, boxes),
            boxes=boxes,
            created_at=now,
            updated_at=now,
        )
        made.append(tenant.table(SHIPMENTS).put(shipment.shipment_id, shipment))
    return made


def _contents(plan: InboundPlan, boxes: tuple[Box, ...]) -> tuple[ItemLine, ...]:
    """The units of `boxes` per MSKU, in the plan's item order."""
    counted: Counter[str] = Counter()
    for box in boxes:
        for line in box.items:
            counted[line.msku] += line.quantity
    return tuple(
        msgspec.structs.replace(line, quantity=counted[line.msku])
        for line in plan.items
        if counted[line.msku]
    )


@operations.on_plan("confirmPlacementOption")
def _confirmed(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    chosen = next(o for o in plan.placement_options if o.option_id == job.params[PLACEMENT.id_param])
    lifecycle.discard_unconfirmed(tenant, plan.plan_id, keep=frozenset(chosen.shipment_ids))
    for shipment in shipments_of(tenant, plan.plan_id):
        if shipment.shipment_id in chosen.shipment_ids:
            confirmation = ids.confirmation_id(shipment.shipment_id)
            numbered = msgspec.structs.replace(
                shipment, shipment_confirmation_id=confirmation, boxes=label(confirmation, shipment.boxes)
            )
            lifecycle.confirm(tenant, due, numbered)
    options = settled(plan.placement_options, chosen.option_id)
    changed = msgspec.structs.replace(
        plan, placement_options=options, placement_option_id=chosen.option_id, updated_at=due
    )
    tenant.table(PLANS).put(plan.plan_id, changed)
    return Outcome(operations.SUCCESS)
