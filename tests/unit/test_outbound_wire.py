"""Request bodies into records and records into response shapes, for both outbound versions, without HTTP."""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound import wire_2020, wire_2026
from emulator.apis.outbound.records import (
    LineProgress,
    Order,
    OrderDraft,
    OrderProgress,
    Package,
    Shipment,
    ShipmentItem,
)
from tests.api.outbound.support import ADDRESS

NOW = 1_780_000_000.0
BODY_2020: dict[str, Any] = {
    "sellerFulfillmentOrderId": "O-1",
    "marketplaceId": "ATVPDKIKX0DER",
    "displayableOrderId": "SHOP-1",
    "displayableOrderDate": "2026-01-02T03:04:05Z",
    "displayableOrderComment": "Thanks",
    "shippingSpeedCategory": "Standard",
    "destinationAddress": {**ADDRESS, "phone": "+1 206 555 0100"},
    "fulfillmentAction": "Hold",
    "fulfillmentPolicy": "FillAll",
    "codSettings": {"isCodRequired": False, "codCharge": {"currencyCode": "USD", "value": "1.50"}},
    "notificationEmails": ["jane@example.com"],
    "featureConstraints": [
        {"featureName": "BLANK_BOX", "featureFulfillmentPolicy": "Required"},
        {"featureName": "BLOCK_AMZL", "featureFulfillmentPolicy": "Required"},
    ],
    "deliveryWindow": {"startDate": "2026-01-05T08:00:00Z", "endDate": "2026-01-05T12:00:00Z"},
    "paymentInformation": [
        {"paymentTransactionId": "T-1", "paymentMode": "Other", "paymentDate": "2026-01-02T03:04:05Z"}
    ],
    "items": [
        {
            "sellerSku": "MUG",
            "sellerFulfillmentOrderItemId": "L1",
            "quantity": 2,
            "giftMessage": "Enjoy",
            "perUnitDeclaredValue": {"currencyCode": "USD", "value": "9.99"},
        },
        {"sellerSku": "TEE", "sellerFulfillmentOrderItemId": "L2", "quantity": 1},
    ],
}
BODY_2026: dict[str, Any] = {
    "orderId": "N-1",
    "channel": "SHOPIFY",
    "origin": {"countryCode": "US"},
    "destination": {
        "deliveryAddress": {**ADDRESS, "email": "jane@example.com"},
        "deliveryNotes": "Beware of the dog",
        "dropOffLocation": {"type": "FRONT_DOOR"},
    },
    "fulfillmentConfiguration": {
        "serviceLevel": {"serviceTiers": ["EXPEDITED"]},
        "action": "SHIP",
        "policy": "FILL_ALL_AVAILABLE",
        "services": {
            "packaging": {"packagingOption": "UNBRANDED", "packingSlip": {"templateName": "slip"}},
            "additional": {"signatureConfirmation": "REQUIRED"},
        },
    },
    "paymentInformation": {
        "payments": [{"paymentId": "P-1", "paymentMethod": "CARD", "paymentTime": "2026-01-02T03:04:05Z"}]
    },
    "lineItems": [
        {
            "lineItemId": "L1",
            "product": {
                "productIdentifier": {"amazonSku": "MUG"},
                "perUnitDeclaredValue": {"currencyCode": "USD", "amount": "9.99"},
            },
            "amount": {"unit": "EACHES", "value": "2"},
            "fulfillmentConfiguration": {
                "services": {
                    "delivery": {
                        "paymentOnDelivery": {"perUnitServicePrice": {"currencyCode": "USD", "amount": "1"}}
                    }
                }
            },
        }
    ],
}
BOOKKEEPING = {
    "reserved",
    "picked",
    "since",
    "epoch",
    "heldSince",
    "held_since",
    "updateSequence",
    "invalidReason",
}


def order_of(draft: OrderDraft, status: str = "Received") -> Order:
    """The order `orders.create` would store for `draft` (no stock involved)."""
    return Order(
        order_id=draft.order_id,
        marketplace_id=draft.marketplace_id or "ATVPDKIKX0DER",
        terms=draft.terms,
        status=status,
        received_at=NOW,
        status_updated_at=NOW,
        lines=draft.lines,
        progress=OrderProgress(since=NOW, held_since=NOW, epoch=7, update_sequence=3, invalid_reason="short"),
    )


def keys(document: Any) -> set[str]:
    """Every object key anywhere in a JSON document."""
    if isinstance(document, dict):
        return set(document) | {k for value in document.values() for k in keys(value)}
    if isinstance(document, list):
        return {k for value in document for k in keys(value)}
    return set()


def test_a_2020_order_reads_back_as_it_was_created():
    order = order_of(wire_2020.draft(BODY_2020))
    shown = wire_2020.fulfillment_order(order)
    for field in (
        "sellerFulfillmentOrderId",
        "marketplaceId",
        "displayableOrderId",
        "displayableOrderDate",
        "displayableOrderComment",
        "shippingSpeedCategory",
        "destinationAddress",
        "fulfillmentAction",
        "fulfillmentPolicy",
        "codSettings",
        "notificationEmails",
        "featureConstraints",
        "deliveryWindow",
    ):
        assert shown[field] == BODY_2020[field], field
    result = wire_2020.order_result(order, NOW)
    assert result["paymentInformation"] == BODY_2020["paymentInformation"]
    first, second = result["fulfillmentOrderItems"]
    assert first["giftMessage"] == "Enjoy" and first["perUnitDeclaredValue"] == {
        "currencyCode": "USD",
        "value": "9.99",
    }
    assert "giftMessage" not in second and order.lines[1].details is None


def test_a_2026_order_reads_back_as_it_was_created():
    draft = wire_2026.draft(BODY_2026, NOW)
    assert draft.dialect.order_id == "orderId" and draft.terms.displayable_order_id == "N-1"
    assert [(c.name, c.policy) for c in draft.terms.feature_constraints or ()] == [
        ("BLANK_BOX", "Required"),
        ("PACKING_SLIP", "Required"),
        ("SIGNATURE_CONFIRMATION", "Required"),
    ]
    shown = wire_2026.fulfillment_order(order_of(draft), NOW)
    config = BODY_2026["fulfillmentConfiguration"]
    assert shown["fulfillmentConfiguration"] == config
    assert shown["destination"] == BODY_2026["destination"]
    assert shown["paymentInformation"] == BODY_2026["paymentInformation"]
    assert shown["channel"] == "SHOPIFY" and shown["origin"] == {"countryCode": "US"}
    line = shown["lineItems"][0]
    assert line["product"] == BODY_2026["lineItems"][0]["product"]
    assert line["fulfillmentConfiguration"] == BODY_2026["lineItems"][0]["fulfillmentConfiguration"]
    assert line["amount"] == {"unit": "EACHES", "value": "2.0"}


def test_each_version_shows_the_other_versions_orders_in_its_own_terms():
    legacy = wire_2026.fulfillment_order(order_of(wire_2020.draft(BODY_2020)), NOW)
    assert legacy["fulfillmentConfiguration"]["services"] == {
        "packaging": {"packagingOption": "UNBRANDED"},
        "additional": {"blockAMZL": "REQUIRED"},
    }
    assert legacy["fulfillmentConfiguration"]["action"] == "HOLD"
    assert legacy["fulfillmentConfiguration"]["policy"] == "FILL_ALL"
    assert legacy["status"] == "PROCESSING"
    assert legacy["lineItems"][0]["product"]["perUnitDeclaredValue"] == {
        "currencyCode": "USD",
        "amount": "9.99",
    }
    modern = wire_2020.fulfillment_order(order_of(wire_2026.draft(BODY_2026, NOW)))
    assert (
        modern["shippingSpeedCategory"] == "Expedited" and modern["fulfillmentPolicy"] == "FillAllAvailable"
    )
    assert "email" not in modern["destinationAddress"]
    assert modern["displayableOrderDate"] == "2026-05-28T20:26:40.000Z"


def test_bookkeeping_is_never_rendered():
    order = order_of(wire_2020.draft(BODY_2020), status="Processing")
    order.lines[0].progress = LineProgress(reserved=2, picked=2)
    order.shipments.append(
        Shipment(
            shipment_id="S1",
            fulfillment_center_id="PHX7",
            status="PENDING",
            ship_at=NOW,
            arrive_at=NOW + 86400,
            items=[ShipmentItem(line_id="L1", quantity=2, package_number=1000001)],
            packages=[
                Package(
                    number=1000001, carrier_code="UPS", tracking_number="1Z1", amazon_tracking_number="TBA1"
                )
            ],
        )
    )
    shown = keys(wire_2020.order_result(order, NOW)) | keys(wire_2026.fulfillment_order(order, NOW))
    assert not shown & BOOKKEEPING


def test_an_update_changes_only_what_it_names():
    terms = wire_2020.draft(BODY_2020).terms
    change = wire_2020.update(
        {
            "displayableOrderComment": "Changed",
            "items": [{"sellerFulfillmentOrderItemId": "L1", "quantity": 1}],
        },
        terms,
    )
    assert change.terms.displayable_order_comment == "Changed"
    assert change.terms.destination == terms.destination and change.terms.action == "Hold"
    assert [(line.line_id, line.quantity, line.sku) for line in change.lines] == [("L1", 1, None)]
    assert wire_2026.update({"fulfillmentConfiguration": {"action": "SHIP"}}, terms).terms.action == "Ship"
    assert wire_2026.update(None, terms).terms == terms


def test_a_package_override_replaces_the_tracking_parts_it_names():
    override = wire_2026.package_override(
        {
            "status": "DELIVERED",
            "deliveryTime": "2026-01-06T10:00:00Z",
            "tracking": {"carrier": {"carrierCode": "USPS", "trackingNumber": "9400"}},
        },
        NOW,
    )
    order = order_of(wire_2020.draft(BODY_2020), status="Complete")
    package = Package(
        number=1000001,
        carrier_code="UPS",
        tracking_number="1Z1",
        amazon_tracking_number="TBA1",
        override=override,
    )
    order.shipments.append(
        Shipment(
            shipment_id="S1",
            fulfillment_center_id="PHX7",
            status="SHIPPED",
            ship_at=NOW - 86400,
            arrive_at=NOW + 86400,
            items=[ShipmentItem(line_id="L1", quantity=2, package_number=1000001)],
            packages=[package],
        )
    )
    shown = wire_2026.fulfillment_order(order, NOW)["shipments"][0]["packages"][0]
    assert shown["status"] == "DELIVERED" and shown["deliveryTime"] == "2026-01-06T10:00:00.000Z"
    assert shown["tracking"]["carrier"] == {"carrierCode": "USPS", "trackingNumber": "9400"}
    assert shown["tracking"]["amazon"]["trackingNumber"] == "TBA1"
    assert shown["shipmentItemIds"] == ["S1-1"]
