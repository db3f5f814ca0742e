"""Fulfillment Outbound 2026-07-04: the 9 operations over the same order records as 2020-07-01.

createOrder answers 200 with the order when validation finished inside the call (the default:
`received_after` = 0) and 202 `{orderId, status: PROCESSING}` when validation is still pending
(a positive `received_after`). updateOrder and cancelOrder answer 202 `{}` (the model's only
success status); the sandbox updateOrderStatus and updatePackage answer 204.
Item-level problems in getOffers become `constraints` (code `InvalidSku` for an unknown SKU or one
without an FBA offer, `ItemQuantityNotAvailable` for short stock).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound import lifecycle, orderbook, orders, preview, shipments, update_index, wire_2026
from emulator.context import Call, Reply, parse_instant
from emulator.errors import InvalidInput
from emulator.registry import operation


def _env(call: Call) -> lifecycle.Env:
    return lifecycle.Env.of(call.store, call.seller_id)


@operation("getOrderPreview")
def get_order_preview(call: Call) -> dict[str, Any]:
    """A planned shipment with an offer per fulfillable tier; shortfalls and missing tiers as constraints."""
    request = wire_2026.preview_request(call.body)
    marketplace = orders.marketplace_for(
        request.marketplace_id, request.address.country_code, call.caller.marketplaces
    )
    found = preview.plans(_env(call), marketplace, request, call.clock.timestamp())
    return wire_2026.order_preview(found, marketplace, with_fees=not call.body.get("excludeEstimatedFees"))


@operation("getOffers")
def get_offers(call: Call) -> dict[str, Any]:
    """Delivery intervals per tier for each item, expiring after `offer_ttl`."""
    body, env, now = call.body, _env(call), call.clock.timestamp()
    tiers = wire_2026.offer_tiers(body)
    marketplace_id = wire_2026.marketplace_of(body["origin"]) or ""
    results = []
    for item in body["items"]:
        request = wire_2026.offer_request(body, item)
        if inventory.find(env.tenant, marketplace_id, request.sku) is None:
            results.append(wire_2026.unknown_sku(item, request.sku))
            continue
        found, reasons = preview.offer_plans(env, call.caller.marketplaces, request, now)
        expires_at = now + env.timings.offer_ttl
        results.append(
            wire_2026.offer_result(item, request.sku, found, reasons, marketplace_id, tiers, expires_at)
        )
    return {"offerResults": results}


@operation("createOrder")
def create_order(call: Call) -> Reply:
    """200 with the validated order, or 202 while validation is pending (see module docstring)."""
    now = call.clock.timestamp()
    order = orders.create(_env(call), wire_2026.draft(call.body, now), call.caller.marketplaces, now)
    if order.status == "New":
        return Reply(wire_2026.accepted(order), 202)
    return Reply({"order": wire_2026.fulfillment_order(order, now)}, 200)


def _with_shipments(call: Call) -> bool:
    choice = call.params.get("shipments", "INCLUDE")
    if choice not in ("INCLUDE", "EXCLUDE"):
        raise InvalidInput("shipments must be INCLUDE or EXCLUDE.", f"shipments={choice}")
    return bool(choice == "INCLUDE")


@operation("getOrder")
def get_order(call: Call) -> dict[str, Any]:
    """The order with shipments, packages and embedded tracking (unless shipments=EXCLUDE)."""
    order = orderbook.get(call.tenant, call.params["orderId"], "orderId")
    return {"order": wire_2026.fulfillment_order(order, call.clock.timestamp(), _with_shipments(call))}


@operation("listOrders")
def list_orders(call: Call) -> dict[str, Any]:
    """Orders updated at or after updatedAfter, oldest update first, 50 per page."""
    text = call.params.get("updatedAfter")
    since = parse_instant(text, "updatedAfter") if text else None
    found, token = update_index.page(call.tenant, since, call.params.get("pageToken"), "pageToken")
    now, include = call.clock.timestamp(), _with_shipments(call)
    result: dict[str, Any] = {"orders": [wire_2026.fulfillment_order(o, now, include) for o in found]}
    if token:
        result["pagination"] = {"nextToken": token}
    return result


@operation("updateOrder")
def update_order(call: Call) -> dict[str, Any]:
    """Changes the fulfillment action (e.g. releases a HOLD order)."""
    env, order = lifecycle.Env.of_call(call, "orderId")
    orders.update(env, order, wire_2026.update(call.body, order.terms), call.clock.timestamp())
    return {}


@operation("cancelOrder")
def cancel_order(call: Call) -> dict[str, Any]:
    """Cancels before picking starts, releasing reserved units."""
    lifecycle.cancel(*lifecycle.Env.of_call(call, "orderId"), call.clock.timestamp())
    return {}


@operation("updateOrderStatus")
def update_order_status(call: Call) -> Reply:
    """Sandbox: walks the order forwards through the real steps, like submitFulfillmentOrderStatusUpdate."""
    target = wire_2026.status_in(call.body)
    lifecycle.force(*lifecycle.Env.of_call(call, "orderId"), target, call.clock.timestamp())
    return Reply(None, 204)


@operation("updatePackage")
def update_package(call: Call) -> Reply:
    """Sandbox: sets a shipped package's status (and delivery time / tracking) from now on."""
    env, order = lifecycle.Env.of_call(call, "orderId")
    now = call.clock.timestamp()
    shipment, package = shipments.package_in(order, call.params["packageId"])
    override = wire_2026.package_override(call.body, now)
    if shipment.status != "SHIPPED":
        raise InvalidInput(
            "Only packages of shipped shipments can be updated.", f"packageId={package.number}"
        )
    package.override = override
    orderbook.save(env.tenant, order)
    return Reply(None, 204)
