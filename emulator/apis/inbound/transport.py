"""Transportation options: generate (per shipment of the confirmed placement), list, confirm.

Every shipment is offered Amazon's partnered small-parcel carrier (quoted from its boxes' weight) and its
own carrier; a shipment configured with pallets is offered LTL freight both ways too. Using one's own
carrier, or freight, needs a confirmed delivery window first (`CONFIRMED_DELIVERY_WINDOW`). Options expire
`timings.option_ttl` after they are offered. Confirming names one option for every shipment still
waiting for one, moves each to READY_TO_SHIP, and the options cannot be generated again. Cancelling the
plan is refused once a partnered carrier's void window has passed (24 hours for small parcel, 1 hour for
freight).
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import guards, ids, operations, paging, pricing, timings, transport_wire
from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.accepted import DONE, accept, carried, finishes
from emulator.apis.inbound.records import Dimensions, Pallet, Weight
from emulator.apis.inbound.refusals import bad_request, missing, out_of_order
from emulator.apis.inbound.shipments import InboundPlan, Shipment, ShipmentStatus
from emulator.apis.inbound.transport_records import (
    Contact,
    DimensionsInput,
    Freight,
    Money,
    TransportOption,
    WeightInput,
)
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply, parse_instant
from emulator.state import TenantState
from emulator.state.clock import iso
from emulator.state.records import Record

SMALL_PARCEL, LTL = "GROUND_SMALL_PARCEL", "FREIGHT_LTL"
PARTNERED, OWN = "AMAZON_PARTNERED_CARRIER", "USE_YOUR_OWN_CARRIER"
NEEDS_WINDOW = "CONFIRMED_DELIVERY_WINDOW"
WORKING = (ShipmentStatus.WORKING,)
TRANSPORT = "to"
_PALLET_LB = 500.0  # a pallet whose weight is not given


class WindowInput(msgspec.Struct, rename="camel"):
    start: str


class PalletInput(msgspec.Struct, rename="camel", kw_only=True):
    quantity: int
    dimensions: DimensionsInput | None = None
    weight: WeightInput | None = None
    stackability: str | None = None


class Configuration(Record, rename="camel"):
    """One shipment's part of a generateTransportationOptions request."""

    shipment_id: str
    ready_to_ship_window: WindowInput
    contact_information: Contact | None = None
    freight_information: Freight | None = None
    pallets: tuple[PalletInput, ...] = ()


class Generation(Record):
    plan_id: str
    placement_option_id: str
    configurations: tuple[Configuration, ...]
    expires_at: float


class Selection(Record, rename="camel"):
    shipment_id: str
    transportation_option_id: str
    contact_information: Contact | None = None


class Confirmation(Record):
    plan_id: str
    selections: tuple[Selection, ...]


def _quote(shipment: Shipment, freight: bool, pallets: tuple[PalletInput, ...]) -> Money:
    """What Amazon's partnered carrier charges for the shipment's boxes, or for its pallets."""
    currency = BY_ID[shipment.marketplace_id].currency
    if freight:
        weight = sum(
            (pricing.pounds(p.weight.value, p.weight.unit) if p.weight else _PALLET_LB) * p.quantity
            for p in pallets
        )
        return pricing.freight(weight, currency)
    return pricing.parcel(
        sum(pricing.pounds(b.weight.value, b.weight.unit) for b in shipment.boxes), currency
    )


def _offers(
    job: Job, shipment: Shipment, request: Generation, config: Configuration
) -> tuple[TransportOption, ...]:
    plans = [(SMALL_PARCEL, PARTNERED), (SMALL_PARCEL, OWN)]
    if config.pallets:
        plans += [(LTL, PARTNERED), (LTL, OWN)]
    offered = []
    for mode, solution in plans:
        freight, partnered = mode == LTL, solution == PARTNERED
        name, code = (
            ("Amazon Freight", "AMZF") if freight and partnered else ("United Parcel Service", "UPSN")
        )
        offered.append(
            TransportOption(
                option_id=ids.derived(TRANSPORT, job.job_id, f"{shipment.shipment_id}/{mode}/{solution}"),
                shipment_id=shipment.shipment_id,
                placement_option_id=request.placement_option_id,
                shipping_mode=mode,
                shipping_solution=solution,
                carrier_name=name if partnered else "Other",
                carrier_code=code if partnered else "OTHR",
                expires_at=request.expires_at,
                preconditions=() if partnered and not freight else (NEEDS_WINDOW,),
                cost=_quote(shipment, freight, config.pallets) if partnered else None,
            )
        )
    return tuple(offered)


def _pallets(job: Job, shipment: Shipment, given: tuple[PalletInput, ...]) -> tuple[Pallet, ...]:
    return tuple(
        Pallet(
            package_id=ids.derived(ids.PACKAGE, job.job_id, f"{shipment.shipment_id}/pallet/{n}"),
            quantity=p.quantity,
            dimensions=Dimensions(
                length=p.dimensions.length,
                width=p.dimensions.width,
                height=p.dimensions.height,
                unit=p.dimensions.unit_of_measurement,
            )
            if p.dimensions
            else None,
            weight=Weight(value=p.weight.value, unit=p.weight.unit) if p.weight else None,
            stackability=p.stackability,
        )
        for n, p in enumerate(given)
    )


def generate(call: Call, plan_id: str) -> Reply:
    """Check a generateTransportationOptions request and start it."""
    plan = operations.open_plan(call, plan_id)
    body = call.body
    placement_option_id = body["placementOptionId"]
    if plan.placement_option_id is None:
        raise out_of_order(
            "generate transportation options", "confirmPlacementOption", f"inboundPlanId={plan_id}"
        )
    if placement_option_id != plan.placement_option_id:
        raise bad_request(
            "The placement option is not the one confirmed for this inbound plan.",
            f"placementOptionId={placement_option_id}",
        )
    configurations = tuple(
        msgspec.convert(c, Configuration) for c in body["shipmentTransportationConfigurations"]
    )
    today = call.clock.timestamp() // transport_wire.DAY * transport_wire.DAY
    seen: set[str] = set()
    for config in configurations:
        doing = "generate transportation options"
        shipment = guards.not_shipped(call.tenant, plan_id, config.shipment_id, doing)
        if config.shipment_id in seen:
            raise bad_request("A shipment is configured more than once.", f"shipmentId={config.shipment_id}")
        seen.add(config.shipment_id)
        if records.of(call.tenant, shipment).chosen is not None:
            raise bad_request(
                "Transportation is confirmed for this shipment; its options cannot be generated again.",
                f"shipmentId={config.shipment_id}",
            )
        start = parse_instant(config.ready_to_ship_window.start, "readyToShipWindow.start")
        if start < today:
            raise bad_request(
                "readyToShipWindow.start must not be in the past.", f"shipmentId={config.shipment_id}"
            )
    found = timings.load(call.store)
    expires_at = call.clock.timestamp() + found.operation + found.option_ttl
    request = Generation(
        plan_id=plan_id,
        placement_option_id=placement_option_id,
        configurations=configurations,
        expires_at=expires_at,
    )
    return accept(call, plan_id, request)


@finishes("generateTransportationOptions")
def _generated(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, Generation)
    chosen = []
    for config in request.configurations:
        shipment = guards.still(tenant, request.plan_id, config.shipment_id, WORKING)
        if shipment is None:
            return guards.MOVED_ON
        chosen.append((shipment, config))
    for shipment, config in chosen:
        logistics = msgspec.structs.replace(
            records.of(tenant, shipment),
            options=_offers(job, shipment, request, config),
            ready_to_ship_at=parse_instant(config.ready_to_ship_window.start, "readyToShipWindow.start"),
            contact=config.contact_information,
            freight=config.freight_information,
        )
        records.keep(tenant, logistics)
        if config.pallets:
            facade.set_pallets(
                tenant, request.plan_id, shipment.shipment_id, _pallets(job, shipment, config.pallets)
            )
    return DONE


def listed(call: Call, plan_id: str) -> dict[str, Any]:
    """listTransportationOptions: the options of a placement option or of one shipment, paged."""
    facade.require_plan(call.tenant, plan_id)
    placement, shipment_id = call.params.get("placementOptionId"), call.params.get("shipmentId")
    if not placement and not shipment_id:
        raise bad_request("Either placementOptionId or shipmentId must be given.", f"inboundPlanId={plan_id}")
    shipments = (
        [facade.require_shipment(call.tenant, plan_id, shipment_id)]
        if shipment_id
        else facade.shipments_of(call.tenant, plan_id)
    )
    found = []
    for shipment in shipments:
        logistics = records.of(call.tenant, shipment)
        for offered in logistics.options:
            if placement and offered.placement_option_id != placement:
                continue
            confirmed = logistics.chosen is not None and logistics.chosen.option_id == offered.option_id
            found.append(transport_wire.option(offered, logistics.confirmed_at if confirmed else None))
    shown, pagination = paging.page(found, call.params)
    return {"transportationOptions": list(shown)} | pagination


def confirm(call: Call, plan_id: str) -> Reply:
    """Check a confirmTransportationOptions request (one option per waiting shipment) and start it."""
    plan = operations.open_plan(call, plan_id)
    selections = tuple(msgspec.convert(s, Selection) for s in call.body["transportationSelections"])
    now = call.clock.timestamp()
    doing = "confirm transportation options"
    named: set[str] = set()
    for selection in selections:
        shipment = guards.not_shipped(call.tenant, plan_id, selection.shipment_id, doing)
        about = f"shipmentId={selection.shipment_id}"
        if selection.shipment_id in named:
            raise bad_request("A shipment is named more than once.", about)
        named.add(selection.shipment_id)
        logistics = records.of(call.tenant, shipment)
        if logistics.chosen is not None:
            raise bad_request("Transportation is already confirmed for this shipment.", about)
        if not logistics.options:
            raise out_of_order(doing, "generateTransportationOptions", about)
        offered = next(
            (o for o in logistics.options if o.option_id == selection.transportation_option_id), None
        )
        if offered is None:
            raise missing(
                "The transportation option was not offered for this shipment.",
                f"transportationOptionId={selection.transportation_option_id}",
            )
        if now >= offered.expires_at:
            raise bad_request(
                "The transportation option has expired: call generateTransportationOptions again.",
                f"transportationOptionId={offered.option_id}",
            )
        if NEEDS_WINDOW in offered.preconditions and logistics.window is None:
            raise out_of_order(doing, "confirmDeliveryWindowOptions", about)
    waiting = [
        s.shipment_id
        for s in facade.shipments_of(call.tenant, plan_id)
        if s.status is ShipmentStatus.WORKING and records.of(call.tenant, s).chosen is None
    ]
    unnamed = [s for s in waiting if s not in named]
    if unnamed:
        raise bad_request(
            "Every shipment of the inbound plan needs a transportation option.", f"shipmentId={unnamed[0]}"
        )
    return accept(call, plan.plan_id, Confirmation(plan_id=plan_id, selections=selections))


@finishes("confirmTransportationOptions")
def _confirmed(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, Confirmation)
    for selection in request.selections:
        if guards.still(tenant, request.plan_id, selection.shipment_id, WORKING) is None:
            return guards.MOVED_ON
    for selection in request.selections:
        shipment = facade.require_shipment(tenant, request.plan_id, selection.shipment_id)
        logistics = records.of(tenant, shipment)
        offered = next(o for o in logistics.options if o.option_id == selection.transportation_option_id)
        records.keep(
            tenant,
            msgspec.structs.replace(
                logistics,
                chosen=offered,
                confirmed_at=due,
                contact=selection.contact_information or logistics.contact,
            ),
        )
        facade.ready_to_ship(tenant, due, request.plan_id, selection.shipment_id)
    return DONE


@facade.guards_cancel
def _within_void_window(tenant: TenantState, now: float, plan: InboundPlan) -> None:
    """A partnered carrier's charge can be voided only for a while after transportation is confirmed."""
    for shipment in facade.shipments_of(tenant, plan.plan_id):
        logistics = records.of(tenant, shipment)
        chosen, confirmed_at = logistics.chosen, logistics.confirmed_at
        if chosen is None or confirmed_at is None or not chosen.partnered:
            continue
        until = confirmed_at + transport_wire.void_window(chosen)
        if now > until:
            raise bad_request(
                "The inbound plan can no longer be cancelled: the void window of its Amazon-partnered "
                "carrier has passed.",
                f"shipmentId={shipment.shipment_id}, voidableUntil={iso(until)}",
            )
