"""2020-07-01 wire shapes: request bodies -> the neutral draft, order records -> response objects."""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound import records, tracking

ORDER_FIELDS = (
    "displayableOrderId",
    "displayableOrderDate",
    "displayableOrderComment",
    "shippingSpeedCategory",
    "deliveryWindow",
    "fulfillmentAction",
    "fulfillmentPolicy",
    "codSettings",
    "notificationEmails",
    "featureConstraints",
)
DRAFT_FIELDS = (
    *ORDER_FIELDS,
    "sellerFulfillmentOrderId",
    "marketplaceId",
    "destinationAddress",
    "deliveryPreferences",
    "shipFromCountryCode",
    "paymentInformation",
    "items",
)


def draft(body: dict[str, Any]) -> dict[str, Any]:
    """createFulfillmentOrder body -> neutral draft (the same names, minus anything unknown)."""
    return {k: body[k] for k in DRAFT_FIELDS if k in body}


def _address(address: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in address.items() if k != "email"}


def fulfillment_order(order: records.Order) -> dict[str, Any]:
    """`FulfillmentOrder`."""
    found = {k: order[k] for k in ORDER_FIELDS if order.get(k) is not None}
    found.update(
        sellerFulfillmentOrderId=order["sellerFulfillmentOrderId"],
        marketplaceId=order["marketplaceId"],
        destinationAddress=_address(order["destinationAddress"]),
        receivedDate=records.at(order["receivedAt"]),
        fulfillmentOrderStatus=order["status"],
        statusUpdatedDate=records.at(order["statusUpdatedAt"]),
    )
    return found


def _item(item: dict[str, Any], cancelled_shipping: bool) -> dict[str, Any]:
    found = {
        k: item[k]
        for k in (
            "sellerSku",
            "sellerFulfillmentOrderItemId",
            "quantity",
            "giftMessage",
            "displayableComment",
            "fulfillmentNetworkSku",
            "perUnitPrice",
            "perUnitTax",
            "perUnitDeclaredValue",
        )
        if item.get(k) is not None
    }
    found.update(cancelledQuantity=item["cancelled"], unfulfillableQuantity=item["unfulfillable"])
    if item["shipped"] or item["reserved"]:
        found["orderItemDisposition"] = "Sellable"
    if not cancelled_shipping:
        found.update(
            estimatedShipDate=records.at(item["estimatedShipAt"]),
            estimatedArrivalDate=records.at(item["estimatedArrivalAt"]),
        )
    return found


def _shipment(order: records.Order, shipment: dict[str, Any], now: float) -> dict[str, Any]:
    found: dict[str, Any] = {
        "amazonShipmentId": shipment["amazonShipmentId"],
        "fulfillmentCenterId": shipment["fulfillmentCenterId"],
        "fulfillmentShipmentStatus": shipment["status"],
        "fulfillmentShipmentItem": [
            {k: line[k] for k in ("sellerSku", "sellerFulfillmentOrderItemId", "quantity", "packageNumber")}
            for line in shipment["items"]
        ],
    }
    if shipment["status"] in ("PENDING", "SHIPPED"):
        found.update(
            shippingDate=records.at(shipment["shipAt"]), estimatedArrivalDate=records.at(shipment["arriveAt"])
        )
        packages = []
        for package in shipment["packages"]:
            entry = {
                k: package[k]
                for k in ("packageNumber", "carrierCode", "trackingNumber", "amazonFulfillmentTrackingNumber")
            }
            entry["estimatedArrivalDate"] = records.at(shipment["arriveAt"])
            if tracking.delivered_at(order, shipment, package, now) is not None:
                entry["deliveryInformation"] = {
                    "dropOffLocation": {"type": "FRONT_DOOR"},
                    "deliveryDocumentList": [
                        {
                            "documentType": "DELIVERY_IMAGE",
                            "url": f"https://www.swiship.com/delivery-image/{package['trackingNumber']}",
                        }
                    ],
                }
            packages.append(entry)
        found["fulfillmentShipmentPackage"] = packages
    return found


def _return_item(item: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in item.items() if k != "statusChangedAt"}
    found["statusChangedDate"] = records.at(item["statusChangedAt"])
    return found


def order_result(order: records.Order, now: float) -> dict[str, Any]:
    """`GetFulfillmentOrderResult`."""
    cancelled = order["status"] in ("Cancelled", "Invalid", "Unfulfillable")
    result: dict[str, Any] = {
        "fulfillmentOrder": fulfillment_order(order),
        "fulfillmentOrderItems": [_item(i, cancelled) for i in order["items"]],
        "fulfillmentShipments": [_shipment(order, s, now) for s in order["shipments"]],
        "returnItems": [_return_item(r) for r in order["returnItems"]],
        "returnAuthorizations": order["returnAuthorizations"],
    }
    if order.get("paymentInformation"):
        result["paymentInformation"] = order["paymentInformation"]
    return result


def return_result(result: dict[str, Any]) -> dict[str, Any]:
    """`CreateFulfillmentReturnResult` from returns.create's output."""
    return {
        "returnItems": [_return_item(r) for r in result["returnItems"]],
        "invalidReturnItems": result["invalidReturnItems"],
        "returnAuthorizations": result["returnAuthorizations"],
    }
