"""A preview from a marketplace to an address in another country carries FBATransportationFee: 4.99 USD
scaled by the speed and the marketplace's currency, rounded half up to the cent (Expedited in JPY:
4.99 x 1.45 x 150 = 1085.325, quoted 1085.33)."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, JP, V2020


def test_a_japanese_preview_to_the_us_quotes_the_transportation_fee_in_yen(japan):
    body = {
        "marketplaceId": JP,
        "address": ADDRESS,
        "items": [{"sellerSku": "TEA", "quantity": 1, "sellerFulfillmentOrderItemId": "TEA"}],
        "shippingSpeedCategories": ["Standard", "Expedited"],
    }
    response = japan.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    fees = {
        preview["shippingSpeedCategory"]: {
            fee["name"]: (fee["amount"]["currencyCode"], fee["amount"]["value"])
            for fee in preview["estimatedFees"]
        }
        for preview in response.json()["payload"]["fulfillmentPreviews"]
    }
    assert fees["Standard"]["FBATransportationFee"] == ("JPY", "748.50")  # 4.99 x 150
    assert fees["Expedited"]["FBATransportationFee"] == ("JPY", "1085.33")  # 4.99 x 1.45 x 150, half up
