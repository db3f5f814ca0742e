"""2026-07-04 wire shapes over the 2020-named order record (mapping per reference §7.2).

Requests become the neutral draft (`orderId` -> `sellerFulfillmentOrderId`, `lineItems` -> `items`,
service tiers -> speeds, `services` -> feature constraints); records become `FulfillmentOrder`s.
Orders created through 2026 get `displayableOrderId` = `orderId` and `displayableOrderDate` = receipt.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory.marketplaces import BY_COUNTRY, BY_ID
from emulator.apis.outbound import planning, records, tracking
from emulator.errors import InvalidInput

TIERS = {
    "STANDARD": "Standard",
    "EXPEDITED": "Expedited",
    "PRIORITY": "Priority",
    "SCHEDULED": "ScheduledDelivery",
}
SPEED_TIER = {v: k for k, v in TIERS.items()}
ACTIONS = {"SHIP": "Ship", "HOLD": "Hold"}
POLICIES = {"FILL_OR_KILL": "FillOrKill", "FILL_ALL": "FillAll", "FILL_ALL_AVAILABLE": "FillAllAvailable"}
STATUS = {
    "New": "PROCESSING",
    "Received": "PROCESSING",
    "Planning": "PROCESSING",
    "Processing": "PROCESSING",
    "Complete": "COMPLETE",
    "CompletePartialled": "COMPLETE_PARTIAL",
    "Cancelled": "CANCELLED",
    "Unfulfillable": "UNFULFILLABLE",
    "Invalid": "INVALID",
}
STATUS_IN = {
    "PROCESSING": "Processing",
    "COMPLETE": "Complete",
    "COMPLETE_PARTIAL": "CompletePartialled",
    "CANCELLED": "Cancelled",
    "UNFULFILLABLE": "Unfulfillable",
    "INVALID": "Invalid",
}
SHIPMENT_STATUS = {
    "PENDING": "PROCESSING",
    "SHIPPED": "SHIPPED",
    "CANCELLED_BY_SELLER": "CANCELLED",
    "CANCELLED_BY_FULFILLER": "CANCELLED",
}


def pick(mapping: dict[str, str], value: str | None, field: str, default: str) -> str:
    if value is None:
        return default
    if value not in mapping:
        raise InvalidInput(
            f"{field} must be one of {', '.join(mapping)} (got {value!r}).", f"{field}={value}"
        )
    return mapping[value]


def quantity(amount: dict[str, Any], field: str = "amount") -> int:
    """A whole number of EACHES from an `Amount`."""
    if amount.get("unit", "EACHES") != "EACHES":
        raise InvalidInput(f"{field}.unit must be EACHES.", f"{field}.unit={amount.get('unit')}")
    return planning.whole_units(amount["value"], f"{field}.value")


def amount(units: int) -> dict[str, str]:
    return {"unit": "EACHES", "value": f"{units}.0"}


def money_in(money: dict[str, Any] | None) -> dict[str, str] | None:
    return {"currencyCode": money["currencyCode"], "value": money["amount"]} if money else None


def money_out(money: dict[str, Any]) -> dict[str, str]:
    return {"currencyCode": money["currencyCode"], "amount": money["value"]}


def speed(service_level: dict[str, Any] | None) -> str:
    tiers = (service_level or {}).get("serviceTiers") or ["STANDARD"]
    return pick(TIERS, tiers[0], "serviceTiers", "Standard")


def constraints_from(services: dict[str, Any] | None) -> list[dict[str, str]]:
    """2026 `services` -> 2020 feature constraints (what the lifecycle and fees look at)."""
    services = services or {}
    packaging, extra = services.get("packaging") or {}, services.get("additional") or {}
    wanted = []
    if packaging.get("packagingOption") == "UNBRANDED":
        wanted.append("BLANK_BOX")
    if packaging.get("overbox") == "REQUIRED":
        wanted.append("OVERBOX")
    if packaging.get("packingSlip"):
        wanted.append("PACKING_SLIP")
    if extra.get("blockAMZL") == "REQUIRED":
        wanted.append("BLOCK_AMZL")
    if extra.get("signatureConfirmation") == "REQUIRED":
        wanted.append("SIGNATURE_CONFIRMATION")
    return [{"featureName": n, "featureFulfillmentPolicy": "Required"} for n in wanted]


def line(item: dict[str, Any]) -> dict[str, Any]:
    """A 2026 line item -> a 2020-named draft item."""
    found = {
        "sellerSku": item["product"]["productIdentifier"]["amazonSku"],
        "sellerFulfillmentOrderItemId": item.get(
            "lineItemId", item["product"]["productIdentifier"]["amazonSku"]
        ),
        "quantity": quantity(item["amount"]),
        "perUnitDeclaredValue": money_in(item["product"].get("perUnitDeclaredValue")),
    }
    if item.get("fulfillmentConfiguration"):
        found["lineConfiguration"] = item["fulfillmentConfiguration"]
    return found


def marketplace_of(origin: dict[str, Any] | None) -> str | None:
    if not origin:
        return None
    found = BY_COUNTRY.get(origin["countryCode"])
    if found is None:
        raise InvalidInput(
            f"origin.countryCode {origin['countryCode']!r} is not supported.", "origin.countryCode"
        )
    return found.marketplace_id


def draft(body: dict[str, Any], now: float) -> dict[str, Any]:
    """createOrder body -> neutral draft."""
    config = body.get("fulfillmentConfiguration") or {}
    level = config.get("serviceLevel") or {}
    destination = body["destination"]
    interval = level.get("deliveryInterval")
    payments = (body.get("paymentInformation") or {}).get("payments") or []
    preferences = {
        k: v
        for k, v in (
            ("deliveryInstructions", destination.get("deliveryNotes")),
            ("dropOffLocation", destination.get("dropOffLocation")),
        )
        if v
    }
    return {
        "sellerFulfillmentOrderId": body["orderId"],
        "idField": "orderId",
        "channel": body.get("channel"),
        "marketplaceId": marketplace_of(body.get("origin")),
        "displayableOrderId": body["orderId"][:40],
        "displayableOrderDate": records.at(now),
        "displayableOrderComment": "",
        "shippingSpeedCategory": speed(level),
        "destinationAddress": destination["deliveryAddress"],
        "deliveryWindow": {"startDate": interval["startTime"], "endDate": interval["endTime"]}
        if interval
        else None,
        "deliveryPreferences": preferences or None,
        "fulfillmentAction": pick(ACTIONS, config.get("action"), "action", "Ship"),
        "fulfillmentPolicy": pick(POLICIES, config.get("policy"), "policy", "FillOrKill"),
        "featureConstraints": constraints_from(config.get("services")) or None,
        "services": config.get("services"),
        "paymentInformation": [
            {
                "paymentTransactionId": p["paymentId"],
                "paymentMode": p["paymentMethod"],
                "paymentDate": p["paymentTime"],
            }
            for p in payments
            if {"paymentId", "paymentMethod", "paymentTime"} <= p.keys()
        ]
        or None,
        "items": [line(i) for i in body["lineItems"]],
    }


def _services(order: records.Order) -> dict[str, Any] | None:
    if order.get("services"):
        return order["services"]
    names = {
        c.get("featureName")
        for c in order.get("featureConstraints") or []
        if c.get("featureFulfillmentPolicy") == "Required"
    }
    packaging: dict[str, Any] = {}
    if "BLANK_BOX" in names:
        packaging["packagingOption"] = "UNBRANDED"
    if "OVERBOX" in names:
        packaging["overbox"] = "REQUIRED"
    additional = {
        k: "REQUIRED"
        for k, n in (("blockAMZL", "BLOCK_AMZL"), ("signatureConfirmation", "SIGNATURE_CONFIRMATION"))
        if n in names
    }
    found = {k: v for k, v in (("packaging", packaging), ("additional", additional)) if v}
    return found or None


def _package(
    order: records.Order, shipment: dict[str, Any], package: dict[str, Any], now: float
) -> dict[str, Any]:
    status, _ = tracking.state(order, shipment, package, now)
    override = package.get("override") or {}
    number = package["packageNumber"]
    tracked = {
        "carrier": {
            "carrierCode": package["carrierCode"],
            "trackingNumber": package["trackingNumber"],
            "trackingUrl": f"https://www.swiship.com/track?id={package['trackingNumber']}",
        },
        "amazon": {
            "trackingNumber": package["amazonFulfillmentTrackingNumber"],
            "trackingUrl": f"https://www.swiship.com/track?id={package['amazonFulfillmentTrackingNumber']}",
        },
    }
    delivered = tracking.delivered_at(order, shipment, package, now)
    if delivered is not None:
        tracked["proofOfDelivery"] = {
            "deliveryPhotoUrl": f"https://www.swiship.com/delivery-image/{number}",
            "receivedBy": order["destinationAddress"]["name"],
        }
    tracked.update(override.get("tracking") or {})
    return {
        "packageId": str(number),
        "status": override.get("status") or tracking.TO_2026[status],
        "deliveryTime": records.at(override.get("deliveryTime") or delivered or shipment["arriveAt"]),
        "tracking": tracked,
        "shipmentItemIds": [i["shipmentItemId"] for i in shipment["items"] if i["packageNumber"] == number],
    }


def _shipment(order: records.Order, shipment: dict[str, Any], now: float) -> dict[str, Any]:
    skus = {i["sellerFulfillmentOrderItemId"]: i["sellerSku"] for i in order["items"]}
    found: dict[str, Any] = {
        "amazonShipmentId": shipment["amazonShipmentId"],
        "amazonFacility": {"facilityId": shipment["fulfillmentCenterId"]},
        "status": SHIPMENT_STATUS[shipment["status"]],
        "serviceLevel": {"serviceTier": SPEED_TIER[order["shippingSpeedCategory"]]},
        "items": [
            {
                "productIdentifier": {"amazonSku": skus[i["sellerFulfillmentOrderItemId"]]},
                "lineItemId": i["sellerFulfillmentOrderItemId"],
                "amount": amount(i["quantity"]),
                "packageId": str(i["packageNumber"]),
                "shipmentItemId": i["shipmentItemId"],
            }
            for i in shipment["items"]
        ],
    }
    if found["status"] != "CANCELLED":
        found.update(
            shipTime=records.at(shipment["shipAt"]),
            deliveryTime=records.at(shipment["arriveAt"]),
            packages=[_package(order, shipment, p, now) for p in shipment["packages"]],
        )
    return found


def fulfillment_order(order: records.Order, now: float, with_shipments: bool = True) -> dict[str, Any]:
    """2026-07-04 `FulfillmentOrder`."""
    level: dict[str, Any] = {"serviceTiers": [SPEED_TIER[order["shippingSpeedCategory"]]]}
    if order.get("deliveryWindow"):
        level["deliveryInterval"] = {
            "startTime": order["deliveryWindow"]["startDate"],
            "endTime": order["deliveryWindow"]["endDate"],
        }
    config: dict[str, Any] = {
        "serviceLevel": level,
        "action": {v: k for k, v in ACTIONS.items()}[order["fulfillmentAction"]],
        "policy": {v: k for k, v in POLICIES.items()}[order["fulfillmentPolicy"]],
    }
    if _services(order):
        config["services"] = _services(order)
    destination: dict[str, Any] = {"deliveryAddress": order["destinationAddress"]}
    preferences = order.get("deliveryPreferences") or {}
    if preferences.get("deliveryInstructions"):
        destination["deliveryNotes"] = preferences["deliveryInstructions"]
    if preferences.get("dropOffLocation"):
        destination["dropOffLocation"] = preferences["dropOffLocation"]
    found: dict[str, Any] = {
        "orderId": order["sellerFulfillmentOrderId"],
        "receiveTime": records.at(order["receivedAt"]),
        "status": STATUS[order["status"]],
        "statusUpdateTime": records.at(order["statusUpdatedAt"]),
        "fulfillmentConfiguration": config,
        "origin": {"countryCode": BY_ID[order["marketplaceId"]].country},
        "destination": destination,
        "lineItems": [_line_item(i) for i in order["items"]],
    }
    if order.get("channel"):
        found["channel"] = order["channel"]
    if with_shipments:
        found["shipments"] = [_shipment(order, s, now) for s in order["shipments"]]
    if order.get("paymentInformation"):
        found["paymentInformation"] = {
            "payments": [
                {
                    "paymentId": p["paymentTransactionId"],
                    "paymentMethod": p["paymentMode"],
                    "paymentTime": p["paymentDate"],
                }
                for p in order["paymentInformation"]
            ]
        }
    return found


def _line_item(item: dict[str, Any]) -> dict[str, Any]:
    product: dict[str, Any] = {"productIdentifier": {"amazonSku": item["sellerSku"]}}
    if item.get("perUnitDeclaredValue"):
        product["perUnitDeclaredValue"] = money_out(item["perUnitDeclaredValue"])
    found = {
        "lineItemId": item["sellerFulfillmentOrderItemId"],
        "product": product,
        "amount": amount(item["quantity"]),
        "cancelledAmount": amount(item["cancelled"]),
        "unfulfillableAmount": amount(item["unfulfillable"]),
    }
    if item.get("lineConfiguration"):
        found["fulfillmentConfiguration"] = item["lineConfiguration"]
    return found
