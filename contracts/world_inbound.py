"""The Inbound part of the contract world: one plan at each step of the workflow, and the overlays that
point generated cases at the plan whose step each operation takes.

    fresh     created                                  generatePackingOptions, cancelInboundPlan, names
    offered   packing options offered                  confirmPackingOption
    chosen    a packing option confirmed               setPackingInformation
    packed    boxes given, placement options offered   generate/confirmPlacementOption
    placed    placement confirmed: WORKING shipments   shipments, boxes, items, operation status

While the world is seeded, Inbound's operations take no time (the control API sets `inbound.timings`), so
each one has ended by the next call; the timings are back to their defaults before the cases run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from contracts.overlays import DROP, Overlay, one, seed_call
from contracts.target import Target
from contracts.workflows import US
from emulator.control.seed import SEED_SOURCE as SOURCE

BASE = "/inbound/fba/2024-03-20/inboundPlans"


def line(sku: str) -> dict[str, Any]:
    return {"msku": sku, "quantity": 4, "labelOwner": "SELLER", "prepOwner": "NONE"}


def box(sku: str) -> dict[str, Any]:
    """One box holding a plan's four units."""
    return {
        "contentInformationSource": "BOX_CONTENT_PROVIDED",
        "dimensions": {"length": 12, "width": 10, "height": 8, "unitOfMeasurement": "IN"},
        "weight": {"value": 10, "unit": "LB"},
        "quantity": 1,
        "items": [line(sku)],
    }


PAGED = {"paginationToken": DROP}


@dataclass(frozen=True)
class InboundWorld:
    sku: str
    fresh: str
    offered: str
    packing_option: str
    chosen: str
    group: str
    packed: str
    placement_option: str
    placed: str
    shipment: str
    placed_group: str
    operation: str


def seed_inbound(target: Target, sku: str) -> InboundWorld:
    """Five plans of `sku` (a stocked SKU of the world), each taken one step further than the one before."""
    target.http.put("/_emulator/config/inbound.timings", json={"operation": 0})
    try:
        return _plans(target, sku)
    finally:
        target.http.delete("/_emulator/config/inbound.timings")


def _plans(target: Target, sku: str) -> InboundWorld:
    plans = [
        seed_call(
            target,
            "createInboundPlan",
            BASE,
            json={"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [line(sku)]},
        )["inboundPlanId"]
        for _ in range(5)
    ]
    fresh, offered, chosen, packed, placed = plans
    for plan in plans[1:]:
        seed_call(target, "generatePackingOptions", f"{BASE}/{plan}/packingOptions")
    option = {
        p: seed_call(target, "listPackingOptions", f"{BASE}/{p}/packingOptions")["packingOptions"][0]
        for p in plans[1:]
    }
    for plan in plans[2:]:
        seed_call(
            target,
            "confirmPackingOption",
            f"{BASE}/{plan}/packingOptions/{option[plan]['packingOptionId']}/confirmation",
        )
    for plan in plans[3:]:
        grouping = {"packingGroupId": option[plan]["packingGroups"][0], "boxes": [box(sku)]}
        seed_call(
            target,
            "setPackingInformation",
            f"{BASE}/{plan}/packingInformation",
            json={"packageGroupings": [grouping]},
        )
        seed_call(target, "generatePlacementOptions", f"{BASE}/{plan}/placementOptions", json={})
    placement = {
        p: seed_call(target, "listPlacementOptions", f"{BASE}/{p}/placementOptions")["placementOptions"][0]
        for p in plans[3:]
    }
    last = seed_call(
        target,
        "confirmPlacementOption",
        f"{BASE}/{placed}/placementOptions/{placement[placed]['placementOptionId']}/confirmation",
    )
    seed_call(target, "getInboundPlan", f"{BASE}/{placed}")  # settles the last operation
    return InboundWorld(
        sku=sku,
        fresh=fresh,
        offered=offered,
        packing_option=option[offered]["packingOptionId"],
        chosen=chosen,
        group=option[chosen]["packingGroups"][0],
        packed=packed,
        placement_option=placement[packed]["placementOptionId"],
        placed=placed,
        shipment=placement[placed]["shipmentIds"][0],
        placed_group=option[placed]["packingGroups"][0],
        operation=last["operationId"],
    )


def _inbound(world: Any) -> InboundWorld:
    """What `seed_inbound` made, kept with the world (`contracts.world.World`)."""
    found: InboundWorld = world.extras["inbound"]
    return found


def _on(step: str, **parts: Any) -> Any:
    """An overlay factory: the path names the plan at `step`, plus `parts` (each may read the world)."""

    def overlay(world: Any) -> st.SearchStrategy[Overlay]:
        found = _inbound(world)
        path = {"inboundPlanId": getattr(found, step)}
        drawn = {k: v(found) if callable(v) else v for k, v in parts.items()}
        return one(**{**drawn, "path": {**path, **drawn.get("path", {})}})

    return overlay


def _shipment(**parts: Any) -> Any:
    return _on("placed", path=lambda w: {"shipmentId": w.shipment}, **parts)


INBOUND_OVERLAYS = {
    "createInboundPlan": lambda w: one(
        body={
            "destinationMarketplaces": [US],
            "sourceAddress": SOURCE,
            "items": [line(_inbound(w).sku)],
            "name": DROP,
        }
    ),
    "listInboundPlans": lambda w: one(query=PAGED),
    "getInboundPlan": _on("placed"),
    "listInboundPlanItems": _on("placed", query=PAGED),
    "listInboundPlanBoxes": _on("placed", query=PAGED),
    "listInboundPlanPallets": _on("placed", query=PAGED),
    "updateInboundPlanName": _on("fresh"),
    "cancelInboundPlan": _on("fresh"),
    "generatePackingOptions": _on("fresh"),
    "listPackingOptions": _on("offered", query=PAGED),
    "confirmPackingOption": _on("offered", path=lambda w: {"packingOptionId": w.packing_option}),
    "listPackingGroupItems": _on("placed", path=lambda w: {"packingGroupId": w.placed_group}, query=PAGED),
    "listPackingGroupBoxes": _on("placed", path=lambda w: {"packingGroupId": w.placed_group}, query=PAGED),
    "setPackingInformation": _on(
        "chosen",
        body=lambda w: {"packageGroupings": [{"packingGroupId": w.group, "boxes": [box(w.sku)]}]},
        whole_body=True,
    ),
    "generatePlacementOptions": _on("packed", body={}, whole_body=True),
    "listPlacementOptions": _on("packed", query=PAGED),
    "confirmPlacementOption": _on("packed", path=lambda w: {"placementOptionId": w.placement_option}),
    "getShipment": _shipment(),
    "listShipmentItems": _shipment(query=PAGED),
    "listShipmentBoxes": _shipment(query=PAGED),
    "listShipmentPallets": _shipment(query=PAGED),
    "updateShipmentName": _shipment(),
    "updateShipmentSourceAddress": _shipment(body={"address": SOURCE}, whole_body=True),
    "getInboundOperationStatus": lambda w: one(path={"operationId": _inbound(w).operation}),
}
