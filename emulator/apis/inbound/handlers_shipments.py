"""Fulfillment Inbound 2024-03-20: a shipment, its items, boxes and pallets, its name and source address."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import operations, paging, shipment_changes, wire
from emulator.apis.inbound.records import Shipment
from emulator.apis.inbound.shipments import require_shipment
from emulator.context import Call, Reply
from emulator.registry import operation


def _shipment(call: Call) -> Shipment:
    return require_shipment(call.tenant, call.params["inboundPlanId"], call.params["shipmentId"])


@operation("getShipment")
def get_shipment(call: Call) -> dict[str, Any]:
    """One shipment: status on the clock, destination, source, confirmation id and transport details."""
    return wire.shipment(call.tenant, _shipment(call))


@operation("listShipmentItems")
def list_shipment_items(call: Call) -> dict[str, Any]:
    """The units of one shipment per MSKU, in pages."""
    return paging.listed(call.params, "items", _shipment(call).items, wire.item)


@operation("listShipmentBoxes")
def list_shipment_boxes(call: Call) -> dict[str, Any]:
    """The boxes of one shipment (with box ids once placement is confirmed), in pages."""
    return paging.listed(call.params, "boxes", _shipment(call).boxes, wire.box)


@operation("listShipmentPallets")
def list_shipment_pallets(call: Call) -> dict[str, Any]:
    """The pallets of a freight shipment, in pages."""
    return paging.listed(call.params, "pallets", _shipment(call).pallets, wire.pallet)


@operation("updateShipmentName")
def update_shipment_name(call: Call) -> Reply:
    """Renames one shipment."""
    shipment = _shipment(call)
    shipment_changes.rename(call, shipment.plan_id, shipment.shipment_id, call.body["name"])
    return Reply(None, 204)


@operation("updateShipmentSourceAddress")
def update_shipment_source_address(call: Call) -> dict[str, Any]:
    """Changes where a shipment not yet shipped is picked up (asynchronous)."""
    shipment = _shipment(call)
    return operations.accepted(shipment_changes.move_source(call, shipment.plan_id, shipment.shipment_id))
