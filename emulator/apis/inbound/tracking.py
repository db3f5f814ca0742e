"""updateShipmentTrackingDetails: the seller says how the shipment travels, and it ships.

Small-parcel shipments name a tracking id per box (box ids from listShipmentBoxes); freight shipments
a freight bill number (and a bill of lading number). Tracking can be given once transportation is
confirmed and corrected while the shipment travels. When the operation succeeds, a READY_TO_SHIP
shipment becomes SHIPPED (`shipments.shipped`) and the clock takes it on to CLOSED. The shipping step is
a transition of its own, due with the operation and fired right after its finisher, since moving the
shipment on the clock needs the store that finishers do not get.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis import jobs
from emulator.apis.inbound import guards, operations
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.accepted import DONE, carried, finishes, start
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inbound.shipments import ShipmentStatus
from emulator.apis.inbound.transport_records import SpdTrackingItem, Tracking
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply
from emulator.registry import transition
from emulator.state import Store, TenantState
from emulator.state.records import Record

SHIP = "inbound.tracking.ship"
S = ShipmentStatus
_UPDATABLE = (S.READY_TO_SHIP, S.SHIPPED, S.IN_TRANSIT)


class TrackingRequest(Record):
    plan_id: str
    shipment_id: str
    tracking: Tracking


def _read(given: dict[str, Any], freight: bool, boxes: set[str], about: str) -> Tracking:
    spd, ltl = given.get("spdTrackingDetail"), given.get("ltlTrackingDetail")
    if freight:
        if ltl is None or spd is not None:
            raise bad_request("The shipment travels as freight: give ltlTrackingDetail only.", about)
        return Tracking(
            freight_bill_number=ltl["freightBillNumber"][0],
            bill_of_lading_number=ltl.get("billOfLadingNumber"),
        )
    if spd is None or ltl is not None:
        raise bad_request("The shipment travels as small parcels: give spdTrackingDetail only.", about)
    items = tuple(msgspec.convert(i, SpdTrackingItem) for i in spd["spdTrackingItems"])
    if not items:
        raise bad_request("spdTrackingItems must name at least one box.", about)
    named: set[str] = set()
    for item in items:
        if item.box_id not in boxes:
            raise bad_request(
                "The box is not a box of this shipment (see listShipmentBoxes).", f"boxId={item.box_id}"
            )
        if item.box_id in named:
            raise bad_request("A box is given more than one tracking id.", f"boxId={item.box_id}")
        named.add(item.box_id)
    return Tracking(spd_items=items)


def update(call: Call, plan_id: str, shipment_id: str) -> Reply:
    """Check the tracking details and start the operation (and the shipping step due with it)."""
    doing = "update tracking details"
    shipment = guards.confirmed(call.tenant, plan_id, shipment_id, doing)
    chosen = guards.chosen(records.of(call.tenant, shipment), doing)
    if shipment.status not in _UPDATABLE:
        raise guards.ended(shipment, doing)
    boxes = {b.box_id for b in shipment.boxes if b.box_id is not None}
    about = f"shipmentId={shipment_id}"
    tracking = _read(call.body["trackingDetails"], chosen.freight, boxes, about)
    job = start(
        call, shipment_id, TrackingRequest(plan_id=plan_id, shipment_id=shipment_id, tracking=tracking)
    )
    call.store.scheduler.schedule(job.due_at, SHIP, call.seller_id, {"job_id": job.job_id})
    return Reply(operations.accepted(job))


@finishes("updateShipmentTrackingDetails")
def _updated(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, TrackingRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id, _UPDATABLE)
    if shipment is None:
        return guards.MOVED_ON
    logistics = records.of(tenant, shipment)
    records.keep(tenant, msgspec.structs.replace(logistics, tracking=request.tracking))
    return DONE


@transition(SHIP)
def _ship(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """Once tracking is in, a shipment that was waiting for it leaves."""
    tenant = store.tenant(seller_id)
    job = jobs.find(tenant, str(payload["job_id"]))
    if job is None or job.final_status != operations.SUCCESS:
        return
    request = carried(job, TrackingRequest)
    shipment = facade.find_shipment(tenant, request.plan_id, request.shipment_id)
    if shipment is not None and shipment.status is S.READY_TO_SHIP:
        facade.shipped(tenant, due, request.plan_id, request.shipment_id, store)
