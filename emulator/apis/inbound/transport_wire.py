"""The transport side's records as 2024-03-20 spells them, and what it adds to getShipment."""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.shipments import Shipment
from emulator.apis.inbound.transport_records import (
    Appointment,
    Logistics,
    Money,
    Preview,
    Slot,
    TransportOption,
    WindowOption,
)
from emulator.state import TenantState
from emulator.state.clock import iso

DAY = 86400.0
# How long after confirmation an Amazon-partnered carrier's charge can still be voided (reference §10.1).
VOID_WINDOW = {"GROUND_SMALL_PARCEL": DAY}
FREIGHT_VOID_WINDOW = 3600.0


def void_window(option: TransportOption) -> float:
    return VOID_WINDOW.get(option.shipping_mode, FREIGHT_VOID_WINDOW)


def money(found: Money) -> dict[str, Any]:
    return {"amount": found.amount, "code": found.code}


def option(found: TransportOption, confirmed_at: float | None = None) -> dict[str, Any]:
    """A `TransportationOption`; a confirmed partnered one shows until when it can be voided."""
    shown: dict[str, Any] = {
        "transportationOptionId": found.option_id,
        "shipmentId": found.shipment_id,
        "shippingMode": found.shipping_mode,
        "shippingSolution": found.shipping_solution,
        "carrier": {"name": found.carrier_name, "alphaCode": found.carrier_code},
        "preconditions": list(found.preconditions),
    }
    if found.cost is not None:
        quote: dict[str, Any] = {"cost": money(found.cost), "expiration": iso(found.expires_at)}
        if confirmed_at is not None and found.partnered:
            quote["voidableUntil"] = iso(confirmed_at + void_window(found))
        shown["quote"] = quote
    return shown


def window(found: WindowOption) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "deliveryWindowOptionId": found.option_id,
        "availabilityType": found.availability,
        "startDate": iso(found.starts_at),
        "endDate": iso(found.ends_at),
        "validUntil": iso(found.valid_until),
    }
    if found.discount is not None:
        shown["discounts"] = [
            {
                "type": "DISCOUNT",
                "target": "Delivery window",
                "description": "Delivering in a quiet window earns a discount on placement fees.",
                "value": money(found.discount),
            }
        ]
    return shown


def slot_time(found: Slot) -> dict[str, str]:
    return {"startTime": iso(found.starts_at), "endTime": iso(found.ends_at)}


def slot(found: Slot) -> dict[str, Any]:
    return {"slotId": found.slot_id, "slotTime": slot_time(found)}


def appointment(found: Appointment) -> dict[str, Any]:
    return {
        "appointmentId": found.appointment_id,
        "appointmentSlotTime": slot_time(found.slot),
        "appointmentStatus": found.status,
    }


def preview(found: Preview) -> dict[str, Any]:
    return {
        "contentUpdatePreviewId": found.preview_id,
        "expiration": iso(found.expires_at),
        "requestedUpdates": msgspec.to_builtins(found.updates),
        "transportationOption": option(found.option),
    }


def _tracking(logistics: Logistics) -> dict[str, Any] | None:
    found = logistics.tracking
    if found is None:
        return None
    if found.freight_bill_number is not None:
        ltl: dict[str, Any] = {"freightBillNumber": [found.freight_bill_number]}
        if found.bill_of_lading_number is not None:
            ltl["billOfLadingNumber"] = found.bill_of_lading_number
        return {"ltlTrackingDetail": ltl}
    items = [{"boxId": i.box_id, "trackingId": i.tracking_id} for i in found.spd_items]
    return {"spdTrackingDetail": {"spdTrackingItems": items}}


@facade.shows_on_shipment
def on_shipment(tenant: TenantState, shipment: Shipment) -> dict[str, Any]:
    """What getShipment shows of the transport steps taken so far."""
    found = records.of(tenant, shipment)
    shown: dict[str, Any] = {}
    if found.chosen is not None:
        shown["selectedTransportationOptionId"] = found.chosen.option_id
    if found.contact is not None:
        shown["contactInformation"] = msgspec.to_builtins(found.contact)
    if found.freight is not None:
        shown["freightInformation"] = msgspec.to_builtins(found.freight)
    if found.ready_to_ship_at is not None:
        start = found.ready_to_ship_at
        shown["dates"] = {"readyToShipWindow": {"start": iso(start), "end": iso(start + DAY)}}
    if found.window is not None:
        chosen = window(found.window)
        shown["selectedDeliveryWindow"] = {
            k: chosen[k] for k in ("deliveryWindowOptionId", "availabilityType", "startDate", "endDate")
        }
    if found.appointment is not None:
        shown["selfShipAppointmentDetails"] = [appointment(found.appointment)]
    tracking = _tracking(found)
    if tracking is not None:
        shown["trackingDetails"] = tracking
    return shown
