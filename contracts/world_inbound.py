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

from contracts.target import Target
from contracts.workflows import US
from contracts.world import DROP, SKUS, Overlay, World, _call, _one

BASE = "/inbound/fba/2024-03-20/inboundPlans"
SOURCE = {
    "name": "World warehouse",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrProvinceCode": "WA",
    "postalCode": "98101",
    "countryCode": "US",
    "phoneNumber": "2065550100",
}
LINE = {"msku": SKUS[0], "quantity": 4, "labelOwner": "SELLER", "prepOwner": "NONE"}
BOX = {
    "contentInformationSource": "BOX_CONTENT_PROVIDED",
    "dimensions": {"length": 12, "width": 10, "height": 8, "unitOfMeasurement": "IN"},
    "weight": {"value": 10, "unit": "LB"},
    "quantity": 1,
    "items": [LINE],
}
PAGED = {"paginationToken": DROP}


@dataclass(frozen=True)
class InboundWorld:
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


def seed_inbound(target: Target) -> InboundWorld:
    """Five plans of the world's first SKU, each taken one step further than the one before."""
    target.http.put("/_emulator/config/inbound.timings", json={"operation": 0})
    try:
        return _plans(target)
    finally:
        target.http.delete("/_emulator/config/inbound.timings")


def _plans(target: Target) -> InboundWorld:
    plans = [
        _call(
            target,
            "createInboundPlan",
            BASE,
            json={"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [LINE]},
        )["inboundPlanId"]
        for _ in range(5)
    ]
    fresh, offered, chosen, packed, placed = plans
    for plan in plans[1:]:
        _call(target, "generatePackingOptions", f"{BASE}/{plan}/packingOptions")
    option = {
        p: _call(target, "listPackingOptions", f"{BASE}/{p}/packingOptions")["packingOptions"][0]
        for p in plans[1:]
    }
    for plan in plans[2:]:
        _call(
            target,
            "confirmPackingOption",
            f"{BASE}/{plan}/packingOptions/{option[plan]['packingOptionId']}/confirmation",
        )
    for plan in plans[3:]:
        grouping = {"packingGroupId": option[plan]["packingGroups"][0], "boxes": [BOX]}
        _call(
            target,
            "setPackingInformation",
            f"{BASE}/{plan}/packingInformation",
            json={"packageGroupings": [grouping]},
        )
        _call(target, "generatePlacementOptions", f"{BASE}/{plan}/placementOptions", json={})
    placement = {
        p: _call(target, "listPlacementOptions", f"{BASE}/{p}/placementOptions")["placementOptions"][0]
        for p in plans[3:]
    }
    last = _call(
        target,
        "confirmPlacementOption",
        f"{BASE}/{placed}/placementOptions/{placement[placed]['placementOptionId']}/confirmation",
    )
    _call(target, "getInboundPlan", f"{BASE}/{placed}")  # settles the last operation
    return InboundWorld(
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


def _inbound(world: World) -> InboundWorld:
    found: InboundWorld = world.extras["inbound"]
    return found


def _on(step: str, **parts: Any) -> Any:
    """An overlay factory: the path names the plan at `step`, plus `parts` (each may read the world)."""

    def overlay(world: World) -> st.SearchStrategy[Overlay]:
        found = _inbound(world)
        path = {"inboundPlanId": getattr(found, step)}
        drawn = {k: v(found) if callable(v) else v for k, v in parts.items()}
        return _one(**{**drawn, "path": {**path, **drawn.get("path", {})}})

    return overlay


def _shipment(**parts: Any) -> Any:
    return _on("placed", path=lambda w: {"shipmentId": w.shipment}, **parts)


INBOUND_OVERLAYS = {
    "createInboundPlan": lambda w: _one(
        body={"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [LINE], "name": DROP}
    ),
    "listInboundPlans": lambda w: _one(query=PAGED),
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
        body=lambda w: {"packageGroupings": [{"packingGroupId": w.group, "boxes": [BOX]}]},
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
    "getInboundOperationStatus": lambda w: _one(path={"operationId": _inbound(w).operation}),
}
