"""Delivery windows: generate for a confirmed shipment, list, confirm one (before it ships).

The fulfilment centre offers five windows of a week, starting on consecutive days two days after the
shipment is ready to ship (or after now): one `CONGESTED`, one `DISCOUNTED` (with a discount), one
`BLOCKED` (which cannot be chosen) and two `AVAILABLE`. They stay valid for `timings.option_ttl`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import guards, ids, paging, timings, transport_wire
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.accepted import DONE, accept, carried, finishes
from emulator.apis.inbound.refusals import bad_request, missing, out_of_order
from emulator.apis.inbound.transport_records import Money, WindowOption
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply
from emulator.state import TenantState
from emulator.state.records import Record

DAY = transport_wire.DAY
WINDOW = "dw"
_AVAILABILITY = ("AVAILABLE", "CONGESTED", "DISCOUNTED", "BLOCKED", "AVAILABLE")


class WindowRequest(Record):
    plan_id: str
    shipment_id: str
    valid_for: float
    chosen: str | None = None


def generate(call: Call, plan_id: str, shipment_id: str) -> Reply:
    """Start generateDeliveryWindowOptions for a confirmed shipment that has not shipped."""
    guards.not_shipped(call.tenant, plan_id, shipment_id, "generate delivery window options")
    request = WindowRequest(
        plan_id=plan_id, shipment_id=shipment_id, valid_for=timings.load(call.store).option_ttl
    )
    return accept(call, shipment_id, request)


@finishes("generateDeliveryWindowOptions")
def _generated(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, WindowRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id)
    if shipment is None:
        return guards.MOVED_ON
    logistics = records.of(tenant, shipment)
    first = (max(due, logistics.ready_to_ship_at or due) // DAY + 2) * DAY
    currency = BY_ID[shipment.marketplace_id].currency
    windows = tuple(
        WindowOption(
            option_id=ids.derived(WINDOW, job.job_id, str(n)),
            starts_at=first + n * DAY,
            ends_at=first + (n + 7) * DAY - 1,
            availability=kind,
            valid_until=due + request.valid_for,
            discount=Money(amount=25.0, code=currency) if kind == "DISCOUNTED" else None,
        )
        for n, kind in enumerate(_AVAILABILITY)
    )
    records.keep(tenant, msgspec.structs.replace(logistics, windows=windows))
    return DONE


def listed(call: Call, plan_id: str, shipment_id: str) -> dict[str, Any]:
    """listDeliveryWindowOptions: the windows last generated for the shipment, paged."""
    shipment = facade.require_shipment(call.tenant, plan_id, shipment_id)
    found = records.of(call.tenant, shipment).windows
    return paging.listed(call.params, "deliveryWindowOptions", found, transport_wire.window)


def confirm(call: Call, plan_id: str, shipment_id: str, option_id: str) -> Reply:
    """Check a confirmDeliveryWindowOptions request and start it."""
    shipment = guards.not_shipped(call.tenant, plan_id, shipment_id, "confirm a delivery window")
    logistics = records.of(call.tenant, shipment)
    if not logistics.windows:
        raise out_of_order(
            "confirm a delivery window", "generateDeliveryWindowOptions", f"shipmentId={shipment_id}"
        )
    about = f"deliveryWindowOptionId={option_id}"
    found = next((w for w in logistics.windows if w.option_id == option_id), None)
    if found is None:
        raise missing("The delivery window option was not offered for this shipment.", about)
    if found.availability == "BLOCKED":
        raise bad_request("The delivery window is blocked and cannot be chosen.", about)
    if call.clock.timestamp() >= found.valid_until:
        raise bad_request(
            "The delivery window option has expired: call generateDeliveryWindowOptions again.", about
        )
    request = WindowRequest(plan_id=plan_id, shipment_id=shipment_id, valid_for=0.0, chosen=option_id)
    return accept(call, shipment_id, request)


@finishes("confirmDeliveryWindowOptions")
def _confirmed(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, WindowRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id)
    if shipment is None:
        return guards.MOVED_ON
    logistics = records.of(tenant, shipment)
    chosen = next(w for w in logistics.windows if w.option_id == request.chosen)
    records.keep(tenant, msgspec.structs.replace(logistics, window=chosen))
    return DONE
