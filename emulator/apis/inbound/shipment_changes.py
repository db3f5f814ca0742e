"""What a seller may change on a shipment before it ships: its name (at once) and its source address
(an asynchronous operation, like Amazon's)."""

from __future__ import annotations

import msgspec

from emulator.apis.inbound import inputs, operations
from emulator.apis.inbound.records import SHIPMENTS, Address, InboundPlan, Shipment, ShipmentStatus
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inbound.shipments import require_plan, require_shipment
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call
from emulator.state import TenantState

_CHANGEABLE = frozenset({ShipmentStatus.UNCONFIRMED, ShipmentStatus.WORKING, ShipmentStatus.READY_TO_SHIP})


def rename(call: Call, plan_id: str, shipment_id: str, name: str) -> Shipment:
    shipment = require_shipment(call.tenant, plan_id, shipment_id)
    renamed = msgspec.structs.replace(shipment, name=name, updated_at=call.clock.timestamp())
    return call.tenant.table(SHIPMENTS).put(shipment_id, renamed)


def move_source(call: Call, plan_id: str, shipment_id: str) -> Job:
    """Start changing where a shipment not yet shipped is picked up."""
    shipment = require_shipment(call.tenant, plan_id, shipment_id)
    if shipment.status not in _CHANGEABLE:
        raise bad_request(
            f"The source address of a {shipment.status} shipment can no longer be changed.",
            f"shipmentId={shipment_id}",
        )
    address = inputs.address(call.body["address"])
    params = {"shipmentId": shipment_id, "address": msgspec.json.encode(address).decode()}
    return operations.begin(call, require_plan(call.tenant, plan_id), "updateShipmentSourceAddress", params)


@operations.on_plan("updateShipmentSourceAddress")
def _moved(tenant: TenantState, plan: InboundPlan, job: Job, due: float) -> Outcome:
    shipment = tenant.table(SHIPMENTS).get(job.params["shipmentId"])
    if shipment is None or shipment.status not in _CHANGEABLE:
        return operations.failed("ShipmentNotChangeable", "The shipment shipped or ended meanwhile.")
    address = msgspec.json.decode(job.params["address"], type=Address)
    moved = msgspec.structs.replace(shipment, source=address, updated_at=due)
    tenant.table(SHIPMENTS).put(shipment.shipment_id, moved)
    return Outcome(operations.SUCCESS)
