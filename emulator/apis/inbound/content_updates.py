"""Content-update previews: after transportation is confirmed and before the shipment leaves, the seller
may ask what a change of its boxes and items would cost, and confirm it.

A preview re-quotes the confirmed transportation option for the new boxes (a partnered carrier's price
follows their weight) and expires after `timings.option_ttl`. Confirming one makes its option the
confirmed one at its new price and marks it ACCEPTED; the shipment's planned units stay as they are (the
core's records have no step that replaces a shipment's contents; see README).
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import guards, ids, paging, pricing, skus, timings, transport_wire
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.accepted import DONE, accept, carried, finishes
from emulator.apis.inbound.refusals import bad_request, missing, out_of_order
from emulator.apis.inbound.transport_records import Money, Preview, RequestedUpdates
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply
from emulator.state import TenantState
from emulator.state.records import Record

PREVIEW = "cu"
ACCEPTED = "ACCEPTED"


class PreviewRequest(Record):
    plan_id: str
    shipment_id: str
    valid_for: float
    updates: RequestedUpdates | None = None
    preview_id: str | None = None


def _price(updates: RequestedUpdates, currency: str) -> Money:
    weight = sum(pricing.pounds(b.weight.value, b.weight.unit) * b.quantity for b in updates.boxes)
    return pricing.parcel(weight, currency)


def generate(call: Call, plan_id: str, shipment_id: str) -> Reply:
    """Check a generateShipmentContentUpdatePreviews request and start it."""
    doing = "preview a content update"
    shipment = guards.not_shipped(call.tenant, plan_id, shipment_id, doing)
    guards.chosen(records.of(call.tenant, shipment), doing)
    updates = msgspec.convert(call.body, RequestedUpdates)
    listed = {item.msku for item in updates.items}
    skus.require(call.tenant, shipment.marketplace_id, [item.msku for item in updates.items])
    for box in updates.boxes:
        for item in box.items:
            if item.msku not in listed:
                raise bad_request("Every box item must be one of the request's items.", f"msku={item.msku}")
    ttl = timings.load(call.store).option_ttl
    request = PreviewRequest(plan_id=plan_id, shipment_id=shipment_id, valid_for=ttl, updates=updates)
    return accept(call, shipment_id, request)


@finishes("generateShipmentContentUpdatePreviews")
def _generated(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, PreviewRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id)
    logistics = records.of(tenant, shipment) if shipment is not None else None
    if shipment is None or logistics is None or logistics.chosen is None or request.updates is None:
        return guards.MOVED_ON
    chosen = logistics.chosen
    currency = BY_ID[shipment.marketplace_id].currency
    cost = _price(request.updates, currency) if chosen.partnered and not chosen.freight else chosen.cost
    option = msgspec.structs.replace(
        chosen,
        cost=cost,
        expires_at=due + request.valid_for,
    )
    preview = Preview(
        preview_id=ids.derived(PREVIEW, job.job_id, "preview"),
        expires_at=due + request.valid_for,
        updates=request.updates,
        option=option,
    )
    records.keep(tenant, msgspec.structs.replace(logistics, previews=(*logistics.previews, preview)))
    return DONE


def listed(call: Call, plan_id: str, shipment_id: str) -> dict[str, Any]:
    """listShipmentContentUpdatePreviews, paged."""
    shipment = facade.require_shipment(call.tenant, plan_id, shipment_id)
    found = records.of(call.tenant, shipment).previews
    return paging.listed(call.params, "contentUpdatePreviews", found, transport_wire.preview)


def _find(call: Call, plan_id: str, shipment_id: str, preview_id: str) -> Preview:
    shipment = facade.require_shipment(call.tenant, plan_id, shipment_id)
    previews = records.of(call.tenant, shipment).previews
    if not previews:
        raise out_of_order("use a content update preview", "generateShipmentContentUpdatePreviews")
    found = next((p for p in previews if p.preview_id == preview_id), None)
    if found is None:
        raise missing("The content update preview does not exist.", f"contentUpdatePreviewId={preview_id}")
    return found


def shown(call: Call, plan_id: str, shipment_id: str, preview_id: str) -> dict[str, Any]:
    """getShipmentContentUpdatePreview."""
    return transport_wire.preview(_find(call, plan_id, shipment_id, preview_id))


def confirm(call: Call, plan_id: str, shipment_id: str, preview_id: str) -> Reply:
    """Check confirmShipmentContentUpdatePreview (an offered, unexpired preview) and start it."""
    guards.not_shipped(call.tenant, plan_id, shipment_id, "confirm a content update")
    found = _find(call, plan_id, shipment_id, preview_id)
    about = f"contentUpdatePreviewId={preview_id}"
    if found.status == ACCEPTED:
        raise bad_request("The content update preview is already confirmed.", about)
    if call.clock.timestamp() >= found.expires_at:
        raise bad_request("The content update preview has expired: generate a new one.", about)
    request = PreviewRequest(plan_id=plan_id, shipment_id=shipment_id, valid_for=0.0, preview_id=preview_id)
    return accept(call, shipment_id, request)


@finishes("confirmShipmentContentUpdatePreview")
def _confirmed(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, PreviewRequest)
    shipment = guards.still(tenant, request.plan_id, request.shipment_id)
    if shipment is None:
        return guards.MOVED_ON
    logistics = records.of(tenant, shipment)
    previews = tuple(
        msgspec.structs.replace(p, status=ACCEPTED) if p.preview_id == request.preview_id else p
        for p in logistics.previews
    )
    accepted = next(p for p in previews if p.preview_id == request.preview_id)
    options = tuple(
        accepted.option if o.option_id == accepted.option.option_id else o for o in logistics.options
    )
    changed = msgspec.structs.replace(logistics, previews=previews, options=options, chosen=accepted.option)
    records.keep(tenant, changed)
    return DONE
