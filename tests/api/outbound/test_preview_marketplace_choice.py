"""getFulfillmentPreview (2020-07-01) draws stock from the marketplace the request names, even when the
address is in another marketplace's country."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, US, V2020

TORONTO = {**ADDRESS, "countryCode": "CA", "stateOrRegion": "ON", "city": "Toronto", "postalCode": "M5V 2T6"}


def test_a_named_marketplace_ships_across_the_border(mcf):
    mcf.stock("MUG", 1)
    body = {
        "marketplaceId": US,
        "address": TORONTO,
        "items": [{"sellerSku": "MUG", "quantity": 1, "sellerFulfillmentOrderItemId": "MUG"}],
        "shippingSpeedCategories": ["Standard"],
    }
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    [found] = response.json()["payload"]["fulfillmentPreviews"]
    assert found["marketplaceId"] == US and found["isFulfillable"] is True
    fees = {fee["name"]: fee["amount"]["currencyCode"] for fee in found["estimatedFees"]}
    assert fees == {"FBAPerUnitFulfillmentFee": "USD", "FBATransportationFee": "USD"}
