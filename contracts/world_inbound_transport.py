"""The contract world's part for Inbound's transport side: plans whose shipments stand where each
transport, item and v0 operation can succeed, and the request parts that point cases at them.

`seed` drives the in-process emulator through the Inbound operations (each asynchronous one finishes
at once: its duration is 0 while the world is seeded, so the clock, and the tokens the suite caches,
stay put): a US plan whose shipment has transportation options, delivery windows and
appointment slots on offer (`open_`), a US plan shipping as partnered freight with a scheduled appointment
and a content-update preview (`ready`), and an India plan for the delivery challan (made while the
default seller also sells in India; its marketplaces are restored afterwards). `parts` gives, per
operation, what `overlays.one` lays over generated cases; `TRANSPORT_OVERLAYS` the world's overlays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from contracts.overlays import DROP, Overlay, one, seed_call
from contracts.target import EmulatorTarget, Target
from emulator.protocol import CONTROL_PREFIX

TIMINGS = f"{CONTROL_PREFIX}/config/inbound.timings"
SELLERS = f"{CONTROL_PREFIX}/sellers"

US, IN = "ATVPDKIKX0DER", "A21TJRUUN4KGV"
SKU = "W-MUG"
BASE = "/inbound/fba/2024-03-20"
FAR = {"start": "2099-01-01T00:00:00Z"}
SOURCE = {
    "name": "World Seller",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrProvinceCode": "WA",
    "postalCode": "98101",
    "countryCode": "US",
    "phoneNumber": "2065550100",
}
INDIA_SOURCE = {
    **SOURCE,
    "city": "Mumbai",
    "stateOrProvinceCode": "MH",
    "postalCode": "400001",
    "countryCode": "IN",
}
BOX = {
    "contentInformationSource": "BOX_CONTENT_PROVIDED",
    "dimensions": {"length": 12, "width": 10, "height": 8, "unitOfMeasurement": "IN"},
    "weight": {"value": 10, "unit": "LB"},
    "quantity": 1,
}


def _item(quantity: int) -> dict[str, Any]:
    return {"msku": SKU, "quantity": quantity, "labelOwner": "SELLER", "prepOwner": "NONE"}


@dataclass(frozen=True)
class Shipment:
    """A seeded plan's single shipment."""

    plan_id: str
    shipment_id: str
    confirmation_id: str
    placement_option_id: str
    box_ids: tuple[str, ...]


@dataclass(frozen=True)
class Transported:
    """What `seed` made."""

    open_: Shipment
    ready: Shipment
    india: Shipment
    option_id: str  # a partnered small-parcel option of `open_`
    window_id: str  # an AVAILABLE delivery window of `open_`
    slot_id: str  # an appointment slot of `open_`
    preview_id: str  # a content-update preview of `ready`


class _Driver:
    """Inbound calls on the in-process emulator, each asynchronous one run to its end."""

    def __init__(self, target: EmulatorTarget) -> None:
        self.target = target

    def call(self, operation_id: str, path: str, **kwargs: Any) -> Any:
        return seed_call(self.target, operation_id, path, **kwargs)

    def run(self, operation_id: str, path: str, **kwargs: Any) -> Any:
        answer = self.call(operation_id, path, **kwargs)
        status = self.call("getInboundOperationStatus", f"{BASE}/operations/{answer['operationId']}")
        assert status["operationStatus"] == "SUCCESS", f"seeding the inbound world: {status}"
        return answer

    def placed(self, marketplace: str, source: dict[str, str]) -> Shipment:
        body = {"destinationMarketplaces": [marketplace], "sourceAddress": source, "items": [_item(6)]}
        plan_id = self.run("createInboundPlan", f"{BASE}/inboundPlans", json=body)["inboundPlanId"]
        at = f"{BASE}/inboundPlans/{plan_id}"
        self.run("generatePackingOptions", f"{at}/packingOptions")
        packing = self.call("listPackingOptions", f"{at}/packingOptions")["packingOptions"][0]
        self.run("confirmPackingOption", f"{at}/packingOptions/{packing['packingOptionId']}/confirmation")
        grouping = {"packingGroupId": packing["packingGroups"][0], "boxes": [{**BOX, "items": [_item(6)]}]}
        self.run("setPackingInformation", f"{at}/packingInformation", json={"packageGroupings": [grouping]})
        self.run("generatePlacementOptions", f"{at}/placementOptions", json={})
        placement = self.call("listPlacementOptions", f"{at}/placementOptions")["placementOptions"][0]
        option_id = placement["placementOptionId"]
        self.run("confirmPlacementOption", f"{at}/placementOptions/{option_id}/confirmation")
        [shipment_id] = placement["shipmentIds"]
        shipment = self.call("getShipment", f"{at}/shipments/{shipment_id}")
        boxes = self.call("listShipmentBoxes", f"{at}/shipments/{shipment_id}/boxes")["boxes"]
        return Shipment(
            plan_id,
            shipment_id,
            shipment["shipmentConfirmationId"],
            option_id,
            tuple(b["boxId"] for b in boxes),
        )

    def options(self, shipment: Shipment, **config: Any) -> list[dict[str, Any]]:
        at = f"{BASE}/inboundPlans/{shipment.plan_id}/transportationOptions"
        entry = {"shipmentId": shipment.shipment_id, "readyToShipWindow": FAR, **config}
        body = {
            "placementOptionId": shipment.placement_option_id,
            "shipmentTransportationConfigurations": [entry],
        }
        self.run("generateTransportationOptions", at, json=body)
        return list(
            self.call("listTransportationOptions", at, params={"shipmentId": shipment.shipment_id})[
                "transportationOptions"
            ]
        )

    def window(self, shipment: Shipment) -> str:
        at = f"{BASE}/inboundPlans/{shipment.plan_id}/shipments/{shipment.shipment_id}/deliveryWindowOptions"
        self.run("generateDeliveryWindowOptions", at)
        windows = self.call("listDeliveryWindowOptions", at)["deliveryWindowOptions"]
        return str(next(w for w in windows if w["availabilityType"] == "AVAILABLE")["deliveryWindowOptionId"])

    def slot(self, shipment: Shipment) -> str:
        shipment_at = f"{BASE}/inboundPlans/{shipment.plan_id}/shipments/{shipment.shipment_id}"
        at = f"{shipment_at}/selfShipAppointmentSlots"
        self.run("generateSelfShipAppointmentSlots", at, json={})
        slots = self.call("getSelfShipAppointmentSlots", at)["selfShipAppointmentSlotsAvailability"]["slots"]
        return str(slots[0]["slotId"])


def _pick(options: list[dict[str, Any]], mode: str) -> str:
    return str(
        next(
            o["transportationOptionId"]
            for o in options
            if o["shippingMode"] == mode and o["shippingSolution"] == "AMAZON_PARTNERED_CARRIER"
        )
    )


def _ready(driver: _Driver) -> tuple[Shipment, str]:
    """A shipment on partnered LTL freight (READY_TO_SHIP) with an appointment and a preview."""
    ready = driver.placed(US, SOURCE)
    freight = _pick(driver.options(ready, pallets=[{"quantity": 1}]), "FREIGHT_LTL")
    at = f"{BASE}/inboundPlans/{ready.plan_id}"
    window = driver.window(ready)
    shipment_at = f"{at}/shipments/{ready.shipment_id}"
    driver.run("confirmDeliveryWindowOptions", f"{shipment_at}/deliveryWindowOptions/{window}/confirmation")
    selection = {"shipmentId": ready.shipment_id, "transportationOptionId": freight}
    driver.run(
        "confirmTransportationOptions",
        f"{at}/transportationOptions/confirmation",
        json={"transportationSelections": [selection]},
    )
    slot = driver.slot(ready)
    driver.call(
        "scheduleSelfShipAppointment", f"{shipment_at}/selfShipAppointmentSlots/{slot}/schedule", json={}
    )
    update = {"boxes": [{**BOX, "items": [_item(6)]}], "items": [_item(6)]}
    driver.run("generateShipmentContentUpdatePreviews", f"{shipment_at}/contentUpdatePreviews", json=update)
    previews = driver.call("listShipmentContentUpdatePreviews", f"{shipment_at}/contentUpdatePreviews")
    return ready, str(previews["contentUpdatePreviews"][0]["contentUpdatePreviewId"])


def _control(target: Target, method: str, path: str, **kwargs: Any) -> Any:
    response = target.http.request(method, path, **kwargs)
    assert response.status_code < 300, f"seeding the inbound world: {method} {path} {response.text}"
    return response.json() if response.content else None


def _india(driver: _Driver, seller_id: str) -> Shipment:
    """An India plan, made while the seller also sells there (through the control API)."""
    target = driver.target
    seller = next(s for s in _control(target, "GET", SELLERS)["sellers"] if s["sellerId"] == seller_id)
    _control(target, "POST", SELLERS, json={**seller, "marketplaceIds": [*seller["marketplaceIds"], IN]})
    try:
        driver.call(
            "createInventoryItem",
            "/fba/inventory/v1/items",
            json={"sellerSku": SKU, "marketplaceId": IN, "productName": "World mug"},
        )
        return driver.placed(IN, INDIA_SOURCE)
    finally:
        _control(target, "POST", SELLERS, json=seller)


def seed(target: Target, seller_id: str) -> Transported | None:
    """The transport side's part of the world (the in-process emulator only; None elsewhere)."""
    if not isinstance(target, EmulatorTarget):
        return None
    _control(target, "PUT", TIMINGS, json={"operation": 0})
    try:
        driver = _Driver(target)
        open_ = driver.placed(US, SOURCE)
        option_id = _pick(driver.options(open_), "GROUND_SMALL_PARCEL")
        ready, preview_id = _ready(driver)
        return Transported(
            open_=open_,
            ready=ready,
            india=_india(driver, seller_id),
            option_id=option_id,
            window_id=driver.window(open_),
            slot_id=driver.slot(open_),
            preview_id=preview_id,
        )
    finally:
        _control(target, "DELETE", TIMINGS)


PLAN_OPERATIONS = (
    "generateTransportationOptions",
    "listTransportationOptions",
    "confirmTransportationOptions",
    "generateDeliveryWindowOptions",
    "listDeliveryWindowOptions",
    "confirmDeliveryWindowOptions",
    "generateSelfShipAppointmentSlots",
    "getSelfShipAppointmentSlots",
    "scheduleSelfShipAppointment",
    "cancelSelfShipAppointment",
    "updateShipmentTrackingDetails",
    "generateShipmentContentUpdatePreviews",
    "listShipmentContentUpdatePreviews",
    "getShipmentContentUpdatePreview",
    "confirmShipmentContentUpdatePreview",
    "getDeliveryChallanDocument",
)
ITEM_OPERATIONS = (
    "listItemComplianceDetails",
    "updateItemComplianceDetails",
    "listPrepDetails",
    "setPrepDetails",
    "createMarketplaceItemLabels",
)
V0_OPERATIONS = (
    "getPrepInstructions",
    "getShipments",
    "getShipmentItems",
    "getShipmentItemsByShipmentId",
    "getLabels",
    "getBillOfLading",
)
OPERATIONS = (*PLAN_OPERATIONS, *ITEM_OPERATIONS, *V0_OPERATIONS)


def _at(shipment: Shipment, **path: Any) -> dict[str, Any]:
    return {"inboundPlanId": shipment.plan_id, "shipmentId": shipment.shipment_id, **path}


def parts(t: Transported | None, drop: object = DROP) -> dict[str, dict[str, Any]]:
    """Per operation, the `overlays.one` arguments that point its cases at `t`."""
    if t is None:
        raise RuntimeError("the transport side's world is seeded on the in-process emulator only")
    o, r = t.open_, t.ready
    page = {"pageSize": drop, "paginationToken": drop}
    wide = {"LastUpdatedAfter": "2000-01-01T00:00:00Z", "LastUpdatedBefore": "2999-01-01T00:00:00Z"}
    labels = {"PageType": "PackageLabel_Letter_2", "LabelType": "UNIQUE", "NumberOfPackages": drop}
    return {
        "generateTransportationOptions": {
            "path": {"inboundPlanId": o.plan_id},
            "body": {
                "placementOptionId": o.placement_option_id,
                "shipmentTransportationConfigurations": [
                    {"shipmentId": o.shipment_id, "readyToShipWindow": FAR}
                ],
            },
            "whole_body": True,
        },
        "listTransportationOptions": {
            "path": {"inboundPlanId": o.plan_id},
            "query": {"shipmentId": o.shipment_id, "placementOptionId": drop, **page},
        },
        "confirmTransportationOptions": {
            "path": {"inboundPlanId": o.plan_id},
            "body": {
                "transportationSelections": [
                    {"shipmentId": o.shipment_id, "transportationOptionId": t.option_id}
                ]
            },
            "whole_body": True,
        },
        "generateDeliveryWindowOptions": {"path": _at(o)},
        "listDeliveryWindowOptions": {"path": _at(o), "query": page},
        "confirmDeliveryWindowOptions": {"path": _at(o, deliveryWindowOptionId=t.window_id)},
        "generateSelfShipAppointmentSlots": {"path": _at(o), "body": {}, "whole_body": True},
        "getSelfShipAppointmentSlots": {"path": _at(o), "query": page},
        "scheduleSelfShipAppointment": {"path": _at(o, slotId=t.slot_id), "body": {}, "whole_body": True},
        "cancelSelfShipAppointment": {"path": _at(r), "body": {}, "whole_body": True},
        "updateShipmentTrackingDetails": {
            "path": _at(r),
            "body": {"trackingDetails": {"ltlTrackingDetail": {"freightBillNumber": ["PRO123"]}}},
            "whole_body": True,
        },
        "generateShipmentContentUpdatePreviews": {
            "path": _at(r),
            "body": {"boxes": [{**BOX, "items": [_item(6)]}], "items": [_item(6)]},
            "whole_body": True,
        },
        "listShipmentContentUpdatePreviews": {"path": _at(r), "query": page},
        "getShipmentContentUpdatePreview": {"path": _at(r, contentUpdatePreviewId=t.preview_id)},
        "confirmShipmentContentUpdatePreview": {"path": _at(r, contentUpdatePreviewId=t.preview_id)},
        "getDeliveryChallanDocument": {"path": _at(t.india)},
        "listItemComplianceDetails": {"query": {"mskus": [SKU], "marketplaceId": US}},
        "updateItemComplianceDetails": {
            "query": {"marketplaceId": US},
            "body": {"msku": SKU, "taxDetails": {"hsnCode": "4202"}},
            "whole_body": True,
        },
        "listPrepDetails": {"query": {"mskus": [SKU], "marketplaceId": US}},
        "setPrepDetails": {
            "body": {
                "marketplaceId": US,
                "mskuPrepDetails": [{"msku": SKU, "prepCategory": "NONE", "prepTypes": ["ITEM_NO_PREP"]}],
            },
            "whole_body": True,
        },
        "createMarketplaceItemLabels": {
            "body": {
                "labelType": "STANDARD_FORMAT",
                "pageType": "A4_21",
                "marketplaceId": US,
                "mskuQuantities": [{"msku": SKU, "quantity": 2}],
            },
            "whole_body": True,
        },
        "getPrepInstructions": {
            "query": {"ShipToCountryCode": "US", "SellerSKUList": [SKU], "ASINList": drop}
        },
        "getShipments": {
            "query": {
                "QueryType": "SHIPMENT",
                "MarketplaceId": US,
                "ShipmentStatusList": ["WORKING"],
                "ShipmentIdList": drop,
                "LastUpdatedAfter": drop,
                "LastUpdatedBefore": drop,
                "NextToken": drop,
            }
        },
        "getShipmentItems": {
            "query": {"QueryType": "DATE_RANGE", "MarketplaceId": US, "NextToken": drop, **wide}
        },
        "getShipmentItemsByShipmentId": {
            "path": {"shipmentId": r.confirmation_id},
            "query": {"MarketplaceId": US},
        },
        "getLabels": {
            "path": {"shipmentId": r.confirmation_id},
            "query": {
                **labels,
                "PackageLabelsToPrint": [r.box_ids[0]],
                "NumberOfPallets": drop,
                "PageSize": drop,
                "PageStartIndex": drop,
            },
        },
        "getBillOfLading": {"path": {"shipmentId": r.confirmation_id}},
    }


def _overlay(operation_id: str) -> Callable[[Any], st.SearchStrategy[Overlay]]:
    def overlay(world: Any) -> st.SearchStrategy[Overlay]:
        return one(**parts(world.extras["inbound_transport"])[operation_id])

    return overlay


TRANSPORT_OVERLAYS = {op: _overlay(op) for op in OPERATIONS}
