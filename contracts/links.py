"""The project's own links between operations (Amazon's models declare none).

A link says: after `source` answered `status`, `target` can be called with parameters taken from
that exchange (OpenAPI runtime expressions: `$request.body#/ptr`, `$request.path.name`,
`$request.query.name`, `$response.body#/ptr`). They are injected as `x-links` into the
in-memory model for schemathesis, and `workflows.py` follows them step by step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Link:
    """`source` --status--> `target`; target parameters (`path.x`, `query.x`, `header.x`) as expressions."""

    model: str
    source: str
    status: int
    target: str
    parameters: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.target

    def as_openapi(self) -> dict[str, Any]:
        return {"operationId": self.target, "parameters": dict(self.parameters)}


def _fan_out(
    model: str, source: str, status: int, targets: tuple[str, ...], parameters: dict[str, str]
) -> list[Link]:
    return [Link(model, source, status, target, parameters) for target in targets]


_INVENTORY = "fbaInventory"
_OUT20 = "fulfillmentOutbound_2020-07-01"
_OUT26 = "fulfillmentOutbound_2026-07-04"
_IN24 = "fulfillmentInbound_2024-03-20"
_IN0 = "fulfillmentInboundV0"
_LISTINGS = "listingsItems_2021-08-01"
_NOTIFY = "notifications"
_REPORTS = "reports_2021-06-30"

_ORDER_FROM_BODY = {"path.sellerFulfillmentOrderId": "$request.body#/sellerFulfillmentOrderId"}
_ORDER_FROM_PATH = {"path.sellerFulfillmentOrderId": "$request.path.sellerFulfillmentOrderId"}
_ORDER26_FROM_BODY = {"path.orderId": "$request.body#/orderId"}
_ORDER26_FROM_PATH = {"path.orderId": "$request.path.orderId"}
_PLAN_FROM_RESPONSE = {"path.inboundPlanId": "$response.body#/inboundPlanId"}
_PLAN_FROM_PATH = {"path.inboundPlanId": "$request.path.inboundPlanId"}
_LISTING_FROM_PATH = {
    "path.sellerId": "$request.path.sellerId",
    "path.sku": "$request.path.sku",
    "query.marketplaceIds": "$request.query.marketplaceIds",
}

LINKS: tuple[Link, ...] = (
    # FBA Inventory: a created item can be listed, stocked and deleted.
    Link(
        _INVENTORY,
        "createInventoryItem",
        200,
        "getInventorySummaries",
        {
            "query.sellerSkus": "$request.body#/sellerSku",
            "query.granularityId": "$request.body#/marketplaceId",
            "query.marketplaceIds": "$request.body#/marketplaceId",
        },
    ),
    Link(
        _INVENTORY,
        "createInventoryItem",
        200,
        "deleteInventoryItem",
        {"path.sellerSku": "$request.body#/sellerSku", "query.marketplaceId": "$request.body#/marketplaceId"},
    ),
    # Outbound 2020-07-01: create -> get / update / cancel / status / return; writes -> get.
    *_fan_out(
        _OUT20,
        "createFulfillmentOrder",
        200,
        (
            "getFulfillmentOrder",
            "updateFulfillmentOrder",
            "cancelFulfillmentOrder",
            "submitFulfillmentOrderStatusUpdate",
            "createFulfillmentReturn",
        ),
        _ORDER_FROM_BODY,
    ),
    *[
        Link(_OUT20, source, 200, "getFulfillmentOrder", _ORDER_FROM_PATH)
        for source in (
            "updateFulfillmentOrder",
            "cancelFulfillmentOrder",
            "submitFulfillmentOrderStatusUpdate",
        )
    ],
    Link(
        _OUT20,
        "getFulfillmentOrder",
        200,
        "getPackageTrackingDetails",
        {
            "query.packageNumber": "$response.body#/payload/fulfillmentShipments/0"
            "/fulfillmentShipmentPackage/0"
            "/packageNumber"
        },
    ),
    Link(
        _OUT20,
        "getFeatures",
        200,
        "getFeatureInventory",
        {
            "path.featureName": "$response.body#/payload/features/0/featureName",
            "query.marketplaceId": "$request.query.marketplaceId",
        },
    ),
    # Outbound 2026-07-04: the same life cycle on the new resource names.
    *_fan_out(
        _OUT26,
        "createOrder",
        200,
        ("getOrder", "updateOrder", "cancelOrder", "updateOrderStatus"),
        _ORDER26_FROM_BODY,
    ),
    *_fan_out(_OUT26, "createOrder", 202, ("getOrder", "updateOrder", "cancelOrder"), _ORDER26_FROM_BODY),
    *[
        Link(_OUT26, source, status, "getOrder", _ORDER26_FROM_PATH)
        for source, status in (("updateOrder", 202), ("cancelOrder", 202), ("updateOrderStatus", 204))
    ],
    # Inbound 2024-03-20: plan -> packing -> placement -> transportation, and the async operation status.
    *_fan_out(
        _IN24,
        "createInboundPlan",
        202,
        (
            "getInboundPlan",
            "listInboundPlanItems",
            "generatePackingOptions",
            "cancelInboundPlan",
            "updateInboundPlanName",
        ),
        _PLAN_FROM_RESPONSE,
    ),
    Link(
        _IN24,
        "createInboundPlan",
        202,
        "getInboundOperationStatus",
        {"path.operationId": "$response.body#/operationId"},
    ),
    Link(_IN24, "generatePackingOptions", 202, "listPackingOptions", _PLAN_FROM_PATH),
    Link(
        _IN24,
        "listPackingOptions",
        200,
        "confirmPackingOption",
        {**_PLAN_FROM_PATH, "path.packingOptionId": "$response.body#/packingOptions/0/packingOptionId"},
    ),
    Link(
        _IN24,
        "listPackingOptions",
        200,
        "listPackingGroupItems",
        {**_PLAN_FROM_PATH, "path.packingGroupId": "$response.body#/packingOptions/0/packingGroups/0"},
    ),
    Link(_IN24, "confirmPackingOption", 202, "generatePlacementOptions", _PLAN_FROM_PATH),
    Link(_IN24, "generatePlacementOptions", 202, "listPlacementOptions", _PLAN_FROM_PATH),
    Link(
        _IN24,
        "listPlacementOptions",
        200,
        "confirmPlacementOption",
        {**_PLAN_FROM_PATH, "path.placementOptionId": "$response.body#/placementOptions/0/placementOptionId"},
    ),
    Link(
        _IN24,
        "listPlacementOptions",
        200,
        "getShipment",
        {**_PLAN_FROM_PATH, "path.shipmentId": "$response.body#/placementOptions/0/shipmentIds/0"},
    ),
    Link(_IN24, "confirmPlacementOption", 202, "generateTransportationOptions", _PLAN_FROM_PATH),
    Link(_IN24, "generateTransportationOptions", 202, "listTransportationOptions", _PLAN_FROM_PATH),
    # Inbound v0: listed shipments can be read item by item.
    Link(
        _IN0,
        "getShipments",
        200,
        "getShipmentItemsByShipmentId",
        {
            "path.shipmentId": "$response.body#/payload/ShipmentData/0/ShipmentId",
            "query.MarketplaceId": "$request.query.MarketplaceId",
        },
    ),
    # Listings: a put item can be read, patched and deleted.
    *_fan_out(
        _LISTINGS,
        "putListingsItem",
        200,
        ("getListingsItem", "patchListingsItem", "deleteListingsItem"),
        _LISTING_FROM_PATH,
    ),
    # Notifications: destinations and subscriptions by id.
    *_fan_out(
        _NOTIFY,
        "createDestination",
        200,
        ("getDestination", "deleteDestination"),
        {"path.destinationId": "$response.body#/payload/destinationId"},
    ),
    *_fan_out(
        _NOTIFY,
        "createSubscription",
        200,
        ("getSubscriptionById", "deleteSubscriptionById"),
        {
            "path.notificationType": "$request.path.notificationType",
            "path.subscriptionId": "$response.body#/payload/subscriptionId",
        },
    ),
    # Reports: a requested report, its document, and schedules.
    *_fan_out(
        _REPORTS,
        "createReport",
        202,
        ("getReport", "cancelReport"),
        {"path.reportId": "$response.body#/reportId"},
    ),
    Link(
        _REPORTS,
        "getReport",
        200,
        "getReportDocument",
        {"path.reportDocumentId": "$response.body#/reportDocumentId"},
    ),
    *_fan_out(
        _REPORTS,
        "createReportSchedule",
        201,
        ("getReportSchedule", "cancelReportSchedule"),
        {"path.reportScheduleId": "$response.body#/reportScheduleId"},
    ),
)


def links_by_source(model: str) -> dict[tuple[str, int], list[Link]]:
    """This model's links grouped by (source operationId, status)."""
    grouped: dict[tuple[str, int], list[Link]] = defaultdict(list)
    for link in LINKS:
        if link.model == model:
            grouped[(link.source, link.status)].append(link)
    return dict(grouped)


def find_link(source: str, status: int, target: str) -> Link | None:
    """The link from `source` answering `status` to `target`, if the project defines one."""
    return next(
        (link for link in LINKS if (link.source, link.status, link.target) == (source, status, target)), None
    )
