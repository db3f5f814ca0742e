"""Fulfillment Outbound 2020-07-01: the 14 operations, thin over the shared order services."""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID, require
from emulator.apis.outbound import (
    features,
    lifecycle,
    orderbook,
    orders,
    preview,
    returns,
    shipments,
    text,
    update_index,
    wire_2020,
)
from emulator.context import Call, parse_instant
from emulator.errors import InvalidInput
from emulator.registry import operation

FEATURE_PAGE = 50
ORDER_ID = "sellerFulfillmentOrderId"


def _env(call: Call) -> lifecycle.Env:
    return lifecycle.Env.of(call.store, call.seller_id)


def _since(text: str | None, field: str) -> float | None:
    return None if text is None else parse_instant(text, field)


@operation("getFulfillmentPreview")
def get_fulfillment_preview(call: Call) -> dict[str, Any]:
    """Per-speed previews from unreserved stock; COD and delivery-window variants; fees as decimal strings."""
    request = wire_2020.preview_request(call.body)
    marketplace = orders.marketplace_for(
        request.marketplace_id, request.address.country_code, call.caller.marketplaces
    )
    found = preview.plans(_env(call), marketplace, request, call.clock.timestamp())
    windows = bool(call.body.get("includeDeliveryWindows"))
    return {
        "payload": {
            "fulfillmentPreviews": [
                wire_2020.fulfillment_preview(plan, cod, request.constraints, windows) for plan, cod in found
            ]
        }
    }


@operation("deliveryOffers")
def delivery_offers(call: Call) -> dict[str, Any]:
    """Delivery date ranges per speed the stock can meet, each expiring after `offer_ttl`."""
    env, now = _env(call), call.clock.timestamp()
    found, _ = preview.offer_plans(env, call.caller.marketplaces, wire_2020.offer_request(call.body), now)
    return {"payload": wire_2020.delivery_offers(found, now + env.timings.offer_ttl)}


@operation("createFulfillmentOrder")
def create_fulfillment_order(call: Call) -> dict[str, Any]:
    """Validates, reserves stock per fulfillmentPolicy and starts the clock-driven lifecycle."""
    orders.create(_env(call), wire_2020.draft(call.body), call.caller.marketplaces, call.clock.timestamp())
    return {}


@operation("getFulfillmentOrder")
def get_fulfillment_order(call: Call) -> dict[str, Any]:
    """The order with items, shipments, packages, return items and authorizations."""
    order = orderbook.get(call.tenant, call.params[ORDER_ID])
    return {"payload": wire_2020.order_result(order, call.clock.timestamp())}


@operation("listAllFulfillmentOrders")
def list_all_fulfillment_orders(call: Call) -> dict[str, Any]:
    """Orders whose status changed at or after queryStartDate (all when absent), 50 per page."""
    since = _since(call.params.get("queryStartDate"), "queryStartDate")
    found, token = update_index.page(call.tenant, since, call.params.get("nextToken"), "nextToken")
    payload: dict[str, Any] = {"fulfillmentOrders": [wire_2020.fulfillment_order(o) for o in found]}
    if token:
        payload["nextToken"] = token
    return {"payload": payload}


@operation("updateFulfillmentOrder")
def update_fulfillment_order(call: Call) -> dict[str, Any]:
    """Changes an order before picking starts; Hold -> Ship releases it into the lifecycle."""
    env, order = lifecycle.Env.of_call(call, ORDER_ID)
    orders.update(env, order, wire_2020.update(call.body, order.terms), call.clock.timestamp())
    return {}


@operation("cancelFulfillmentOrder")
def cancel_fulfillment_order(call: Call) -> dict[str, Any]:
    """Cancels before Processing and releases reserved units; 400 once picking has started."""
    lifecycle.cancel(*lifecycle.Env.of_call(call, ORDER_ID), call.clock.timestamp())
    return {}


@operation("submitFulfillmentOrderStatusUpdate")
def submit_fulfillment_order_status_update(call: Call) -> dict[str, Any]:
    """Sandbox: moves the order forwards through the real steps (shipments, stock) to the status given."""
    target = (call.body or {}).get("fulfillmentOrderStatus")
    if not target:
        raise InvalidInput("fulfillmentOrderStatus is required.", "fulfillmentOrderStatus")
    lifecycle.force(*lifecycle.Env.of_call(call, ORDER_ID), target, call.clock.timestamp())
    return {}


@operation("getPackageTrackingDetails")
def get_package_tracking_details(call: Call) -> dict[str, Any]:
    """Tracking events up to the emulator's now, ending in delivery."""
    order, shipment, package = shipments.locate_package(call.tenant, call.params["packageNumber"])
    return {"payload": wire_2020.tracking_details(order, shipment, package, call.clock.timestamp())}


@operation("listReturnReasonCodes")
def list_return_reason_codes(call: Call) -> dict[str, Any]:
    """The reason codes createFulfillmentReturn accepts for a SKU the seller stocks."""
    params = call.params
    marketplace_id = params.get("marketplaceId")
    if params.get(ORDER_ID):
        marketplace_id = marketplace_id or orderbook.get(call.tenant, params[ORDER_ID]).marketplace_id
    marketplace_id = marketplace_id or (call.caller.marketplaces or ("ATVPDKIKX0DER",))[0]
    require(marketplace_id, call.caller.marketplaces)
    if inventory.find(call.tenant, marketplace_id, params["sellerSku"]) is None:
        raise InvalidInput(
            f"The SellerSKU {params['sellerSku']} is invalid.", f"sellerSku={params['sellerSku']}"
        )
    return {"payload": {"reasonCodeDetails": wire_2020.reason_code_details(params.get("language"))}}


@operation("createFulfillmentReturn")
def create_fulfillment_return(call: Call) -> dict[str, Any]:
    """Authorises returns of shipped units; the FC receives them later and restocks by disposition."""
    env, order = lifecycle.Env.of_call(call, ORDER_ID)
    outcome = returns.create(
        env, order, wire_2020.return_requests(call.body), call.ids, call.clock.timestamp()
    )
    return {"payload": wire_2020.return_result(outcome)}


def _feature_marketplace(call: Call) -> tuple[str, str]:
    marketplace_id = call.params["marketplaceId"]
    require(marketplace_id, call.caller.marketplaces)
    return marketplace_id, BY_ID[marketplace_id].country


@operation("getFeatures")
def get_features(call: Call) -> dict[str, Any]:
    """The MCF features and whether the seller can use each in the marketplace."""
    _, country = _feature_marketplace(call)
    return {"payload": {"features": wire_2020.feature_list(country)}}


@operation("getFeatureInventory")
def get_feature_inventory(call: Call) -> dict[str, Any]:
    """SKUs eligible for a feature, from live stock; `nextToken` pages of 50."""
    marketplace_id, country = _feature_marketplace(call)
    name = call.params["featureName"]
    skus = features.eligible_skus(
        call.tenant,
        marketplace_id,
        country,
        name,
        _since(call.params.get("queryStartDate"), "queryStartDate"),
    )
    start = 0
    if call.params.get("nextToken"):
        token = call.params["nextToken"]
        start = next((n + 1 for n, s in enumerate(skus) if text.derived(name, s.sku) == token), -1)
        if start < 0:
            raise InvalidInput("nextToken is invalid or expired.", f"nextToken={token}")
    chunk = skus[start : start + FEATURE_PAGE]
    token = text.derived(name, chunk[-1].sku) if start + FEATURE_PAGE < len(skus) else None
    return {"payload": wire_2020.feature_inventory(marketplace_id, name, chunk, token)}


@operation("getFeatureSKU")
def get_feature_sku(call: Call) -> dict[str, Any]:
    """Whether one SKU can use a feature, with its fulfillable count."""
    marketplace_id, country = _feature_marketplace(call)
    name = call.params["featureName"]
    found = features.sku_eligibility(call.tenant, marketplace_id, country, name, call.params["sellerSku"])
    return {"payload": wire_2020.feature_sku(marketplace_id, name, found)}
