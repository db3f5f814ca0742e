"""Fulfillment Outbound 2026-07-04: the 9 operations over the same order records as 2020-07-01.

createOrder answers 200 with the order when validation finished inside the call (the default:
`received_after` = 0) and 202 `{orderId, status: PROCESSING}` when validation is still pending
(a positive `received_after`). updateOrder and cancelOrder answer 202 `{}` (the model's only
success status); the sandbox updateOrderStatus and updatePackage answer 204.
Item-level problems in getOffers become `constraints` (code `InvalidSku` or `ItemQuantityNotAvailable`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.outbound import lifecycle, orders, planning, preview, records, tracking, wire_2026
from emulator.context import Call, Reply, parse_instant
from emulator.errors import InvalidInput, NotFound
from emulator.registry import operation

FEE_TYPES = {
    "FBAPerUnitFulfillmentFee": "MCFFulfillmentFee",
    "FBATransportationFee": "MCFTransportationFee",
    "FBAFulfillmentCODFee": "MCFPaymentOnDeliveryFee",
    "FBAPerOrderFulfillmentFee": "MCFOrderFee",
}
PACKAGE_STATUSES = tuple(tracking.OVERRIDES)


def _env(call: Call) -> lifecycle.Env:
    return lifecycle.Env.of(call.store, call.seller_id)


def _constraint(code: str, message: str, kind: str, value: str) -> dict[str, Any]:
    return {
        "type": "ValidationError",
        "code": code,
        "message": message,
        "details": [{"type": kind, "value": value}],
    }


def _offer(plan: planning.Plan, cod: bool, with_fees: bool) -> dict[str, Any]:
    config: dict[str, Any] = {
        "serviceLevel": {
            "serviceTier": wire_2026.SPEED_TIER[plan.speed],
            "shipInterval": {
                "startTime": records.at(plan.ship_window[0]),
                "endTime": records.at(plan.ship_window[1]),
            },
            "deliveryInterval": {
                "startTime": records.at(plan.arrival_window[0]),
                "endTime": records.at(plan.arrival_window[1]),
            },
        }
    }
    if cod:
        config["services"] = {"delivery": {"paymentOnDelivery": "ENABLED"}}
    found: dict[str, Any] = {"fulfillmentConfiguration": config}
    if with_fees:
        total = sum((a for _, a in plan.fees), Decimal("0"))
        found["estimatedPrice"] = {
            "rollupPrices": [
                {"type": FEE_TYPES[n], "value": wire_2026.money_out(plan.money(a))} for n, a in plan.fees
            ],
            "totalPrice": wire_2026.money_out(plan.money(total)),
        }
    return found


@operation("getOrderPreview")
def get_order_preview(call: Call) -> dict[str, Any]:
    """A planned shipment with an offer per fulfillable tier; shortfalls and missing tiers as constraints."""
    body, env = call.body, _env(call)
    address = body["destination"]["deliveryAddress"]
    marketplace = BY_ID[
        orders.marketplace_for(
            wire_2026.marketplace_of(body.get("origin")), address, call.caller.marketplaces
        ).marketplace_id
    ]
    lines = [
        wire_2026.line(i) | {"sellerFulfillmentOrderItemId": str(n)} for n, i in enumerate(body["lineItems"])
    ]
    config = body.get("fulfillmentConfiguration") or {}
    tiers = ((config.get("serviceLevel") or {}).get("serviceTiers")) or None
    speeds = preview.speeds_for(
        [wire_2026.pick(wire_2026.TIERS, t, "serviceTiers", "") for t in tiers] if tiers else None,
        marketplace,
    )
    found = preview.plans(
        env,
        marketplace,
        address,
        lines,
        speeds,
        wire_2026.constraints_from(config.get("services")),
        bool(body.get("includePaymentOnDelivery")),
        call.clock.timestamp(),
    )
    first = found[0][0]
    constraints = [
        _constraint(
            "ItemQuantityNotAvailable" if "InsufficientInventory" in reasons else "InvalidQuantity",
            f"{line['sellerSku']}: {', '.join(reasons)}.",
            "amazonSku",
            line["sellerSku"],
        )
        for line, reasons in first.unfulfillable
    ]
    for plan, cod in found:
        if not cod:
            constraints += [
                _constraint(
                    reason,
                    f"{reason} for service tier {wire_2026.SPEED_TIER[plan.speed]}.",
                    "serviceTier",
                    wire_2026.SPEED_TIER[plan.speed],
                )
                for reason in plan.order_reasons
            ]
    offers = [_offer(p, cod, not body.get("excludeEstimatedFees")) for p, cod in found if not p.order_reasons]
    shipments = []
    if first.shippable:
        shipments.append(
            {
                "estimatedShippingWeight": preview.weight(first.weight_lb, marketplace),
                "items": [
                    {
                        "productIdentifier": {"amazonSku": s["sellerSku"]},
                        "amount": wire_2026.amount(s["quantity"]),
                    }
                    for s in first.shippable
                ],
                "offers": offers,
            }
        )
    result: dict[str, Any] = {"plannedShipments": shipments}
    if constraints:
        result["constraints"] = constraints
    return result


@operation("getOffers")
def get_offers(call: Call) -> dict[str, Any]:
    """Delivery intervals per tier for each item, expiring after `offer_ttl`."""
    body, env, now = call.body, _env(call), call.clock.timestamp()
    tiers = ((body.get("fulfillmentConfiguration") or {}).get("serviceLevel") or {}).get("serviceTiers")
    wanted = {wire_2026.pick(wire_2026.TIERS, t, "serviceTiers", "") for t in tiers or []}
    destination = (body.get("destination") or {}).get("deliveryAddress")
    origin = body["origin"]["countryCode"]
    marketplace_id = wire_2026.marketplace_of(body["origin"])
    results = []
    for item in body["items"]:
        sku = (item.get("productIdentifier") or {}).get("amazonSku", "")
        result: dict[str, Any] = {"item": item, "offers": []}
        if inventory.find(env.tenant, marketplace_id or "", sku) is None:
            result["constraints"] = [
                _constraint("InvalidSku", f"The SKU {sku!r} is not known.", "amazonSku", sku)
            ]
        else:
            _, found = preview.offer_plans(env, call.caller.marketplaces, sku, "1", origin, destination, now)
            result["offers"] = [
                {
                    "expiryTime": records.at(now + env.timings.offer_ttl),
                    "fulfillmentConfiguration": {
                        "serviceLevel": {
                            "serviceTier": wire_2026.SPEED_TIER[p.speed],
                            "deliveryInterval": {
                                "startTime": records.at(p.arrival_window[0]),
                                "endTime": records.at(p.arrival_window[1]),
                            },
                        }
                    },
                }
                for p in found
                if not wanted or p.speed in wanted
            ]
            if not found:
                result["constraints"] = [
                    _constraint(
                        "ItemQuantityNotAvailable", f"No sellable stock of {sku!r}.", "amazonSku", sku
                    )
                ]
        results.append(result)
    return {"offerResults": results}


@operation("createOrder")
def create_order(call: Call) -> Reply:
    """200 with the validated order, or 202 while validation is pending (see module docstring)."""
    now = call.clock.timestamp()
    order = orders.create(_env(call), wire_2026.draft(call.body, now), call.caller.marketplaces, now)
    if order["status"] == "New":
        return Reply({"orderId": order["sellerFulfillmentOrderId"], "status": "PROCESSING"}, 202)
    return Reply({"order": wire_2026.fulfillment_order(order, now)}, 200)


def _with_shipments(call: Call) -> bool:
    choice = call.params.get("shipments", "INCLUDE")
    if choice not in ("INCLUDE", "EXCLUDE"):
        raise InvalidInput("shipments must be INCLUDE or EXCLUDE.", f"shipments={choice}")
    return choice == "INCLUDE"


@operation("getOrder")
def get_order(call: Call) -> dict[str, Any]:
    """The order with shipments, packages and embedded tracking (unless shipments=EXCLUDE)."""
    order = records.get(call.tenant, call.params["orderId"])
    return {"order": wire_2026.fulfillment_order(order, call.clock.timestamp(), _with_shipments(call))}


@operation("listOrders")
def list_orders(call: Call) -> dict[str, Any]:
    """Orders updated at or after updatedAfter, oldest update first, 50 per page."""
    text = call.params.get("updatedAfter")
    since = parse_instant(text, "updatedAfter") if text else None
    found, token = records.page(call.tenant, since, call.params.get("pageToken"), "pageToken")
    now, include = call.clock.timestamp(), _with_shipments(call)
    result: dict[str, Any] = {"orders": [wire_2026.fulfillment_order(o, now, include) for o in found]}
    if token:
        result["pagination"] = {"nextToken": token}
    return result


@operation("updateOrder")
def update_order(call: Call) -> dict[str, Any]:
    """Changes the fulfillment action (e.g. releases a HOLD order)."""
    env, order = lifecycle.Env.of_call(call, "orderId")
    action = ((call.body or {}).get("fulfillmentConfiguration") or {}).get("action")
    changes = {
        "fulfillmentAction": wire_2026.pick(wire_2026.ACTIONS, action, "action", order["fulfillmentAction"])
    }
    orders.update(env, order, changes, call.clock.timestamp())
    return {}


@operation("cancelOrder")
def cancel_order(call: Call) -> dict[str, Any]:
    """Cancels before picking starts, releasing reserved units."""
    lifecycle.cancel(*lifecycle.Env.of_call(call, "orderId"), call.clock.timestamp())
    return {}


@operation("updateOrderStatus")
def update_order_status(call: Call) -> Reply:
    """Sandbox: walks the order forwards through the real steps, like submitFulfillmentOrderStatusUpdate."""
    target = wire_2026.pick(wire_2026.STATUS_IN, call.body["status"], "status", "")
    lifecycle.force(*lifecycle.Env.of_call(call, "orderId"), target, call.clock.timestamp())
    return Reply(None, 204)


@operation("updatePackage")
def update_package(call: Call) -> Reply:
    """Sandbox: sets a shipped package's status (and delivery time / tracking) from now on."""
    body = call.body
    env, order = lifecycle.Env.of_call(call, "orderId")
    found = [
        (s, p)
        for s in order["shipments"]
        for p in s["packages"]
        if str(p["packageNumber"]) == call.params["packageId"]
    ]
    if not found:
        raise NotFound(
            f"Package {call.params['packageId']} is not part of order {order['sellerFulfillmentOrderId']}.",
            f"packageId={call.params['packageId']}",
        )
    shipment, package = found[0]
    if body["status"] not in PACKAGE_STATUSES:
        raise InvalidInput(
            f"status must be one of {', '.join(PACKAGE_STATUSES)}.", f"status={body['status']}"
        )
    if shipment["status"] != "SHIPPED":
        raise InvalidInput(
            "Only packages of shipped shipments can be updated.", f"packageId={package['packageNumber']}"
        )
    delivery = parse_instant(body["deliveryTime"], "deliveryTime") if body.get("deliveryTime") else None
    package["override"] = {
        "status": body["status"],
        "at": call.clock.timestamp(),
        "deliveryTime": delivery,
        "tracking": body.get("tracking"),
    }
    records.save(env.tenant, order)
    return Reply(None, 204)
