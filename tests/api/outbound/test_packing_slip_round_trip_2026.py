"""A 2026-07-04 packing slip (the order's and a line's) reads back through getOrder as it was sent."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, V2026, Mcf

ORDER_SLIP = {
    "templateName": "thank-you",
    "templateAttributes": {"orderId": "SHOP-123", "orderText": "Thank you for your purchase!"},
}
LINE_SLIP = {"templateName": "gift", "templateAttributes": {"giftNote": "Happy birthday"}}


def test_packing_slips_with_template_attributes_round_trip_to_get_order(mcf: Mcf) -> None:
    mcf.stock("MUG", 5)
    line_config = {"services": {"packaging": {"packingSlip": LINE_SLIP}}}
    body = {
        "orderId": "SLIP-1",
        "destination": {"deliveryAddress": ADDRESS},
        "fulfillmentConfiguration": {"services": {"packaging": {"packingSlip": ORDER_SLIP}}},
        "lineItems": [
            {
                "lineItemId": "L1",
                "product": {"productIdentifier": {"amazonSku": "MUG"}},
                "amount": {"unit": "EACHES", "value": "1"},
                "fulfillmentConfiguration": line_config,
            }
        ],
    }
    created = mcf.call("POST", f"{V2026}/orders", json=body)
    assert created.status_code == 200, created.text
    response = mcf.call("GET", f"{V2026}/orders/SLIP-1")
    assert response.status_code == 200, response.text
    order = response.json()["order"]
    assert order["fulfillmentConfiguration"]["services"] == {"packaging": {"packingSlip": ORDER_SLIP}}
    assert order["lineItems"][0]["fulfillmentConfiguration"] == line_config
