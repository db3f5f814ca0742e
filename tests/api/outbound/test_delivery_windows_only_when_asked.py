"""getFulfillmentPreview (2020-07-01): scheduledDeliveryInfo comes only with a fulfillable
ScheduledDelivery preview, and only when includeDeliveryWindows asks for it."""

from __future__ import annotations

from tests.api.outbound.support import JP, JP_ADDRESS, V2020


def _previews(japan, quantity, **fields):
    body = {
        "marketplaceId": JP,
        "address": JP_ADDRESS,
        "items": [{"sellerSku": "TEA", "quantity": quantity, "sellerFulfillmentOrderItemId": "TEA"}],
        "shippingSpeedCategories": ["Standard", "ScheduledDelivery"],
        **fields,
    }
    response = japan.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    return {p["shippingSpeedCategory"]: p for p in response.json()["payload"]["fulfillmentPreviews"]}


def test_only_the_scheduled_delivery_preview_carries_windows(japan):
    found = _previews(japan, 1, includeDeliveryWindows=True)
    assert found["Standard"]["isFulfillable"] and "scheduledDeliveryInfo" not in found["Standard"]
    assert len(found["ScheduledDelivery"]["scheduledDeliveryInfo"]["deliveryWindows"]) == 3


def test_no_windows_unless_asked_for(japan):
    found = _previews(japan, 1)
    assert found["ScheduledDelivery"]["isFulfillable"]
    assert all("scheduledDeliveryInfo" not in p for p in found.values())


def test_no_windows_for_an_unfulfillable_preview(japan):
    found = _previews(japan, 11, includeDeliveryWindows=True)
    assert not found["ScheduledDelivery"]["isFulfillable"]
    assert all("scheduledDeliveryInfo" not in p for p in found.values())
