"""Packing: packing options and their groups, then the boxes of each group (setPackingInformation).

generatePackingOptions offers one option packing everything together and, for several MSKUs, one packing
each MSKU apart; confirming one accepts it and lets the others lapse. setPackingInformation gives the boxes
of every group of the confirmed option (or, after placement, of a shipment still WORKING). Its operation
FAILS when the boxes do not hold exactly the group's units, and warns about boxes over 50 lb. New boxes
for groups void any placement options offered so far (they split the old boxes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import msgspec

from emulator.apis.inbound import ids, inputs, lifecycle, operations
from emulator.apis.inbound.options import PACKING, settled, undecided
from emulator.apis.inbound.records import (
    PLANS,
    SHIPMENTS,
    Box,
    InboundPlan,
    ItemLine,
    OptionStatus,
    PackingGroup,
    PackingOption,
    ShipmentStatus,
)
from emulator.apis.inbound.refusals import bad_request, missing, out_of_order
from emulator.apis.inbound.shipments import require_shipment, shipments_of
from emulator.apis.jobs import Job, Outcome, Problem
from emulator.context import Call
from emulator.state import TenantState

GROUP_MISSING = "The requested packingGroupId does not exist for the specified inbound plan."
HEAVY_LB = 50.0
_LB_PER_KG = 2.20462


class Packing(msgspec.Struct, kw_only=True, frozen=True):
    """What a setPackingInformation call gives, carried to its finisher: boxes per group or shipment."""

    groups: dict[str, tuple[Box, ...]] = {}
    shipments: dict[str, tuple[Box, ...]] = {}


def generate(call: Call, plan_id: str) -> Job:
    plan = operations.open_plan(call, plan_id)
    undecided(plan, PACKING)
    return operations.begin(call, plan, "generatePackingOptions", operations.expiry(call))


@operations.on_plan("generatePackingOptions")
def _generated(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    choices: list[tuple[tuple[ItemLine, ...], ...]] = [(plan.items,)]
    if len(plan.items) > 1:
        choices.append(tuple((line,) for line in plan.items))
    expires_at = float(job.params["expiresAt"])
    options, groups = [], []
    for n, lines_per_group in enumerate(choices):
        made = [
            PackingGroup(group_id=ids.derived(ids.GROUP, job.job_id, f"{n}/{g}"), items=lines)
            for g, lines in enumerate(lines_per_group)
        ]
        groups.extend(made)
        options.append(
            PackingOption(
                option_id=ids.derived(ids.PACKING, job.job_id, str(n)),
                status=OptionStatus.OFFERED,
                group_ids=tuple(g.group_id for g in made),
                expires_at=expires_at,
            )
        )
    changed = msgspec.structs.replace(
        plan, packing_options=tuple(options), packing_groups=tuple(groups), updated_at=due
    )
    tenant.table(PLANS).put(plan.plan_id, changed)
    return Outcome(operations.SUCCESS)


@operations.on_plan("confirmPackingOption")
def _confirmed(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    chosen = job.params[PACKING.id_param]
    options = settled(plan.packing_options, chosen)
    changed = msgspec.structs.replace(plan, packing_options=options, packing_option_id=chosen, updated_at=due)
    tenant.table(PLANS).put(plan.plan_id, changed)
    return Outcome(operations.SUCCESS)


def group(plan: InboundPlan, group_id: str) -> PackingGroup:
    """A packing group offered to the plan, or 400."""
    found = next((g for g in plan.packing_groups if g.group_id == group_id), None)
    if found is None:
        raise missing(GROUP_MISSING, f"packingGroupId={group_id}")
    return found


def confirmed_groups(plan: InboundPlan) -> tuple[str, ...]:
    """The groups of the confirmed packing option (none before one is confirmed)."""
    option = next((o for o in plan.packing_options if o.option_id == plan.packing_option_id), None)
    return option.group_ids if option is not None else ()


def set_information(call: Call, plan_id: str) -> Job:
    """Check the boxes given per group or shipment, and start the operation that keeps them."""
    plan = operations.open_plan(call, plan_id)
    groups: dict[str, tuple[Box, ...]] = {}
    shipments: dict[str, tuple[Box, ...]] = {}
    for grouping in call.body["packageGroupings"]:
        if grouping.get("packingGroupId"):
            group_id = grouping["packingGroupId"]
            allowed = _group_items(plan, group_id)
            groups[group_id] = _boxes(call, grouping["boxes"], allowed, group_id)
        elif grouping.get("shipmentId"):
            shipment = require_shipment(call.tenant, plan_id, grouping["shipmentId"])
            if shipment.status is not ShipmentStatus.WORKING:
                raise bad_request(
                    f"The boxes of a {shipment.status} shipment can no longer be changed.",
                    f"shipmentId={shipment.shipment_id}",
                )
            shipments[shipment.shipment_id] = _boxes(call, grouping["boxes"], shipment.items, None)
        else:
            raise bad_request("Each packageGrouping needs a packingGroupId or a shipmentId.")
    packing = Packing(groups=groups, shipments=shipments)
    return operations.begin(
        call, plan, "setPackingInformation", {"packing": msgspec.json.encode(packing).decode()}
    )


def _group_items(plan: InboundPlan, group_id: str) -> tuple[ItemLine, ...]:
    if plan.packing_option_id is None:
        raise out_of_order("set packing information", "confirmPackingOption", f"packingGroupId={group_id}")
    if plan.placement_option_id is not None:
        raise bad_request(
            "The placement option is confirmed: give packing information per shipmentId instead.",
            f"packingGroupId={group_id}",
        )
    if group_id not in confirmed_groups(plan):
        group(plan, group_id)
        raise bad_request(
            "The packingGroupId is not one of the confirmed packing option.", f"packingGroupId={group_id}"
        )
    return group(plan, group_id).items


def _boxes(
    call: Call, given: list[dict[str, Any]], allowed: tuple[ItemLine, ...], group_id: str | None
) -> tuple[Box, ...]:
    """Every physical box of the `BoxInput`s; their items must be MSKUs of `allowed`."""
    by_msku = {line.msku: line for line in allowed}
    boxes = []
    for entry in given:
        contents = []
        for content in entry.get("items") or []:
            line = by_msku.get(content["msku"])
            if line is None:
                raise bad_request(
                    f"The MSKU {content['msku']} is not part of this packing group or shipment.",
                    f"msku={content['msku']}",
                )
            contents.append(inputs.item_line(content, line.fnsku, line.asin))
        for _ in range(int(entry["quantity"])):
            package_id = ids.fresh(call.ids, ids.PACKAGE)
            boxes.append(inputs.box(entry, package_id, tuple(contents), group_id))
    return tuple(boxes)


@operations.on_plan("setPackingInformation")
def _packed(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    packing = msgspec.json.decode(job.params["packing"], type=Packing)
    expected = {g.group_id: g.items for g in plan.packing_groups}
    for shipment in shipments_of(tenant, plan.plan_id):
        expected[shipment.shipment_id] = shipment.items
    given = packing.groups | packing.shipments
    for key, boxes in given.items():
        wrong = _mismatch(expected.get(key, ()), boxes)
        if wrong:
            return operations.failed(
                "BoxContentsMismatch", f"The boxes of {key} do not hold its units: {wrong}."
            )
    warnings = tuple(_heavy(box) for boxes in given.values() for box in boxes if _pounds(box) > HEAVY_LB)
    if packing.groups:
        kept = tuple(b for b in plan.boxes if b.packing_group_id not in packing.groups)
        lifecycle.discard_unconfirmed(tenant, plan.plan_id)
        boxes = kept + tuple(b for bs in packing.groups.values() for b in bs)
        plan = msgspec.structs.replace(plan, boxes=boxes, placement_options=())
    for shipment_id, boxes in packing.shipments.items():
        found = tenant.table(SHIPMENTS).get(shipment_id)
        if found is not None and found.shipment_confirmation_id is not None:
            labelled = label(found.shipment_confirmation_id, boxes)
            tenant.table(SHIPMENTS).put(
                shipment_id, msgspec.structs.replace(found, boxes=labelled, updated_at=due)
            )
    tenant.table(PLANS).put(plan.plan_id, msgspec.structs.replace(plan, updated_at=due))
    return Outcome(operations.SUCCESS, warnings)


def label(confirmation_id: str, boxes: Iterable[Box]) -> tuple[Box, ...]:
    """Box ids as Amazon gives them: the shipment confirmation id, `U` and the box number."""
    return tuple(
        msgspec.structs.replace(box, box_id=f"{confirmation_id}U{n:06d}") for n, box in enumerate(boxes, 1)
    )


def _mismatch(expected: tuple[ItemLine, ...], boxes: tuple[Box, ...]) -> str:
    want = Counter({line.msku: line.quantity for line in expected})
    got: Counter[str] = Counter()
    for box in boxes:
        for line in box.items:
            got[line.msku] += line.quantity
    return ", ".join(
        f"{msku} expected {want[msku]}, boxed {got[msku]}"
        for msku in sorted(want | got)
        if want[msku] != got[msku]
    )


def _pounds(box: Box) -> float:
    return box.weight.value * (_LB_PER_KG if box.weight.unit == "KG" else 1.0)


def _heavy(box: Box) -> Problem:
    return operations.warning(
        "BoxOverweight",
        f"Box {box.package_id} weighs over {HEAVY_LB:g} lb: mark it 'Team Lift' or 'Mech Lift'.",
        f"packageId={box.package_id}",
    )
