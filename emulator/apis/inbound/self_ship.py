"""Self-ship appointments: generate slots, read them, schedule one, cancel it (before the shipment ships).

Slots are one hour at 09:00 UTC on each of the five days from the desired start (by default the day after
the slots are generated), within the desired end when one is given; none fitting fails the operation.
They stay valid for `timings.option_ttl`. Rescheduling over a scheduled appointment needs a
`reasonComment`, as Amazon asks. Amazon documents these operations for a few marketplaces; the emulator
offers them in every one.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import guards, ids, operations, paging, timings, transport_wire
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.accepted import DONE, accept, carried, finishes
from emulator.apis.inbound.refusals import bad_request, missing, out_of_order
from emulator.apis.inbound.transport_records import Appointment, Slot
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply, parse_instant
from emulator.state import TenantState
from emulator.state.clock import iso
from emulator.state.records import Record

DAY, HOUR = transport_wire.DAY, 3600.0
SLOT = "ss"
SCHEDULED, CANCELLED = "ARRIVAL_SCHEDULED", "CANCELLED"


class SlotRequest(Record):
    plan_id: str
    shipment_id: str
    valid_for: float
    start: float | None = None
    end: float | None = None


def generate(call: Call, plan_id: str, shipment_id: str) -> Reply:
    """Check generateSelfShipAppointmentSlots (201 with its operationId) and start it."""
    guards.not_shipped(call.tenant, plan_id, shipment_id, "generate self-ship appointment slots")
    body = call.body or {}
    start = (
        parse_instant(body["desiredStartDate"], "desiredStartDate") if "desiredStartDate" in body else None
    )
    end = parse_instant(body["desiredEndDate"], "desiredEndDate") if "desiredEndDate" in body else None
    if start is not None and end is not None and end <= start:
        raise bad_request("desiredEndDate must be after desiredStartDate.", f"shipmentId={shipment_id}")
    ttl = timings.load(call.store).option_ttl
    request = SlotRequest(plan_id=plan_id, shipment_id=shipment_id, valid_for=ttl, start=start, end=end)
    return accept(call, shipment_id, request, 201)


@finishes("generateSelfShipAppointmentSlots")
def _generated(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, SlotRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id)
    if shipment is None:
        return guards.MOVED_ON
    first = (max(request.start or 0.0, due + DAY) // DAY) * DAY + 9 * HOUR
    slots = tuple(
        Slot(
            slot_id=ids.derived(SLOT, job.job_id, str(n)),
            starts_at=first + n * DAY,
            ends_at=first + n * DAY + HOUR,
        )
        for n in range(5)
        if request.end is None or first + n * DAY + HOUR <= request.end
    )
    if not slots:
        return operations.failed(
            "NoSlotsAvailable", "No appointment slot is available between the desired dates."
        )
    logistics = records.of(tenant, shipment)
    records.keep(
        tenant, msgspec.structs.replace(logistics, slots=slots, slots_expire_at=due + request.valid_for)
    )
    return DONE


def listed(call: Call, plan_id: str, shipment_id: str) -> dict[str, Any]:
    """getSelfShipAppointmentSlots: the slots last generated, paged, and when they expire."""
    shipment = facade.require_shipment(call.tenant, plan_id, shipment_id)
    logistics = records.of(call.tenant, shipment)
    if logistics.slots_expire_at is None:
        raise out_of_order(
            "read appointment slots", "generateSelfShipAppointmentSlots", f"shipmentId={shipment_id}"
        )
    shown, pagination = paging.page([transport_wire.slot(s) for s in logistics.slots], call.params)
    availability = {"expiresAt": iso(logistics.slots_expire_at), "slots": list(shown)}
    return {"selfShipAppointmentSlotsAvailability": availability} | pagination


def schedule(call: Call, plan_id: str, shipment_id: str, slot_id: str) -> dict[str, Any]:
    """scheduleSelfShipAppointment: book a slot now (200), replacing a scheduled appointment with a reason."""
    shipment = guards.not_shipped(call.tenant, plan_id, shipment_id, "schedule a self-ship appointment")
    logistics = records.of(call.tenant, shipment)
    if logistics.slots_expire_at is None:
        raise out_of_order(
            "schedule an appointment", "generateSelfShipAppointmentSlots", f"shipmentId={shipment_id}"
        )
    slot = next((s for s in logistics.slots if s.slot_id == slot_id), None)
    if slot is None:
        raise missing("The appointment slot was not offered for this shipment.", f"slotId={slot_id}")
    if call.clock.timestamp() >= logistics.slots_expire_at:
        raise bad_request("The appointment slots have expired: generate them again.", f"slotId={slot_id}")
    current = logistics.appointment
    if current is not None and current.status == SCHEDULED and not (call.body or {}).get("reasonComment"):
        raise bad_request("Rescheduling an appointment needs a reasonComment.", f"shipmentId={shipment_id}")
    booked = Appointment(appointment_id=int(call.ids.digits(9)), slot=slot, status=SCHEDULED)
    records.keep(call.tenant, msgspec.structs.replace(logistics, appointment=booked))
    return {"selfShipAppointmentDetails": transport_wire.appointment(booked)}


def cancel(call: Call, plan_id: str, shipment_id: str) -> Reply:
    """Check cancelSelfShipAppointment and start it."""
    shipment = guards.not_shipped(call.tenant, plan_id, shipment_id, "cancel a self-ship appointment")
    current = records.of(call.tenant, shipment).appointment
    if current is None or current.status != SCHEDULED:
        raise bad_request(
            "The shipment has no scheduled self-ship appointment to cancel.", f"shipmentId={shipment_id}"
        )
    request = SlotRequest(plan_id=plan_id, shipment_id=shipment_id, valid_for=0.0)
    return accept(call, shipment_id, request)


@finishes("cancelSelfShipAppointment")
def _cancelled(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, SlotRequest)
    shipment = facade.find_shipment(tenant, request.plan_id, request.shipment_id)
    logistics = records.of(tenant, shipment) if shipment is not None else None
    if logistics is None or logistics.appointment is None:
        return operations.failed("NoAppointment", "The appointment no longer exists.")
    ended = msgspec.structs.replace(logistics.appointment, status=CANCELLED)
    records.keep(tenant, msgspec.structs.replace(logistics, appointment=ended))
    return DONE
