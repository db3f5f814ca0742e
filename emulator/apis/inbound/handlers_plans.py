"""Fulfillment Inbound 2024-03-20: plans, packing, placement and operation status (reference §10.1-10.2)."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import operations, options, packing, paging, placement, plans, wire
from emulator.apis.inbound.shipments import require_plan, shipments_of
from emulator.context import Call, Reply
from emulator.registry import operation


def _plan_id(call: Call) -> str:
    return str(call.params["inboundPlanId"])


@operation("createInboundPlan")
def create_inbound_plan(call: Call) -> dict[str, Any]:
    """A new inbound plan; its operation fails on MSKUs that are neither FBA inventory nor FBA listings."""
    plan, job = plans.create(call)
    return operations.accepted(job, inboundPlanId=plan.plan_id)


@operation("listInboundPlans")
def list_inbound_plans(call: Call) -> dict[str, Any]:
    """The seller's plans by status, sorted by creation or update time, in pages."""
    return paging.listed(
        call.params, "inboundPlans", plans.listed(call.tenant, call.params), wire.plan_summary
    )


@operation("getInboundPlan")
def get_inbound_plan(call: Call) -> dict[str, Any]:
    """One plan with its packing and placement options and its shipments."""
    plan = require_plan(call.tenant, _plan_id(call))
    return wire.plan(call.tenant, plan, call.clock.timestamp())


@operation("listInboundPlanItems")
def list_inbound_plan_items(call: Call) -> dict[str, Any]:
    """The plan's items, in pages."""
    plan = require_plan(call.tenant, _plan_id(call))
    return paging.listed(call.params, "items", plan.items, wire.item)


@operation("updateInboundPlanName")
def update_inbound_plan_name(call: Call) -> Reply:
    """Renames the plan."""
    plans.rename(call, _plan_id(call), call.body["name"])
    return Reply(None, 204)


@operation("cancelInboundPlan")
def cancel_inbound_plan(call: Call) -> dict[str, Any]:
    """Voids a plan none of whose shipments has shipped (asynchronous)."""
    return operations.accepted(plans.cancel(call, _plan_id(call)))


@operation("generatePackingOptions")
def generate_packing_options(call: Call) -> dict[str, Any]:
    """Offers packing options (asynchronous)."""
    return operations.accepted(packing.generate(call, _plan_id(call)))


@operation("listPackingOptions")
def list_packing_options(call: Call) -> dict[str, Any]:
    """The packing options offered (none before generatePackingOptions succeeds)."""
    plan = require_plan(call.tenant, _plan_id(call))
    now = call.clock.timestamp()
    return paging.listed(
        call.params, "packingOptions", plan.packing_options, lambda o: wire.packing_option(o, now)
    )


@operation("confirmPackingOption")
def confirm_packing_option(call: Call) -> dict[str, Any]:
    """Accepts one offered, unexpired packing option (asynchronous)."""
    job = options.confirm(call, _plan_id(call), call.params["packingOptionId"], options.PACKING)
    return operations.accepted(job)


@operation("listPackingGroupItems")
def list_packing_group_items(call: Call) -> dict[str, Any]:
    """The items of one packing group, in pages."""
    plan = require_plan(call.tenant, _plan_id(call))
    group = packing.group(plan, call.params["packingGroupId"])
    return paging.listed(call.params, "items", group.items, wire.item)


@operation("listPackingGroupBoxes")
def list_packing_group_boxes(call: Call) -> dict[str, Any]:
    """The boxes packed for one packing group, in pages."""
    plan = require_plan(call.tenant, _plan_id(call))
    group = packing.group(plan, call.params["packingGroupId"])
    boxes = [b for b in plan.boxes if b.packing_group_id == group.group_id]
    return paging.listed(call.params, "boxes", boxes, wire.box)


@operation("setPackingInformation")
def set_packing_information(call: Call) -> dict[str, Any]:
    """Boxes per packing group (or per WORKING shipment), checked against their units (asynchronous)."""
    return operations.accepted(packing.set_information(call, _plan_id(call)))


@operation("listInboundPlanBoxes")
def list_inbound_plan_boxes(call: Call) -> dict[str, Any]:
    """The plan's boxes: its shipments' once placement is confirmed, else the packed ones."""
    plan = require_plan(call.tenant, _plan_id(call))
    confirmed = [
        b for s in shipments_of(call.tenant, plan.plan_id) if s.shipment_confirmation_id for b in s.boxes
    ]
    return paging.listed(call.params, "boxes", confirmed or list(plan.boxes), wire.box)


@operation("listInboundPlanPallets")
def list_inbound_plan_pallets(call: Call) -> dict[str, Any]:
    """The pallets of the plan's shipments, in pages."""
    plan = require_plan(call.tenant, _plan_id(call))
    pallets = [p for s in shipments_of(call.tenant, plan.plan_id) for p in s.pallets]
    return paging.listed(call.params, "pallets", pallets, wire.pallet)


@operation("generatePlacementOptions")
def generate_placement_options(call: Call) -> dict[str, Any]:
    """Offers placement options once every packing group has its boxes (asynchronous)."""
    return operations.accepted(placement.generate(call, _plan_id(call)))


@operation("listPlacementOptions")
def list_placement_options(call: Call) -> dict[str, Any]:
    """The placement options offered, with their shipments and fees."""
    plan = require_plan(call.tenant, _plan_id(call))
    now = call.clock.timestamp()
    return paging.listed(
        call.params,
        "placementOptions",
        plan.placement_options,
        lambda o: wire.placement_option(o, plan.marketplace_id, now),
    )


@operation("confirmPlacementOption")
def confirm_placement_option(call: Call) -> dict[str, Any]:
    """Accepts a placement option: its shipments become WORKING with confirmation ids (asynchronous)."""
    job = options.confirm(call, _plan_id(call), call.params["placementOptionId"], options.PLACEMENT)
    return operations.accepted(job)


@operation("getInboundOperationStatus")
def get_inbound_operation_status(call: Call) -> dict[str, Any]:
    """The status of any Inbound operation of the calling seller, on the emulator clock."""
    return operations.status(call, call.params["operationId"])
