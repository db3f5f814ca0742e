"""Creating and updating orders from a version-neutral draft (2020-07-01 field names).

Stock is reserved inside the create call, so concurrent creates can never promise the same unit
twice. `fulfillmentPolicy` against short stock (choices where Amazon is silent, see README):
FillOrKill reserves nothing and the order becomes Invalid at validation; FillAll reserves what is
there, tops up at picking and waits 24 h for the rest; FillAllAvailable reserves what is there and
marks the shortfall unfulfillable at once (Unfulfillable if nothing is left).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_COUNTRY, BY_ID, Marketplace, require
from emulator.apis.outbound import features, lifecycle, planning, records
from emulator.errors import InvalidInput

ITEM_FIELDS = (
    "giftMessage",
    "displayableComment",
    "fulfillmentNetworkSku",
    "perUnitDeclaredValue",
    "perUnitPrice",
    "perUnitTax",
    "lineConfiguration",
)


def marketplace_for(
    draft_marketplace: str | None, address: dict[str, Any], participations: tuple[str, ...]
) -> Marketplace:
    """The marketplace an order draws stock from: the one named, else the seller's marketplace in the
    destination country, else the seller's first marketplace."""
    if draft_marketplace:
        return require(draft_marketplace, participations)
    local = BY_COUNTRY.get(address.get("countryCode", ""))
    if local is not None and (not participations or local.marketplace_id in participations):
        return local
    if participations and participations[0] in BY_ID:
        return BY_ID[participations[0]]
    raise InvalidInput(
        "marketplaceId is required: the seller has no marketplace for this destination.", "marketplaceId"
    )


def _validate(env: lifecycle.Env, draft: dict[str, Any], marketplace: Marketplace) -> None:
    records.check_id(draft["sellerFulfillmentOrderId"], draft.get("idField", "sellerFulfillmentOrderId"))
    if records.find(env.tenant, draft["sellerFulfillmentOrderId"]) is not None:
        raise InvalidInput(
            f"A fulfillment order with id {draft['sellerFulfillmentOrderId']} already exists.",
            f"sellerFulfillmentOrderId={draft['sellerFulfillmentOrderId']}",
        )
    shown = draft.get("displayableOrderId", "")
    if shown != shown.strip() or "  " in shown:
        raise InvalidInput(
            "displayableOrderId must not start or end with spaces or contain double spaces.",
            f"displayableOrderId={shown}",
        )
    planning.check_lines(draft["items"])
    for line in draft["items"]:
        if line["quantity"] <= 0:
            raise InvalidInput(
                f"quantity must be positive for Item Id: {line['sellerFulfillmentOrderItemId']}.",
                f"quantity={line['quantity']}",
            )
    planning.require_skus(env.tenant, marketplace.marketplace_id, draft["items"])
    problem = planning.address_problem(draft["destinationAddress"])
    if problem:
        raise InvalidInput(f"The destination address is invalid: {problem}.", "destinationAddress")
    speed = draft["shippingSpeedCategory"]
    if not planning.speed_available(speed, marketplace.country):
        raise InvalidInput(
            f"Shipping speed {speed} is not available in marketplace {marketplace.marketplace_id}.",
            f"shippingSpeedCategory={speed}",
        )
    if speed == "ScheduledDelivery" and draft.get("fulfillmentAction") == "Hold":
        raise InvalidInput("ScheduledDelivery orders must use fulfillmentAction Ship.", "fulfillmentAction")
    if speed == "ScheduledDelivery" and not draft.get("deliveryWindow"):
        raise InvalidInput("ScheduledDelivery orders need a deliveryWindow.", "deliveryWindow")
    missing = features.unavailable(draft.get("featureConstraints"), marketplace.country)
    if missing:
        raise InvalidInput(
            f"Features not available in this marketplace: {', '.join(missing)}.", "featureConstraints"
        )
    cod = draft.get("codSettings") or {}
    if cod.get("isCodRequired") and not planning.cod_capable(marketplace):
        raise InvalidInput("Cash on delivery is not available in this marketplace.", "codSettings")


def create(
    env: lifecycle.Env, draft: dict[str, Any], participations: tuple[str, ...], now: float
) -> records.Order:
    """Validate, reserve stock per the policy, store the order (status New) and start its lifecycle."""
    marketplace = marketplace_for(draft.get("marketplaceId"), draft["destinationAddress"], participations)
    _validate(env, draft, marketplace)
    order: records.Order = {k: v for k, v in draft.items() if k not in ("items", "idField") and v is not None}
    order.update(
        marketplaceId=marketplace.marketplace_id,
        status="New",
        receivedAt=now,
        since=now,
        epoch=0,
        heldSince=now,
        shipments=[],
        returnItems=[],
        returnAuthorizations=[],
    )
    order.setdefault("fulfillmentAction", "Ship")
    order.setdefault("fulfillmentPolicy", "FillOrKill")
    transit = env.timings.transit(order["shippingSpeedCategory"])
    ship_at = now + env.timings.fc_time()
    order["items"] = [
        {
            "sellerSku": line["sellerSku"],
            "sellerFulfillmentOrderItemId": line["sellerFulfillmentOrderItemId"],
            "quantity": line["quantity"],
            "reserved": 0,
            "picked": 0,
            "shipped": 0,
            "cancelled": 0,
            "unfulfillable": 0,
            "estimatedShipAt": ship_at,
            "estimatedArrivalAt": ship_at + transit,
            **{k: line[k] for k in ITEM_FIELDS if line.get(k) is not None},
        }
        for line in draft["items"]
    ]
    _reserve(env, order, now)
    records.touch(env.tenant, order, now)
    lifecycle.proceed(env, order, now)
    return order


def _reserve(env: lifecycle.Env, order: records.Order, now: float) -> None:
    """Reserve what the policy allows (see module docstring)."""
    mp = order["marketplaceId"]
    open_lines = [(i, lifecycle.remaining(i) - i["reserved"]) for i in order["items"]]
    short = [
        i["sellerSku"]
        for i, want in open_lines
        if inventory.available(inventory.find(env.tenant, mp, i["sellerSku"])) < want
    ]
    if short and order["fulfillmentPolicy"] == "FillOrKill":
        order["invalidReason"] = f"insufficient sellable inventory for {', '.join(short)}"
        return
    order.pop("invalidReason", None)
    for item, want in open_lines:
        item["reserved"] += inventory.reserve(env.tenant, now, mp, item["sellerSku"], want)
        if order["fulfillmentPolicy"] == "FillAllAvailable":
            item["unfulfillable"] += lifecycle.remaining(item) - item["reserved"]


def update(env: lifecycle.Env, order: records.Order, changes: dict[str, Any], now: float) -> None:
    """Apply updateFulfillmentOrder / updateOrder changes; only before picking starts."""
    if order["status"] not in ("New", "Received", "Planning"):
        raise InvalidInput(
            f"Fulfillment order {order['sellerFulfillmentOrderId']} is {order['status']} and can no "
            "longer be updated.",
            f"fulfillmentOrderStatus={order['status']}",
        )
    marketplace = BY_ID[order["marketplaceId"]]
    if changes.get("marketplaceId") not in (None, order["marketplaceId"]):
        raise InvalidInput("The marketplace of an existing order cannot change.", "marketplaceId")
    if "destinationAddress" in changes and planning.address_problem(changes["destinationAddress"]):
        raise InvalidInput(
            f"The destination address is invalid: {planning.address_problem(changes['destinationAddress'])}.",
            "destinationAddress",
        )
    speed = changes.get("shippingSpeedCategory")
    if speed and not planning.speed_available(speed, marketplace.country):
        raise InvalidInput(
            f"Shipping speed {speed} is not available in this marketplace.", "shippingSpeedCategory"
        )
    action = changes.get("fulfillmentAction")
    if action == "Hold" and order["fulfillmentAction"] == "Ship" and order["status"] == "Planning":
        raise InvalidInput("An order already in Planning cannot be put on hold.", "fulfillmentAction")
    _update_items(env, order, changes.get("items") or [], now)
    for name in (
        "displayableOrderId",
        "displayableOrderDate",
        "displayableOrderComment",
        "shippingSpeedCategory",
        "destinationAddress",
        "fulfillmentPolicy",
        "shipFromCountryCode",
        "notificationEmails",
        "featureConstraints",
        "services",
        "channel",
    ):
        if changes.get(name) is not None:
            order[name] = changes[name]
    if action and action != order["fulfillmentAction"]:
        order["fulfillmentAction"] = action
        order["heldSince"] = order["since"] = now
    records.save(env.tenant, order)
    lifecycle.proceed(env, order, now)


def _update_items(env: lifecycle.Env, order: records.Order, lines: list[dict[str, Any]], now: float) -> None:
    """Quantity changes: cuts come out of waiting units, then unfulfillable, then reserved ones; growth is
    reserved per the policy (FillOrKill refuses growth it cannot reserve). Checked before anything changes."""
    by_id = {i["sellerFulfillmentOrderItemId"]: i for i in order["items"]}
    for line in lines:
        item = by_id.get(line["sellerFulfillmentOrderItemId"])
        if item is None:
            raise InvalidInput(
                f"Item Id {line['sellerFulfillmentOrderItemId']} is not part of this order.", "items"
            )
        if line.get("sellerSku") not in (None, item["sellerSku"]) or line["quantity"] <= 0:
            raise InvalidInput(
                f"Item Id {item['sellerFulfillmentOrderItemId']}: the SKU cannot change and the "
                "quantity must be positive.",
                "items",
            )
        grow = line["quantity"] - item["quantity"]
        stock = inventory.available(inventory.find(env.tenant, order["marketplaceId"], item["sellerSku"]))
        if grow > stock and order["fulfillmentPolicy"] == "FillOrKill" and not order.get("invalidReason"):
            raise InvalidInput(
                f"Not enough sellable inventory to raise Item Id {item['sellerFulfillmentOrderItemId']}"
                f" to {line['quantity']} units.",
                "items",
            )
    for line in lines:
        item = by_id[line["sellerFulfillmentOrderItemId"]]
        cut = item["quantity"] - line["quantity"]
        waiting = lifecycle.remaining(item) - item["reserved"]
        for bucket in ("waiting", "unfulfillable", "reserved"):
            if cut <= 0:
                break
            have = waiting if bucket == "waiting" else item[bucket]
            take = min(cut, have)
            if bucket == "reserved":
                take = inventory.release(env.tenant, now, order["marketplaceId"], item["sellerSku"], take)
            if bucket != "waiting":
                item[bucket] -= take
            cut -= take
        item["quantity"] = line["quantity"]
        item.update({k: line[k] for k in ITEM_FIELDS if line.get(k) is not None})
    if lines:
        _reserve(env, order, now)
