"""Fulfillment Outbound 2020-07-01 on the wire: request bodies into neutral drafts and requests, records
and plans into the model's response objects. The only module that knows this version's field names."""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.outbound import features, preview, returns, tracking
from emulator.apis.outbound.dialect import V2020
from emulator.apis.outbound.money import money_in
from emulator.apis.outbound.planning import Plan, RequestedLine, RoughPlace, decimal_text, names_city
from emulator.apis.outbound.records import (
    NO_DETAILS,
    Address,
    CodSettings,
    DeliveryPreferences,
    DeliveryWindow,
    DropOffLocation,
    FeatureConstraint,
    LineChange,
    LineDetails,
    Money,
    Order,
    OrderDraft,
    OrderLine,
    OrderTerms,
    OrderUpdate,
    Package,
    Payment,
    ReturnAuthorization,
    ReturnItem,
    ReturnRequest,
    Shipment,
)
from emulator.apis.outbound.text import at

Body = dict[str, Any]
CLOSED = ("Cancelled", "Invalid", "Unfulfillable")
"""Order statuses whose lines show no estimated dates."""


# --- shapes both versions share (2026-07-04 reuses them) ---------------------------------------------


def address_in(body: Body) -> Address:
    """An `Address` (2026-07-04 adds `email`)."""
    return Address(
        name=body["name"],
        address_line1=body["addressLine1"],
        address_line2=body.get("addressLine2"),
        address_line3=body.get("addressLine3"),
        city=body.get("city"),
        district_or_county=body.get("districtOrCounty"),
        state_or_region=body.get("stateOrRegion"),
        postal_code=body["postalCode"],
        country_code=body["countryCode"],
        phone=body.get("phone"),
        email=body.get("email"),
    )


def address_out(address: Address) -> Body:
    """An `Address` without `email` (2020-07-01 has none)."""
    found: Body = {
        "name": address.name,
        "addressLine1": address.address_line1,
        "postalCode": address.postal_code,
        "countryCode": address.country_code,
    }
    for name, value in (
        ("addressLine2", address.address_line2),
        ("addressLine3", address.address_line3),
        ("city", address.city),
        ("districtOrCounty", address.district_or_county),
        ("stateOrRegion", address.state_or_region),
        ("phone", address.phone),
    ):
        if value is not None:
            found[name] = value
    return found


def present(*pairs: tuple[str, Any]) -> Body:
    """An object of the pairs whose value is not None."""
    return {k: v for k, v in pairs if v is not None}


def rough_place(where: Body | None, origin: str) -> RoughPlace:
    """An offer request's destination (in the origin country when it names none). A place without a
    city is judged as if its city were known, except in Japan, where addresses name no city."""
    where = where or {}
    country = where.get("countryCode", origin)
    return RoughPlace(
        country_code=country,
        postal_code=where.get("postalCode", "-"),
        city=where.get("city", "-" if names_city(country) else None),
    )


def drop_off_in(body: Body | None) -> DropOffLocation | None:
    return DropOffLocation(type=body.get("type"), attributes=body.get("attributes")) if body else None


def drop_off_out(drop_off: DropOffLocation) -> Body:
    return present(("type", drop_off.type), ("attributes", drop_off.attributes))


# --- requests -------------------------------------------------------------------------------------------


def _money_in(body: Body | None, field: str) -> Money | None:
    return money_in(body["currencyCode"], body["value"], field, "value") if body else None


def _constraints_in(body: list[Body] | None) -> list[FeatureConstraint] | None:
    if body is None:
        return None
    return [
        FeatureConstraint(name=c.get("featureName"), policy=c.get("featureFulfillmentPolicy")) for c in body
    ]


def _details_in(body: Body) -> LineDetails:
    return LineDetails(
        gift_message=body.get("giftMessage"),
        displayable_comment=body.get("displayableComment"),
        fulfillment_network_sku=body.get("fulfillmentNetworkSku"),
        per_unit_declared_value=_money_in(body.get("perUnitDeclaredValue"), "perUnitDeclaredValue"),
        per_unit_price=_money_in(body.get("perUnitPrice"), "perUnitPrice"),
        per_unit_tax=_money_in(body.get("perUnitTax"), "perUnitTax"),
    )


def _line_in(body: Body) -> OrderLine:
    details = _details_in(body)
    return OrderLine(
        sku=body["sellerSku"],
        line_id=body["sellerFulfillmentOrderItemId"],
        quantity=body["quantity"],
        details=None if details == NO_DETAILS else details,
    )


def _cod_in(body: Body | None) -> CodSettings | None:
    if not body:
        return None
    return CodSettings(
        required=bool(body.get("isCodRequired")),
        charge=_money_in(body.get("codCharge"), "codSettings.codCharge"),
        charge_tax=_money_in(body.get("codChargeTax"), "codSettings.codChargeTax"),
        shipping_charge=_money_in(body.get("shippingCharge"), "codSettings.shippingCharge"),
        shipping_charge_tax=_money_in(body.get("shippingChargeTax"), "codSettings.shippingChargeTax"),
    )


def _preferences_in(body: Body | None) -> DeliveryPreferences | None:
    if not body:
        return None
    return DeliveryPreferences(
        instructions=body.get("deliveryInstructions"), drop_off=drop_off_in(body.get("dropOffLocation"))
    )


def _window_in(body: Body | None) -> DeliveryWindow | None:
    return DeliveryWindow(start=body["startDate"], end=body["endDate"]) if body else None


def _payments_in(body: list[Body] | None) -> list[Payment] | None:
    if not body:
        return None
    return [
        Payment(transaction_id=p["paymentTransactionId"], mode=p["paymentMode"], date=p["paymentDate"])
        for p in body
    ]


def draft(body: Body) -> OrderDraft:
    """createFulfillmentOrder body -> neutral draft."""
    terms = OrderTerms(
        displayable_order_id=body["displayableOrderId"],
        displayable_order_date=body["displayableOrderDate"],
        displayable_order_comment=body["displayableOrderComment"],
        shipping_speed=body["shippingSpeedCategory"],
        destination=address_in(body["destinationAddress"]),
        delivery_window=_window_in(body.get("deliveryWindow")),
        delivery_preferences=_preferences_in(body.get("deliveryPreferences")),
        action=body.get("fulfillmentAction") or "Ship",
        policy=body.get("fulfillmentPolicy") or "FillOrKill",
        cod=_cod_in(body.get("codSettings")),
        ship_from_country_code=body.get("shipFromCountryCode"),
        notification_emails=body.get("notificationEmails"),
        feature_constraints=_constraints_in(body.get("featureConstraints")),
        payments=_payments_in(body.get("paymentInformation")),
    )
    return OrderDraft(
        order_id=body["sellerFulfillmentOrderId"],
        marketplace_id=body.get("marketplaceId"),
        terms=terms,
        lines=[_line_in(line) for line in body["items"]],
    )


def _given(body: Body, key: str, current: Any) -> Any:
    value = body.get(key)
    return current if value is None else value


def update(body: Body, terms: OrderTerms) -> OrderUpdate:
    """updateFulfillmentOrder body -> the order's terms with its changes, and line changes."""
    address = body.get("destinationAddress")
    constraints = body.get("featureConstraints")
    changed = msgspec.structs.replace(
        terms,
        displayable_order_id=_given(body, "displayableOrderId", terms.displayable_order_id),
        displayable_order_date=_given(body, "displayableOrderDate", terms.displayable_order_date),
        displayable_order_comment=_given(body, "displayableOrderComment", terms.displayable_order_comment),
        shipping_speed=_given(body, "shippingSpeedCategory", terms.shipping_speed),
        destination=terms.destination if address is None else address_in(address),
        action=_given(body, "fulfillmentAction", terms.action),
        policy=_given(body, "fulfillmentPolicy", terms.policy),
        ship_from_country_code=_given(body, "shipFromCountryCode", terms.ship_from_country_code),
        notification_emails=_given(body, "notificationEmails", terms.notification_emails),
        feature_constraints=terms.feature_constraints
        if constraints is None
        else _constraints_in(constraints),
    )
    lines = [
        LineChange(
            line_id=line["sellerFulfillmentOrderItemId"],
            quantity=line["quantity"],
            sku=line.get("sellerSku"),
            details=_details_in(line),
        )
        for line in body.get("items") or []
    ]
    return OrderUpdate(terms=changed, lines=lines, marketplace_id=body.get("marketplaceId"))


def _requested_lines(body: list[Body]) -> list[RequestedLine]:
    return [
        RequestedLine(
            sku=line["sellerSku"], line_id=line["sellerFulfillmentOrderItemId"], quantity=line["quantity"]
        )
        for line in body
    ]


def preview_request(body: Body) -> preview.PreviewRequest:
    """getFulfillmentPreview body -> neutral preview request."""
    return preview.PreviewRequest(
        marketplace_id=body.get("marketplaceId"),
        address=address_in(body["address"]),
        lines=_requested_lines(body["items"]),
        speeds=body.get("shippingSpeedCategories"),
        constraints=_constraints_in(body.get("featureConstraints")) or [],
        include_cod=bool(body.get("includeCODFulfillmentPreview")),
        dialect=V2020,
    )


def offer_request(body: Body) -> preview.OfferRequest:
    """deliveryOffers body -> neutral offer request."""
    product, terms = body["product"], body["terms"]
    origin = terms["origin"]["countryCode"]
    return preview.OfferRequest(
        sku=product["productIdentifier"]["merchantSku"],
        quantity_text=(product.get("amount") or {"value": "1"})["value"],
        origin_country=origin,
        destination=rough_place(terms["destination"].get("deliveryAddress"), origin),
        dialect=V2020,
    )


def return_requests(body: Body) -> list[ReturnRequest]:
    """createFulfillmentReturn body -> the units asked for."""
    return [
        ReturnRequest(
            return_item_id=item["sellerReturnItemId"],
            line_id=item["sellerFulfillmentOrderItemId"],
            shipment_id=item["amazonShipmentId"],
            reason_code=item["returnReasonCode"],
            comment=item.get("returnComment"),
        )
        for item in body["items"]
    ]


# --- responses ------------------------------------------------------------------------------------------


def _money_out(money: Money | None) -> Body | None:
    return None if money is None else {"currencyCode": money.currency_code, "value": money.amount}


def _cod_out(cod: CodSettings) -> Body:
    return {"isCodRequired": cod.required} | present(
        ("codCharge", _money_out(cod.charge)),
        ("codChargeTax", _money_out(cod.charge_tax)),
        ("shippingCharge", _money_out(cod.shipping_charge)),
        ("shippingChargeTax", _money_out(cod.shipping_charge_tax)),
    )


def constraints_out(constraints: list[FeatureConstraint]) -> list[Body]:
    """`FeatureSettings` list."""
    return [present(("featureName", c.name), ("featureFulfillmentPolicy", c.policy)) for c in constraints]


def fulfillment_order(order: Order) -> Body:
    """`FulfillmentOrder`."""
    terms = order.terms
    found: Body = {
        "sellerFulfillmentOrderId": order.order_id,
        "marketplaceId": order.marketplace_id,
        "displayableOrderId": terms.displayable_order_id,
        "displayableOrderDate": terms.displayable_order_date,
        "displayableOrderComment": terms.displayable_order_comment,
        "shippingSpeedCategory": terms.shipping_speed,
        "destinationAddress": address_out(terms.destination),
        "fulfillmentAction": terms.action,
        "fulfillmentPolicy": terms.policy,
        "receivedDate": at(order.received_at),
        "fulfillmentOrderStatus": order.status,
        "statusUpdatedDate": at(order.status_updated_at),
    }
    if terms.delivery_window is not None:
        found["deliveryWindow"] = {
            "startDate": terms.delivery_window.start,
            "endDate": terms.delivery_window.end,
        }
    if terms.cod is not None:
        found["codSettings"] = _cod_out(terms.cod)
    if terms.notification_emails is not None:
        found["notificationEmails"] = terms.notification_emails
    if terms.feature_constraints is not None:
        found["featureConstraints"] = constraints_out(terms.feature_constraints)
    return found


def _item(line: OrderLine, closed: bool) -> Body:
    found: Body = {
        "sellerSku": line.sku,
        "sellerFulfillmentOrderItemId": line.line_id,
        "quantity": line.quantity,
        "cancelledQuantity": line.cancelled,
        "unfulfillableQuantity": line.unfulfillable,
    }
    details = line.details
    if details is not None:
        found.update(
            present(
                ("giftMessage", details.gift_message),
                ("displayableComment", details.displayable_comment),
                ("fulfillmentNetworkSku", details.fulfillment_network_sku),
                ("perUnitPrice", _money_out(details.per_unit_price)),
                ("perUnitTax", _money_out(details.per_unit_tax)),
                ("perUnitDeclaredValue", _money_out(details.per_unit_declared_value)),
            )
        )
    if line.shipped or line.progress.reserved:
        found["orderItemDisposition"] = "Sellable"
    if not closed:
        found["estimatedShipDate"] = at(line.estimated_ship_at)
        found["estimatedArrivalDate"] = at(line.estimated_arrival_at)
    return found


def _package(order: Order, shipment: Shipment, package: Package, now: float) -> Body:
    found: Body = {
        "packageNumber": package.number,
        "carrierCode": package.carrier_code,
        "trackingNumber": package.tracking_number,
        "amazonFulfillmentTrackingNumber": package.amazon_tracking_number,
        "estimatedArrivalDate": at(shipment.arrive_at),
    }
    if tracking.state(order, shipment, package, now).delivered_at is not None:
        found["deliveryInformation"] = {
            "dropOffLocation": {"type": "FRONT_DOOR"},
            "deliveryDocumentList": [
                {
                    "documentType": "DELIVERY_IMAGE",
                    "url": f"https://www.swiship.com/delivery-image/{package.tracking_number}",
                }
            ],
        }
    return found


def _shipment(order: Order, shipment: Shipment, now: float) -> Body:
    found: Body = {
        "amazonShipmentId": shipment.shipment_id,
        "fulfillmentCenterId": shipment.fulfillment_center_id,
        "fulfillmentShipmentStatus": shipment.status,
        "fulfillmentShipmentItem": [
            {
                "sellerSku": order.line(item.line_id).sku,
                "sellerFulfillmentOrderItemId": item.line_id,
                "quantity": item.quantity,
                "packageNumber": item.package_number,
            }
            for item in shipment.items
        ],
    }
    if shipment.status in ("PENDING", "SHIPPED"):
        found.update(
            shippingDate=at(shipment.ship_at),
            estimatedArrivalDate=at(shipment.arrive_at),
            fulfillmentShipmentPackage=[_package(order, shipment, p, now) for p in shipment.packages],
        )
    return found


def _return_item(item: ReturnItem) -> Body:
    return present(
        ("sellerReturnItemId", item.return_item_id),
        ("sellerFulfillmentOrderItemId", item.line_id),
        ("amazonShipmentId", item.shipment_id),
        ("sellerReturnReasonCode", item.reason_code),
        ("returnComment", item.comment),
        ("amazonReturnReasonCode", item.reason_code),
        ("status", item.status),
        ("statusChangedDate", at(item.status_changed_at)),
        ("returnAuthorizationId", item.authorization_id),
        ("returnReceivedCondition", item.received_condition),
        ("fulfillmentCenterId", item.fulfillment_center_id),
    )


def _authorization(authorization: ReturnAuthorization) -> Body:
    return {
        "returnAuthorizationId": authorization.authorization_id,
        "fulfillmentCenterId": authorization.fulfillment_center_id,
        "returnToAddress": address_out(authorization.return_to),
        "amazonRmaId": authorization.rma_id,
        "rmaPageURL": authorization.rma_page_url,
    }


def order_result(order: Order, now: float) -> Body:
    """`GetFulfillmentOrderResult`."""
    closed = order.status in CLOSED
    result: Body = {
        "fulfillmentOrder": fulfillment_order(order),
        "fulfillmentOrderItems": [_item(line, closed) for line in order.lines],
        "fulfillmentShipments": [_shipment(order, s, now) for s in order.shipments],
        "returnItems": [_return_item(r) for r in order.return_items],
        "returnAuthorizations": [_authorization(a) for a in order.return_authorizations],
    }
    if order.terms.payments:
        result["paymentInformation"] = [
            {"paymentTransactionId": p.transaction_id, "paymentMode": p.mode, "paymentDate": p.date}
            for p in order.terms.payments
        ]
    return result


def return_result(outcome: returns.ReturnOutcome) -> Body:
    """`CreateFulfillmentReturnResult`."""
    return {
        "returnItems": [_return_item(r) for r in outcome.accepted],
        "invalidReturnItems": [
            {
                "sellerReturnItemId": r.request.return_item_id,
                "sellerFulfillmentOrderItemId": r.request.line_id,
                "invalidItemReason": {"invalidItemReasonCode": r.code, "description": r.description},
            }
            for r in outcome.rejected
        ],
        "returnAuthorizations": [_authorization(a) for a in outcome.authorizations],
    }


def reason_code_details(language: str | None) -> list[Body]:
    """listReturnReasonCodes' `reasonCodeDetails`, translated when the language is known."""
    return [
        present(("returnReasonCode", code), ("description", text), ("translatedDescription", translated))
        for code, text, translated in returns.reason_texts(language)
    ]


def _place_out(place: tracking.Place) -> Body:
    return {"city": place.city, "state": place.state, "country": place.country}


def tracking_details(order: Order, shipment: Shipment, package: Package, now: float) -> Body:
    """`PackageTrackingDetails`."""
    seen = tracking.state(order, shipment, package, now)
    status, events = seen.status, seen.events
    found: Body = {
        "packageNumber": package.number,
        "trackingNumber": package.tracking_number,
        "customerTrackingLink": f"https://www.swiship.com/track?id={package.tracking_number}",
        "carrierCode": package.carrier_code,
        "shipToAddress": _place_out(tracking.destination(order)),
        "currentStatus": status,
        "currentStatusDescription": events[-1].description
        if events
        else "Package has not left the fulfillment center.",
        "estimatedArrivalDate": at(shipment.arrive_at),
        "trackingEvents": [
            {
                "eventDate": at(event.at),
                "eventAddress": _place_out(event.place),
                "eventCode": event.code,
                "eventDescription": event.description,
            }
            for event in reversed(events)
        ],
    }
    if package.carrier_code == "UPS":
        found.update(carrierPhoneNumber="1-800-742-5877", carrierURL="https://www.ups.com")
    if shipment.status == "SHIPPED":
        found["shipDate"] = at(shipment.ship_at)
    if status == "OUT_FOR_DELIVERY":
        found["deliveryWindow"] = {
            "earliest": at(shipment.arrive_at - tracking.OUT_FOR_DELIVERY_BEFORE),
            "latest": at(shipment.arrive_at + tracking.DELIVERY_WINDOW_AFTER),
        }
    if status == "DELIVERED":
        found.update(signedForBy=order.terms.destination.name, additionalLocationInfo="FRONT_DOOR")
    return found


def _weight_out(weight: preview.Weight) -> Body:
    return {"unit": weight.unit, "value": weight.value}


def fulfillment_preview(plan: Plan, cod: bool, constraints: list[FeatureConstraint], windows: bool) -> Body:
    """`FulfillmentPreview`."""
    mp = plan.marketplace
    found: Body = {
        "shippingSpeedCategory": plan.speed,
        "isFulfillable": plan.fulfillable,
        "isCODCapable": cod,
        "marketplaceId": mp.marketplace_id,
        "estimatedShippingWeight": _weight_out(preview.weight(plan.weight_lb, mp)),
    }
    if plan.fulfillable:
        found["estimatedFees"] = [
            {"name": name, "amount": {"currencyCode": mp.currency, "value": decimal_text(amount)}}
            for name, amount in plan.fees
        ]
        found["fulfillmentPreviewShipments"] = [
            {
                "earliestShipDate": at(plan.ship_window[0]),
                "latestShipDate": at(plan.ship_window[1]),
                "earliestArrivalDate": at(plan.arrival_window[0]),
                "latestArrivalDate": at(plan.arrival_window[1]),
                "fulfillmentPreviewItems": [
                    {
                        "sellerSku": line.sku,
                        "quantity": line.quantity,
                        "sellerFulfillmentOrderItemId": line.line_id,
                        "estimatedShippingWeight": _weight_out(preview.weight(unit_weight, mp)),
                        "shippingWeightCalculationMethod": "Package",
                    }
                    for line, unit_weight in plan.shippable
                ],
            }
        ]
    if plan.unfulfillable:
        found["unfulfillablePreviewItems"] = [
            {
                "sellerSku": line.sku,
                "quantity": line.quantity,
                "sellerFulfillmentOrderItemId": line.line_id,
                "itemUnfulfillableReasons": reasons,
            }
            for line, reasons in plan.unfulfillable
        ]
    if plan.order_reasons:
        found["orderUnfulfillableReasons"] = plan.order_reasons
    if windows and plan.speed == "ScheduledDelivery" and plan.fulfillable:
        found["scheduledDeliveryInfo"] = {
            "deliveryTimeZone": mp.time_zone,
            "deliveryWindows": [
                {"startDate": at(start), "endDate": at(end)} for start, end in preview.delivery_windows(plan)
            ],
        }
    if constraints:
        found["featureConstraints"] = constraints_out(constraints)
    return found


def delivery_offers(plans: list[Plan], expires_at: float) -> Body:
    """deliveryOffers' payload: one offer per speed the stock can meet."""
    return {
        "deliveryOffers": [
            {
                "expiresAt": at(expires_at),
                "dateRange": {"earliest": at(p.arrival_window[0]), "latest": at(p.arrival_window[1])},
                "policy": {
                    "message": {
                        "text": f"{p.speed} delivery: arrives between "
                        f"{at(p.arrival_window[0])[:10]} and {at(p.arrival_window[1])[:10]}.",
                        "locale": "en-US",
                    }
                },
            }
            for p in plans
        ]
    }


def feature_list(country: str) -> list[Body]:
    """getFeatures' `features`: every feature and whether the seller can use it in `country`."""
    return [
        {"featureName": name, "featureDescription": text, "sellerEligible": features.offered(name, country)}
        for name, (text, _, _) in features.CATALOG.items()
    ]


def _feature_sku(found: features.FeatureSku) -> Body:
    return {"sellerSku": found.sku, "fnSku": found.fn_sku, "asin": found.asin, "skuCount": found.count}


def feature_inventory(
    marketplace_id: str, name: str, skus: list[features.FeatureSku], token: str | None
) -> Body:
    """getFeatureInventory's payload: one page of eligible SKUs."""
    payload: Body = {
        "marketplaceId": marketplace_id,
        "featureName": name,
        "featureSkus": [_feature_sku(found) | {"overlappingSkus": []} for found in skus],
    }
    if token:
        payload["nextToken"] = token
    return payload


def feature_sku(marketplace_id: str, name: str, eligibility: features.Eligibility) -> Body:
    """getFeatureSKU's payload."""
    found: Body = {
        "marketplaceId": marketplace_id,
        "featureName": name,
        "isEligible": eligibility.found is not None,
    }
    if eligibility.found is None:
        found["ineligibleReasons"] = eligibility.reasons
    else:
        found.update(_feature_sku(eligibility.found))
    return found
