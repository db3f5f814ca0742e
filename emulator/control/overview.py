"""The world one seller sees, read through the SP-API operations themselves (in-process, unjournaled).

What the dashboard shows of a seller: FBA stock by bucket, listings, and MCF orders with their
shipments, packages, tracking numbers and a lifecycle timeline. Reading through the operations keeps one
code path: the dashboard sees exactly what a client would, whatever the records look like inside.
"""

from __future__ import annotations

from typing import Any

from emulator.edge.invoke import Invoker

MAX_ORDERS = 25  # the most recently updated orders shown
MAX_TRACKED = 3  # packages per order whose tracking events join the timeline
MAX_PAGES = 40  # pages of listAllFulfillmentOrders read to find them (50 orders each, oldest update first)
Document = dict[str, Any]


def _ok(invoke: Invoker, operation_id: str, seller_id: str, params: dict[str, Any]) -> Any:
    status, body = invoke(operation_id, seller_id, params)
    return body if status == 200 and isinstance(body, dict) else {}


def inventory(invoke: Invoker, seller_id: str, marketplace_id: str) -> list[Document]:
    """Every SKU's quantities by bucket (first page of getInventorySummaries with details)."""
    params = {
        "granularityType": "Marketplace",
        "granularityId": marketplace_id,
        "marketplaceIds": [marketplace_id],
        "details": True,
    }
    summaries = _ok(invoke, "getInventorySummaries", seller_id, params).get("payload", {})
    rows = []
    for item in summaries.get("inventorySummaries", []):
        details = item.get("inventoryDetails", {})
        rows.append(
            {
                "sellerSku": item.get("sellerSku"),
                "fnSku": item.get("fnSku"),
                "asin": item.get("asin"),
                "fulfillable": details.get("fulfillableQuantity", 0),
                "inbound": details.get("inboundWorkingQuantity", 0)
                + details.get("inboundShippedQuantity", 0)
                + details.get("inboundReceivingQuantity", 0),
                "reserved": details.get("reservedQuantity", {}).get("totalReservedQuantity", 0),
                "unfulfillable": details.get("unfulfillableQuantity", {}).get(
                    "totalUnfulfillableQuantity", 0
                ),
                "researching": details.get("researchingQuantity", {}).get("totalResearchingQuantity", 0),
                "total": item.get("totalQuantity", 0),
            }
        )
    return rows


def listings(invoke: Invoker, seller_id: str, marketplace_id: str) -> list[Document]:
    """The seller's listings: SKU, ASIN, title and status (first page of searchListingsItems)."""
    params = {"sellerId": seller_id, "marketplaceIds": [marketplace_id], "includedData": ["summaries"]}
    rows = []
    for item in _ok(invoke, "searchListingsItems", seller_id, params).get("items", []):
        summary = next(iter(item.get("summaries") or [{}]))
        rows.append(
            {
                "sku": item.get("sku"),
                "asin": summary.get("asin"),
                "title": summary.get("itemName"),
                "status": summary.get("status", []),
            }
        )
    return rows


def _tracking(invoke: Invoker, seller_id: str, package_number: Any) -> list[Document]:
    """A package's tracking events as moments of the order's timeline."""
    found = _ok(invoke, "getPackageTrackingDetails", seller_id, {"packageNumber": package_number})
    return [
        {"at": e.get("eventDate"), "what": f"Package {package_number}: {e.get('eventCode')}"}
        for e in found.get("payload", {}).get("trackingEvents", [])
    ]


def _timeline(order: Document, shipments: list[Document], tracked: list[Document]) -> list[Document]:
    """The order's moments, oldest first: received, shipments shipped and due, tracking, last update."""
    moments = [{"at": order.get("receivedDate"), "what": "Received"}, *tracked]
    for shipment in shipments:
        name = shipment.get("amazonShipmentId", "")
        if shipment.get("shippingDate"):
            moments.append({"at": shipment["shippingDate"], "what": f"Shipment {name} shipped"})
        if shipment.get("estimatedArrivalDate"):
            moments.append({"at": shipment["estimatedArrivalDate"], "what": f"Shipment {name} due"})
    moments.append(
        {"at": order.get("statusUpdatedDate"), "what": f"Status {order.get('fulfillmentOrderStatus')}"}
    )
    return sorted((m for m in moments if m["at"]), key=lambda m: str(m["at"]))


def _order(invoke: Invoker, seller_id: str, order_id: str) -> Document | None:
    payload = _ok(invoke, "getFulfillmentOrder", seller_id, {"sellerFulfillmentOrderId": order_id})
    found = payload.get("payload")
    if not found:
        return None
    order = found.get("fulfillmentOrder", {})
    shipments = []
    for shipment in found.get("fulfillmentShipments", []):
        packages = [
            {
                "packageNumber": p.get("packageNumber"),
                "carrierCode": p.get("carrierCode"),
                "trackingNumber": p.get("trackingNumber"),
            }
            for p in shipment.get("fulfillmentShipmentPackage", [])
        ]
        shipments.append(
            {
                "amazonShipmentId": shipment.get("amazonShipmentId"),
                "status": shipment.get("fulfillmentShipmentStatus"),
                "shippingDate": shipment.get("shippingDate"),
                "estimatedArrivalDate": shipment.get("estimatedArrivalDate"),
                "packages": packages,
            }
        )
    numbers = [p["packageNumber"] for s in shipments for p in s["packages"]][:MAX_TRACKED]
    tracked = [m for n in numbers for m in _tracking(invoke, seller_id, n)]
    return {
        "sellerFulfillmentOrderId": order_id,
        "status": order.get("fulfillmentOrderStatus"),
        "receivedDate": order.get("receivedDate"),
        "statusUpdatedDate": order.get("statusUpdatedDate"),
        "items": [
            {"sellerSku": i.get("sellerSku"), "quantity": i.get("quantity")}
            for i in found.get("fulfillmentOrderItems", [])
        ],
        "shipments": shipments,
        "timeline": _timeline(order, shipments, tracked),
    }


def orders(invoke: Invoker, seller_id: str) -> list[Document]:
    """The seller's most recently updated MCF orders, newest first, each with shipments and timeline."""
    ids: list[str] = []
    params: dict[str, Any] = {}
    for _ in range(MAX_PAGES):
        listed = _ok(invoke, "listAllFulfillmentOrders", seller_id, params).get("payload", {})
        ids.extend(o.get("sellerFulfillmentOrderId") for o in listed.get("fulfillmentOrders", []))
        if not listed.get("nextToken"):
            break
        params = {"nextToken": listed["nextToken"]}
    found = (_order(invoke, seller_id, i) for i in reversed(ids[-MAX_ORDERS:]) if i)
    return [o for o in found if o is not None]
