"""README example: create an MCF order against the emulator fixture (no conftest needed)."""

ORDER = {
    "sellerFulfillmentOrderId": "ORDER-1",
    "displayableOrderId": "ORDER-1",
    "displayableOrderDate": "2026-01-02T03:04:05Z",
    "displayableOrderComment": "Thanks!",
    "shippingSpeedCategory": "Standard",
    "destinationAddress": {
        "name": "Jane Doe",
        "addressLine1": "1 Main St",
        "city": "Seattle",
        "stateOrRegion": "WA",
        "postalCode": "98101",
        "countryCode": "US",
    },
    "items": [{"sellerSku": "MUG-1", "sellerFulfillmentOrderItemId": "line-1", "quantity": 2}],
}


def test_create_mcf_order(spapi_emulator, spapi_client):
    spapi_emulator.seed({"inventory": [{"sku": "MUG-1", "quantity": 10}]})
    created = spapi_client.post("/fba/outbound/2020-07-01/fulfillmentOrders", json=ORDER)
    assert created.status_code == 200, created.text
    order = spapi_client.get("/fba/outbound/2020-07-01/fulfillmentOrders/ORDER-1").json()["payload"]
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] in ("New", "Received")
    spapi_emulator.assert_called("createFulfillmentOrder", times=1, status=200)
