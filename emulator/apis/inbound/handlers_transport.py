"""Fulfillment Inbound 2024-03-20's transport operations: transportation options, delivery windows,
self-ship appointments, tracking, content-update previews and the delivery challan.

Each step needs the steps before it (placement confirmed, then transportation confirmed, ...); one taken
too early is a 400 `BadRequest` naming the operation to call first (`guards`).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import (
    content_updates,
    delivery_windows,
    guards,
    item_settings,
    labels,
    self_ship,
    tracking,
    transport,
)
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.context import Call, Reply
from emulator.registry import operation


def _plan(call: Call) -> str:
    return str(call.params["inboundPlanId"])


def _at(call: Call) -> tuple[str, str]:
    return _plan(call), str(call.params["shipmentId"])


@operation("generateTransportationOptions")
def generate_transportation_options(call: Call) -> Reply:
    """Offers partnered and own-carrier options (small parcel, and LTL with pallets) per shipment."""
    return transport.generate(call, _plan(call))


@operation("listTransportationOptions")
def list_transportation_options(call: Call) -> dict[str, Any]:
    """The options of a placement option or a shipment, with quotes."""
    return transport.listed(call, _plan(call))


@operation("confirmTransportationOptions")
def confirm_transportation_options(call: Call) -> Reply:
    """Confirms one option per shipment; the shipments become READY_TO_SHIP."""
    return transport.confirm(call, _plan(call))


@operation("generateDeliveryWindowOptions")
def generate_delivery_window_options(call: Call) -> Reply:
    """Offers five week-long delivery windows of varied availability."""
    return delivery_windows.generate(call, *_at(call))


@operation("listDeliveryWindowOptions")
def list_delivery_window_options(call: Call) -> dict[str, Any]:
    """The delivery windows last offered for the shipment."""
    return delivery_windows.listed(call, *_at(call))


@operation("confirmDeliveryWindowOptions")
def confirm_delivery_window_options(call: Call) -> Reply:
    """Confirms an unexpired, unblocked delivery window."""
    return delivery_windows.confirm(call, *_at(call), call.params["deliveryWindowOptionId"])


@operation("generateSelfShipAppointmentSlots")
def generate_self_ship_appointment_slots(call: Call) -> Reply:
    """Offers daily one-hour appointment slots within the desired dates (201)."""
    return self_ship.generate(call, *_at(call))


@operation("getSelfShipAppointmentSlots")
def get_self_ship_appointment_slots(call: Call) -> dict[str, Any]:
    """The appointment slots last offered, and when they expire."""
    return self_ship.listed(call, *_at(call))


@operation("scheduleSelfShipAppointment")
def schedule_self_ship_appointment(call: Call) -> dict[str, Any]:
    """Books a slot at once (a reschedule needs a reason)."""
    return self_ship.schedule(call, *_at(call), call.params["slotId"])


@operation("cancelSelfShipAppointment")
def cancel_self_ship_appointment(call: Call) -> Reply:
    """Cancels the scheduled appointment."""
    return self_ship.cancel(call, *_at(call))


@operation("updateShipmentTrackingDetails")
def update_shipment_tracking_details(call: Call) -> Reply:
    """Box tracking ids or a freight bill; a READY_TO_SHIP shipment then ships and the clock moves it on."""
    return tracking.update(call, *_at(call))


@operation("generateShipmentContentUpdatePreviews")
def generate_shipment_content_update_previews(call: Call) -> Reply:
    """Prices a change of boxes and items before the shipment leaves."""
    return content_updates.generate(call, *_at(call))


@operation("listShipmentContentUpdatePreviews")
def list_shipment_content_update_previews(call: Call) -> dict[str, Any]:
    """The shipment's content-update previews."""
    return content_updates.listed(call, *_at(call))


@operation("getShipmentContentUpdatePreview")
def get_shipment_content_update_preview(call: Call) -> dict[str, Any]:
    """One content-update preview."""
    return content_updates.shown(call, *_at(call), call.params["contentUpdatePreviewId"])


@operation("confirmShipmentContentUpdatePreview")
def confirm_shipment_content_update_preview(call: Call) -> Reply:
    """Accepts a preview: its re-quoted option becomes the confirmed one."""
    return content_updates.confirm(call, *_at(call), call.params["contentUpdatePreviewId"])


@operation("getDeliveryChallanDocument")
def get_delivery_challan_document(call: Call) -> dict[str, Any]:
    """A PDF delivery challan for a confirmed shipment in India."""
    shipment = guards.confirmed(call.tenant, *_at(call), "get a delivery challan")
    if BY_ID[shipment.marketplace_id].country != "IN":
        raise bad_request(
            "Delivery challans are issued for shipments in the India marketplace only.",
            f"shipmentId={shipment.shipment_id}",
        )
    hsn = {}
    for line in shipment.items:
        tax = item_settings.find(call.tenant, shipment.marketplace_id, line.msku).tax
        if tax is not None and tax.hsn_code:
            hsn[line.msku] = tax.hsn_code
    url, expires_at = labels.publish(call, "Delivery challan", labels.challan(shipment, hsn), "challan.pdf")
    return {"documentDownload": labels.download(url, expires_at)}
