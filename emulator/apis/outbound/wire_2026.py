"""Fulfillment Outbound 2026-07-04 on the wire (mapping per reference §7.2): request bodies into neutral
drafts and requests, records and plans into the model's response objects.

Service tiers map to speeds, `services` to feature constraints (the services are kept and echoed too),
statuses to the 2026 enums. Orders created through 2026 get `displayableOrderId` = `orderId` and
`displayableOrderDate` = receipt. Shapes the two models share (Address, drop-off location) come from
`wire_2020`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import msgspec

from emulator.apis.inventory.marketplaces import BY_COUNTRY, BY_ID, Marketplace
from emulator.apis.outbound import planning, preview, stock, tracking
from emulator.apis.outbound.dialect import V2026, V2026_PREVIEW
from emulator.apis.outbound.money import money_in
from emulator.apis.outbound.planning import Plan, RequestedLine, decimal_text
from emulator.apis.outbound.records import (
    NO_DETAILS,
    AmazonTracking,
    CarrierTracking,
    DeliveryPreferences,
    DeliveryWindow,
    FeatureConstraint,
    LineDetails,
    LineServices,
    Money,
    Order,
    OrderDraft,
    OrderLine,
    OrderServices,
    OrderTerms,
    OrderUpdate,
    Package,
    PackageOverride,
    Packaging,
    PackingSlip,
    Payment,
    ProofOfDelivery,
    Shipment,
    TrackingOverride,
)
from emulator.apis.outbound.text import at
from emulator.apis.outbound.wire_2020 import (
    address_in,
    address_out,
    drop_off_in,
    drop_off_out,
    present,
    rough_place,
)
from emulator.context import parse_instant
from emulator.errors import InvalidInput
from emulator.state.clock import SPAN, in_span

Body = dict[str, Any]
TIERS = {
    "STANDARD": "Standard",
    "EXPEDITED": "Expedited",
    "PRIORITY": "Priority",
    "SCHEDULED": "ScheduledDelivery",
}
SPEED_TIER = {v: k for k, v in TIERS.items()}
ACTIONS = {"SHIP": "Ship", "HOLD": "Hold"}
ACTION_OUT = {v: k for k, v in ACTIONS.items()}
POLICIES = {"FILL_OR_KILL": "FillOrKill", "FILL_ALL": "FillAll", "FILL_ALL_AVAILABLE": "FillAllAvailable"}
POLICY_OUT = {v: k for k, v in POLICIES.items()}
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
PACKAGE_STATUSES = tuple(tracking.OVERRIDES)
FEE_TYPES = {
    "FBAPerUnitFulfillmentFee": "MCFFulfillmentFee",
    "FBATransportationFee": "MCFTransportationFee",
    "FBAFulfillmentCODFee": "MCFPaymentOnDeliveryFee",
    "FBAPerOrderFulfillmentFee": "MCFOrderFee",
}
SERVICE_FEATURES = ("BLANK_BOX", "OVERBOX", "PACKING_SLIP", "BLOCK_AMZL", "SIGNATURE_CONFIRMATION")
"""The features 2026 `services` can ask for, in the order they become feature constraints."""
# feature -> (services part, key, value that asks for it); PACKING_SLIP is any packing slip
FEATURE_SERVICES = (
    ("BLANK_BOX", "packaging", "packagingOption", "UNBRANDED"),
    ("OVERBOX", "packaging", "overbox", "REQUIRED"),
    ("BLOCK_AMZL", "additional", "blockAMZL", "REQUIRED"),
    ("SIGNATURE_CONFIRMATION", "additional", "signatureConfirmation", "REQUIRED"),
)


def pick(mapping: dict[str, str], value: str | None, field: str, default: str) -> str:
    """The neutral value of a 2026 enum value (`default` when absent), or a 400 naming the field."""
    if value is None:
        return default
    if value not in mapping:
        raise InvalidInput(
            f"{field} must be one of {', '.join(mapping)} (got {value!r}).", f"{field}={value}"
        )
    return mapping[value]


def quantity(amount: Body, field: str = "amount") -> int:
    """A whole number of EACHES from an `Amount`."""
    if amount.get("unit", "EACHES") != "EACHES":
        raise InvalidInput(f"{field}.unit must be EACHES.", f"{field}.unit={amount.get('unit')}")
    return planning.whole_units(amount["value"], f"{field}.value")


def amount(units: int) -> Body:
    return {"unit": "EACHES", "value": f"{units}.0"}


def _money_in(body: Body | None, field: str) -> Money | None:
    return money_in(body["currencyCode"], body["amount"], field, "amount") if body else None


def _money_out(money: Money) -> Body:
    return {"currencyCode": money.currency_code, "amount": money.amount}


def _priced(currency: str, value: Decimal) -> Body:
    return {"currencyCode": currency, "amount": decimal_text(value)}


# --- requests -------------------------------------------------------------------------------------------


def _speed(service_level: Body | None) -> str:
    tiers = (service_level or {}).get("serviceTiers") or ["STANDARD"]
    return pick(TIERS, tiers[0], "serviceTiers", "Standard")


def _slip_in(body: Body | None) -> PackingSlip | None:
    if not body:
        return None
    return PackingSlip(
        template_name=body.get("templateName"), template_attributes=body.get("templateAttributes")
    )


def _services_in(body: Body | None) -> OrderServices | None:
    if not body:
        return None
    packaging = body.get("packaging")
    return OrderServices(
        packaging=Packaging(
            option=packaging.get("packagingOption"),
            overbox=packaging.get("overbox"),
            packing_slip=_slip_in(packaging.get("packingSlip")),
        )
        if packaging is not None
        else None,
        delivery=body.get("delivery"),
        additional=body.get("additional"),
    )


def _constraints_from(services: OrderServices | None) -> list[FeatureConstraint]:
    """The feature constraints (what the lifecycle and fees look at) that services ask for."""
    if services is None:
        return []
    packaging = services.packaging or Packaging()
    asked: dict[str, Mapping[str, str | None]] = {
        "packaging": {"packagingOption": packaging.option, "overbox": packaging.overbox},
        "additional": services.additional or {},
    }
    names = {name for name, part, key, value in FEATURE_SERVICES if asked[part].get(key) == value}
    if packaging.packing_slip is not None:
        names.add("PACKING_SLIP")
    return [FeatureConstraint(name=name, policy="Required") for name in SERVICE_FEATURES if name in names]


def _line_services_in(body: Body | None) -> LineServices | None:
    services = (body or {}).get("services")
    if not services:
        return None
    payment = (services.get("delivery") or {}).get("paymentOnDelivery") or {}
    return LineServices(
        packing_slip=_slip_in((services.get("packaging") or {}).get("packingSlip")),
        payment_on_delivery_price=_money_in(
            payment.get("perUnitServicePrice"), "paymentOnDelivery.perUnitServicePrice"
        ),
    )


def _line_in(item: Body) -> OrderLine:
    product = item["product"]
    sku = product["productIdentifier"]["amazonSku"]
    details = LineDetails(
        per_unit_declared_value=_money_in(
            product.get("perUnitDeclaredValue"), "product.perUnitDeclaredValue"
        ),
        services=_line_services_in(item.get("fulfillmentConfiguration")),
    )
    return OrderLine(
        sku=sku,
        line_id=item.get("lineItemId", sku),
        quantity=quantity(item["amount"]),
        details=None if details == NO_DETAILS else details,
    )


def marketplace_of(origin: Body | None) -> str | None:
    """The marketplace of an `origin` country (None without one), or a 400."""
    if not origin:
        return None
    found = BY_COUNTRY.get(origin["countryCode"])
    if found is None:
        raise InvalidInput(
            f"origin.countryCode {origin['countryCode']!r} is not supported.", "origin.countryCode"
        )
    return found.marketplace_id


def draft(body: Body, now: float) -> OrderDraft:
    """createOrder body -> neutral draft."""
    config = body.get("fulfillmentConfiguration") or {}
    level = config.get("serviceLevel") or {}
    destination = body["destination"]
    interval = level.get("deliveryInterval")
    payments = (body.get("paymentInformation") or {}).get("payments") or []
    notes, drop_off = destination.get("deliveryNotes"), drop_off_in(destination.get("dropOffLocation"))
    services = _services_in(config.get("services"))
    terms = OrderTerms(
        displayable_order_id=body["orderId"][:40],
        displayable_order_date=at(now),
        displayable_order_comment="",
        shipping_speed=_speed(level),
        destination=address_in(destination["deliveryAddress"]),
        delivery_window=DeliveryWindow(start=interval["startTime"], end=interval["endTime"])
        if interval
        else None,
        delivery_preferences=DeliveryPreferences(instructions=notes or None, drop_off=drop_off)
        if notes or drop_off
        else None,
        action=pick(ACTIONS, config.get("action"), "action", "Ship"),
        policy=pick(POLICIES, config.get("policy"), "policy", "FillOrKill"),
        feature_constraints=_constraints_from(services) or None,
        services=services,
        channel=body.get("channel"),
        payments=[
            Payment(transaction_id=p["paymentId"], mode=p["paymentMethod"], date=p["paymentTime"])
            for p in payments
            if {"paymentId", "paymentMethod", "paymentTime"} <= p.keys()
        ]
        or None,
    )
    return OrderDraft(
        order_id=body["orderId"],
        marketplace_id=marketplace_of(body.get("origin")),
        terms=terms,
        lines=[_line_in(item) for item in body["lineItems"]],
        dialect=V2026,
    )


def update(body: Body | None, terms: OrderTerms) -> OrderUpdate:
    """updateOrder body -> the order's terms with the new fulfillment action."""
    action = ((body or {}).get("fulfillmentConfiguration") or {}).get("action")
    return OrderUpdate(
        terms=msgspec.structs.replace(terms, action=pick(ACTIONS, action, "action", terms.action)), lines=[]
    )


def status_in(body: Body) -> str:
    """updateOrderStatus body -> the neutral status to walk to."""
    return pick(STATUS_IN, body["status"], "status", "")


def preview_request(body: Body) -> preview.PreviewRequest:
    """getOrderPreview body -> neutral preview request (line ids are the items' positions)."""
    config = body.get("fulfillmentConfiguration") or {}
    tiers = (config.get("serviceLevel") or {}).get("serviceTiers") or None
    return preview.PreviewRequest(
        marketplace_id=marketplace_of(body.get("origin")),
        address=address_in(body["destination"]["deliveryAddress"]),
        lines=[
            RequestedLine(sku=line.sku, line_id=str(n), quantity=line.quantity)
            for n, line in enumerate(_line_in(item) for item in body["lineItems"])
        ],
        speeds=[pick(TIERS, t, "serviceTiers", "") for t in tiers] if tiers else None,
        constraints=_constraints_from(_services_in(config.get("services"))),
        include_cod=bool(body.get("includePaymentOnDelivery")),
        dialect=V2026_PREVIEW,
    )


def offer_tiers(body: Body) -> set[str]:
    """getOffers: the speeds asked for (empty: every speed)."""
    tiers = ((body.get("fulfillmentConfiguration") or {}).get("serviceLevel") or {}).get("serviceTiers")
    return {pick(TIERS, t, "serviceTiers", "") for t in tiers or []}


def offer_request(body: Body, item: Body) -> preview.OfferRequest:
    """getOffers: the question for one of its items (one unit)."""
    origin = body["origin"]["countryCode"]
    return preview.OfferRequest(
        sku=(item.get("productIdentifier") or {}).get("amazonSku", ""),
        quantity_text="1",
        origin_country=origin,
        destination=rough_place((body.get("destination") or {}).get("deliveryAddress"), origin),
        dialect=V2026,
    )


def _tracking_in(body: Body | None) -> TrackingOverride | None:
    if not body:
        return None
    carrier, amazon, proof = body.get("carrier"), body.get("amazon"), body.get("proofOfDelivery")
    return TrackingOverride(
        carrier=CarrierTracking(
            carrier_code=carrier["carrierCode"],
            tracking_number=carrier.get("trackingNumber"),
            tracking_url=carrier.get("trackingUrl"),
        )
        if carrier
        else None,
        amazon=AmazonTracking(
            tracking_number=amazon.get("trackingNumber"), tracking_url=amazon.get("trackingUrl")
        )
        if amazon
        else None,
        drop_off=drop_off_in(body.get("dropOffLocation")),
        proof_of_delivery=ProofOfDelivery(
            photo_url=proof.get("deliveryPhotoUrl"), received_by=proof.get("receivedBy")
        )
        if proof
        else None,
    )


def package_override(body: Body, now: float) -> PackageOverride:
    """updatePackage body -> the package's status from `now` on."""
    if body["status"] not in PACKAGE_STATUSES:
        raise InvalidInput(
            f"status must be one of {', '.join(PACKAGE_STATUSES)}.", f"status={body['status']}"
        )
    delivery = parse_instant(body["deliveryTime"], "deliveryTime") if body.get("deliveryTime") else None
    if delivery is not None and not in_span(delivery):
        raise InvalidInput(f"deliveryTime must be an instant {SPAN}.", f"deliveryTime={body['deliveryTime']}")
    return PackageOverride(
        status=body["status"], at=now, delivery_time=delivery, tracking=_tracking_in(body.get("tracking"))
    )


# --- responses ------------------------------------------------------------------------------------------


def _slip_out(slip: PackingSlip) -> Body:
    return present(("templateName", slip.template_name), ("templateAttributes", slip.template_attributes))


def _services_out(order: Order) -> Body | None:
    """The order's services: as asked through 2026, else derived from its feature constraints."""
    services = order.terms.services
    if services is not None:
        packaging = services.packaging
        return present(
            (
                "packaging",
                present(
                    ("packagingOption", packaging.option),
                    ("overbox", packaging.overbox),
                    ("packingSlip", _slip_out(packaging.packing_slip) if packaging.packing_slip else None),
                )
                if packaging
                else None,
            ),
            ("delivery", services.delivery),
            ("additional", services.additional),
        )
    names = {c.name for c in order.terms.feature_constraints or () if c.policy == "Required"}
    parts: dict[str, Body] = {"packaging": {}, "additional": {}}
    for name, part, key, value in FEATURE_SERVICES:
        if name in names:
            parts[part][key] = value
    return {k: v for k, v in parts.items() if v} or None


def _line_item(line: OrderLine) -> Body:
    details = line.details or NO_DETAILS
    product: Body = {"productIdentifier": {"amazonSku": line.sku}}
    if details.per_unit_declared_value:
        product["perUnitDeclaredValue"] = _money_out(details.per_unit_declared_value)
    found: Body = {
        "lineItemId": line.line_id,
        "product": product,
        "amount": amount(line.quantity),
        "cancelledAmount": amount(line.cancelled),
        "unfulfillableAmount": amount(line.unfulfillable),
    }
    services = details.services
    if services is not None:
        price = services.payment_on_delivery_price
        found["fulfillmentConfiguration"] = {
            "services": present(
                (
                    "packaging",
                    {"packingSlip": _slip_out(services.packing_slip)} if services.packing_slip else None,
                ),
                (
                    "delivery",
                    {"paymentOnDelivery": {"perUnitServicePrice": _money_out(price)}} if price else None,
                ),
            )
        }
    return found


def _tracking_out(order: Order, package: Package, delivered: float | None) -> Body:
    tracked: Body = {
        "carrier": {
            "carrierCode": package.carrier_code,
            "trackingNumber": package.tracking_number,
            "trackingUrl": f"https://www.swiship.com/track?id={package.tracking_number}",
        },
        "amazon": {
            "trackingNumber": package.amazon_tracking_number,
            "trackingUrl": f"https://www.swiship.com/track?id={package.amazon_tracking_number}",
        },
    }
    if delivered is not None:
        tracked["proofOfDelivery"] = {
            "deliveryPhotoUrl": f"https://www.swiship.com/delivery-image/{package.number}",
            "receivedBy": order.terms.destination.name,
        }
    override = package.override.tracking if package.override else None
    if override is None:
        return tracked
    if override.carrier:
        carrier = override.carrier
        tracked["carrier"] = present(
            ("carrierCode", carrier.carrier_code),
            ("trackingNumber", carrier.tracking_number),
            ("trackingUrl", carrier.tracking_url),
        )
    if override.amazon:
        tracked["amazon"] = present(
            ("trackingNumber", override.amazon.tracking_number), ("trackingUrl", override.amazon.tracking_url)
        )
    if override.drop_off:
        tracked["dropOffLocation"] = drop_off_out(override.drop_off)
    if override.proof_of_delivery:
        proof = override.proof_of_delivery
        tracked["proofOfDelivery"] = present(
            ("deliveryPhotoUrl", proof.photo_url), ("receivedBy", proof.received_by)
        )
    return tracked


def _package(order: Order, shipment: Shipment, package: Package, now: float) -> Body:
    found = tracking.state(order, shipment, package, now)
    status, delivered = found.status, found.delivered_at
    override = package.override
    return {
        "packageId": str(package.number),
        "status": override.status if override else tracking.TO_2026[status],
        "deliveryTime": at((override.delivery_time if override else None) or delivered or shipment.arrive_at),
        "tracking": _tracking_out(order, package, delivered),
        "shipmentItemIds": [
            shipment.item_id(n)
            for n, item in enumerate(shipment.items)
            if item.package_number == package.number
        ],
    }


def _shipment(order: Order, shipment: Shipment, now: float) -> Body:
    found: Body = {
        "amazonShipmentId": shipment.shipment_id,
        "amazonFacility": {"facilityId": shipment.fulfillment_center_id},
        "status": SHIPMENT_STATUS[shipment.status],
        "serviceLevel": {"serviceTier": SPEED_TIER[order.terms.shipping_speed]},
        "items": [
            {
                "productIdentifier": {"amazonSku": order.line(item.line_id).sku},
                "lineItemId": item.line_id,
                "amount": amount(item.quantity),
                "packageId": str(item.package_number),
                "shipmentItemId": shipment.item_id(n),
            }
            for n, item in enumerate(shipment.items)
        ],
    }
    if found["status"] != "CANCELLED":
        found.update(
            shipTime=at(shipment.ship_at),
            deliveryTime=at(shipment.arrive_at),
            packages=[_package(order, shipment, p, now) for p in shipment.packages],
        )
    return found


def _destination_out(order: Order) -> Body:
    address = order.terms.destination
    found: Body = {"deliveryAddress": address_out(address) | present(("email", address.email))}
    preferences = order.terms.delivery_preferences
    if preferences is not None:
        if preferences.instructions:
            found["deliveryNotes"] = preferences.instructions
        if preferences.drop_off:
            found["dropOffLocation"] = drop_off_out(preferences.drop_off)
    return found


def fulfillment_order(order: Order, now: float, with_shipments: bool = True) -> Body:
    """`FulfillmentOrder`."""
    terms = order.terms
    level: Body = {"serviceTiers": [SPEED_TIER[terms.shipping_speed]]}
    if terms.delivery_window:
        level["deliveryInterval"] = {
            "startTime": terms.delivery_window.start,
            "endTime": terms.delivery_window.end,
        }
    config: Body = {
        "serviceLevel": level,
        "action": ACTION_OUT[terms.action],
        "policy": POLICY_OUT[terms.policy],
    }
    services = _services_out(order)
    if services:
        config["services"] = services
    found: Body = {
        "orderId": order.order_id,
        "receiveTime": at(order.received_at),
        "status": STATUS[order.status],
        "statusUpdateTime": at(order.status_updated_at),
        "fulfillmentConfiguration": config,
        "origin": {"countryCode": BY_ID[order.marketplace_id].country},
        "destination": _destination_out(order),
        "lineItems": [_line_item(line) for line in order.lines],
    }
    if terms.channel:
        found["channel"] = terms.channel
    if with_shipments:
        found["shipments"] = [_shipment(order, s, now) for s in order.shipments]
    if terms.payments:
        found["paymentInformation"] = {
            "payments": [
                {"paymentId": p.transaction_id, "paymentMethod": p.mode, "paymentTime": p.date}
                for p in terms.payments
            ]
        }
    return found


def accepted(order: Order) -> Body:
    """createOrder's 202 answer while validation is pending."""
    return {"orderId": order.order_id, "status": "PROCESSING"}


def _constraint(code: str, message: str, kind: str, value: str) -> Body:
    return {
        "type": "ValidationError",
        "code": code,
        "message": message,
        "details": [{"type": kind, "value": value}],
    }


def _interval(window: tuple[float, float]) -> Body:
    return {"startTime": at(window[0]), "endTime": at(window[1])}


def _offer(plan: Plan, cod: bool, with_fees: bool) -> Body:
    config: Body = {
        "serviceLevel": {
            "serviceTier": SPEED_TIER[plan.speed],
            "shipInterval": _interval(plan.ship_window),
            "deliveryInterval": _interval(plan.arrival_window),
        }
    }
    if cod:
        config["services"] = {"delivery": {"paymentOnDelivery": "ENABLED"}}
    found: Body = {"fulfillmentConfiguration": config}
    if with_fees:
        currency = plan.marketplace.currency
        total = sum((a for _, a in plan.fees), Decimal("0"))
        found["estimatedPrice"] = {
            "rollupPrices": [{"type": FEE_TYPES[n], "value": _priced(currency, a)} for n, a in plan.fees],
            "totalPrice": _priced(currency, total),
        }
    return found


def order_preview(found: list[tuple[Plan, bool]], marketplace: Marketplace, with_fees: bool) -> Body:
    """`GetOrderPreviewResponse`: a planned shipment with an offer per fulfillable tier; shortfalls and
    missing tiers as constraints."""
    first = found[0][0]
    constraints = [
        _item_constraint(line.sku, reason, marketplace.marketplace_id)
        for line, reasons in first.unfulfillable
        for reason in reasons
    ]
    for plan, cod in found:
        if not cod:
            tier = SPEED_TIER[plan.speed]
            constraints += [
                _constraint(reason, f"{reason} for service tier {tier}.", "serviceTier", tier)
                for reason in plan.order_reasons
            ]
    offers = [_offer(p, cod, with_fees) for p, cod in found if not p.order_reasons]
    shipments = []
    if first.shippable:
        weight = preview.weight(first.weight_lb, marketplace)
        shipments.append(
            {
                "estimatedShippingWeight": {"unit": weight.unit, "value": weight.value},
                "items": [
                    {"productIdentifier": {"amazonSku": line.sku}, "amount": amount(line.quantity)}
                    for line, _ in first.shippable
                ],
                "offers": offers,
            }
        )
    result: Body = {"plannedShipments": shipments}
    if constraints:
        result["constraints"] = constraints
    return result


def _item_constraint(sku: str, reason: str, marketplace_id: str) -> Body:
    """The constraint of an item that cannot ship for `reason`: a `stock` reason, or an order reason
    (`planning.plan`'s) that no service tier can get past, under its own name."""
    if reason == stock.NO_FBA_OFFER:
        why = f"The SKU {sku!r} has no offer fulfilled by Amazon in marketplace {marketplace_id}."
        return _constraint("InvalidSku", why, "amazonSku", sku)
    if reason == stock.NO_STOCK:
        return _constraint("ItemQuantityNotAvailable", f"No sellable stock of {sku!r}.", "amazonSku", sku)
    why = f"{reason}: no service tier can deliver {sku!r} to this destination."
    return _constraint(reason, why, "amazonSku", sku)


def unknown_sku(item: Body, sku: str) -> Body:
    """getOffers' result for an item whose SKU the seller does not have."""
    return {
        "item": item,
        "offers": [],
        "constraints": [_constraint("InvalidSku", f"The SKU {sku!r} is not known.", "amazonSku", sku)],
    }


def offer_result(
    item: Body,
    sku: str,
    plans: list[Plan],
    reasons: list[str],
    marketplace_id: str,
    tiers: set[str],
    expires_at: float,
) -> Body:
    """getOffers' result for one item: delivery intervals per tier the stock can meet; `reasons` why it
    cannot ship at all."""
    result: Body = {
        "item": item,
        "offers": [
            {
                "expiryTime": at(expires_at),
                "fulfillmentConfiguration": {
                    "serviceLevel": {
                        "serviceTier": SPEED_TIER[p.speed],
                        "deliveryInterval": _interval(p.arrival_window),
                    }
                },
            }
            for p in plans
            if not tiers or p.speed in tiers
        ],
    }
    if not plans:
        result["constraints"] = [_item_constraint(sku, r, marketplace_id) for r in reasons]
    return result
