"""Fulfillment Outbound 2026-07-04 over the same orders as 2020-07-01."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, V2020, V2026

LINE = {
    "lineItemId": "L1",
    "product": {"productIdentifier": {"amazonSku": "MUG"}},
    "amount": {"unit": "EACHES", "value": "2.0"},
}


def create(mcf, order_id="N-1", **fields):
    body = {
        "orderId": order_id,
        "destination": {"deliveryAddress": {**ADDRESS, "email": "jane@example.com"}},
        "lineItems": [LINE],
        **fields,
    }
    return mcf.call("POST", f"{V2026}/orders", json=body)


def get(mcf, order_id="N-1", **params):
    response = mcf.call("GET", f"{V2026}/orders/{order_id}", params=params)
    assert response.status_code == 200, response.text
    return response.json()["order"]


def test_create_returns_the_order_and_2020_sees_it(mcf):
    mcf.stock("MUG", 5)
    response = create(
        mcf,
        channel="SHOPIFY",
        origin={"countryCode": "US"},
        fulfillmentConfiguration={"serviceLevel": {"serviceTiers": ["EXPEDITED"]}, "policy": "FILL_ALL"},
    )
    assert response.status_code == 200, response.text
    order = response.json()["order"]
    assert order["status"] == "PROCESSING" and order["channel"] == "SHOPIFY"
    assert order["fulfillmentConfiguration"]["policy"] == "FILL_ALL"
    assert order["destination"]["deliveryAddress"]["email"] == "jane@example.com"
    legacy = mcf.order("N-1")
    assert legacy["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Received"
    assert legacy["fulfillmentOrder"]["shippingSpeedCategory"] == "Expedited"
    assert legacy["fulfillmentOrder"]["fulfillmentPolicy"] == "FillAll"
    assert "email" not in legacy["fulfillmentOrder"]["destinationAddress"]
    assert legacy["fulfillmentOrderItems"][0]["sellerFulfillmentOrderItemId"] == "L1"


def test_create_is_accepted_asynchronously_while_validation_is_pending(mcf):
    mcf.set_timings(received_after=60)
    mcf.stock("MUG", 5)
    response = create(mcf)
    assert response.status_code == 202
    assert response.json() == {"orderId": "N-1", "status": "PROCESSING"}


def test_create_validates_like_2020(mcf):
    mcf.stock("MUG", 5)
    assert create(mcf, order_id="bad id").status_code == 400
    assert (
        create(mcf, fulfillmentConfiguration={"serviceLevel": {"serviceTiers": ["WARP"]}}).status_code == 400
    )
    fractional = {**LINE, "amount": {"unit": "EACHES", "value": "1.5"}}
    assert create(mcf, lineItems=[fractional]).status_code == 400
    assert create(mcf).status_code == 200
    assert create(mcf).status_code == 400  # duplicate id


def test_2020_orders_are_visible_in_2026_with_services(mcf):
    mcf.stock("MUG", 5)
    mcf.create(
        "O-1",
        {"MUG": 1},
        featureConstraints=[{"featureName": "BLOCK_AMZL", "featureFulfillmentPolicy": "Required"}],
    )
    order = get(mcf, "O-1")
    assert order["fulfillmentConfiguration"]["services"] == {"additional": {"blockAMZL": "REQUIRED"}}
    assert order["lineItems"][0]["amount"] == {"unit": "EACHES", "value": "1.0"}
    assert order["origin"] == {"countryCode": "US"}


def test_shipments_packages_and_tracking_are_embedded(mcf):
    mcf.stock("MUG", 5)
    create(mcf)
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "COMPLETE"}).status_code == 204
    order = get(mcf)
    assert order["status"] == "COMPLETE"
    shipment = order["shipments"][0]
    assert shipment["status"] == "SHIPPED" and shipment["amazonFacility"]["facilityId"] == "PHX7"
    package = shipment["packages"][0]
    assert package["status"] == "IN_TRANSIT" and package["tracking"]["carrier"]["carrierCode"] == "AMZN_US"
    assert package["shipmentItemIds"] == [shipment["items"][0]["shipmentItemId"]]
    assert "shipments" not in get(mcf, shipments="EXCLUDE")
    legacy = mcf.order("N-1")["fulfillmentShipments"][0]
    assert legacy["amazonShipmentId"] == shipment["amazonShipmentId"]
    assert str(legacy["fulfillmentShipmentPackage"][0]["packageNumber"]) == package["packageId"]


def test_update_package_drives_tracking_in_both_versions(mcf):
    mcf.stock("MUG", 5)
    create(mcf)
    mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "COMPLETE"})
    package_id = get(mcf)["shipments"][0]["packages"][0]["packageId"]
    response = mcf.call(
        "PUT",
        f"{V2026}/orders/N-1/packages/{package_id}",
        json={"status": "DELAYED", "tracking": {"proofOfDelivery": {"receivedBy": "nobody"}}},
    )
    assert response.status_code == 204
    assert get(mcf)["shipments"][0]["packages"][0]["status"] == "DELAYED"
    legacy = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": package_id}).json()["payload"]
    assert legacy["currentStatus"] == "DELAYED" and legacy["trackingEvents"][0]["eventCode"] == "EVENT_418"
    assert (
        mcf.call("PUT", f"{V2026}/orders/N-1/packages/{package_id}", json={"status": "LOST"}).status_code
        == 400
    )
    assert (
        mcf.call("PUT", f"{V2026}/orders/N-1/packages/999", json={"status": "DELIVERED"}).status_code == 404
    )


def test_update_order_releases_a_hold_and_cancel_is_202(mcf):
    mcf.stock("MUG", 5)
    create(mcf, fulfillmentConfiguration={"action": "HOLD"})
    create(mcf, order_id="N-2")
    released = mcf.call("PUT", f"{V2026}/orders/N-1", json={"fulfillmentConfiguration": {"action": "SHIP"}})
    assert released.status_code == 202 and released.json() == {}
    assert get(mcf)["fulfillmentConfiguration"]["action"] == "SHIP"
    cancelled = mcf.call("PUT", f"{V2026}/orders/N-2/cancel")
    assert cancelled.status_code == 202 and get(mcf, "N-2")["status"] == "CANCELLED"
    assert mcf.details("MUG")["fulfillableQuantity"] == 3


def test_list_orders_pages_and_filters(mcf):
    mcf.stock("MUG", 200)
    for n in range(55):
        create(mcf, order_id=f"N-{n:02d}", lineItems=[{**LINE, "amount": {"unit": "EACHES", "value": "1"}}])
    first = mcf.call("GET", f"{V2026}/orders", params={"shipments": "EXCLUDE"}).json()
    token = first["pagination"]["nextToken"]
    second = mcf.call("GET", f"{V2026}/orders", params={"pageToken": token}).json()
    assert len(first["orders"]) == 50 and len(second["orders"]) == 5 and "pagination" not in second
    assert (
        mcf.call("GET", f"{V2026}/orders", params={"updatedAfter": "2999-01-01T00:00:00Z"}).json()["orders"]
        == []
    )


def test_service_id_header_is_echoed(mcf):
    mcf.stock("MUG", 5)
    response = mcf.call(
        "POST",
        f"{V2026}/orders",
        headers={"x-amzn-fulfillment-service-id": "FS01-abc"},
        json={"orderId": "N-9", "destination": {"deliveryAddress": ADDRESS}, "lineItems": [LINE]},
    )
    assert response.headers["x-amzn-fulfillment-service-id"] == "FS01-abc"


def test_order_preview_offers_and_constraints(mcf):
    mcf.stock("MUG", 3)
    mcf.stock("CUP", 0)
    body = {
        "destination": {"deliveryAddress": ADDRESS},
        "lineItems": [
            {"product": {"productIdentifier": {"amazonSku": "MUG"}}, "amount": {"value": "2"}},
            {"product": {"productIdentifier": {"amazonSku": "CUP"}}, "amount": {"value": "1"}},
        ],
    }
    result = mcf.call("POST", f"{V2026}/previews", json=body).json()
    shipment = result["plannedShipments"][0]
    assert [i["productIdentifier"]["amazonSku"] for i in shipment["items"]] == ["MUG"]
    tiers = [o["fulfillmentConfiguration"]["serviceLevel"]["serviceTier"] for o in shipment["offers"]]
    assert tiers == ["STANDARD", "EXPEDITED"]  # 2026-07-04 offers PRIORITY only in CA, IN and MX
    price = shipment["offers"][0]["estimatedPrice"]
    assert price["totalPrice"]["currencyCode"] == "USD" and isinstance(price["totalPrice"]["amount"], str)
    assert result["constraints"][0]["code"] == "ItemQuantityNotAvailable"
    lean = mcf.call("POST", f"{V2026}/previews", json={**body, "excludeEstimatedFees": True}).json()
    assert "estimatedPrice" not in lean["plannedShipments"][0]["offers"][0]


def test_get_offers_per_item(mcf):
    mcf.stock("MUG", 3)
    mcf.stock("CUP", 0)
    body = {
        "origin": {"countryCode": "US"},
        "fulfillmentConfiguration": {"serviceLevel": {"serviceTiers": ["STANDARD"]}},
        "items": [{"productIdentifier": {"amazonSku": s}} for s in ("MUG", "CUP", "GHOST")],
    }
    results = mcf.call("POST", f"{V2026}/offers", json=body).json()["offerResults"]
    assert [len(r["offers"]) for r in results] == [1, 0, 0]
    assert [r.get("constraints", [{}])[0].get("code") for r in results] == [
        None,
        "ItemQuantityNotAvailable",
        "InvalidSku",
    ]
    assert results[0]["offers"][0]["expiryTime"]


def test_2026_status_update_rules(mcf):
    mcf.stock("MUG", 5)
    create(mcf)
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "SHIPPED"}).status_code == 400
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "CANCELLED"}).status_code == 204
    assert mcf.call("PUT", f"{V2026}/orders/N-1/status", json={"status": "COMPLETE"}).status_code == 400
    assert mcf.call("PUT", f"{V2026}/orders/NOPE/status", json={"status": "COMPLETE"}).status_code == 404


def test_amounts_that_are_not_whole_eaches_are_400s(mcf):
    mcf.stock("MUG", 5)
    for value in ("Infinity", "NaN", "-Infinity", "1e400", "2.5", "lots"):
        line = {**LINE, "amount": {"unit": "EACHES", "value": value}}
        assert create(mcf, order_id="N-x", lineItems=[line]).status_code == 400, value
        offer = mcf.call(
            "POST",
            f"{V2020}/deliveryOffers",
            json={
                "product": {
                    "productIdentifier": {"merchantSku": "MUG"},
                    "amount": {"unitOfMeasure": "Eaches", "value": value},
                },
                "terms": {
                    "origin": {"countryCode": "US"},
                    "destination": {"deliveryAddress": {"postalCode": "98101", "countryCode": "US"}},
                },
            },
        )
        assert offer.status_code == 400, value
    assert (
        create(
            mcf, order_id="N-x", lineItems=[{**LINE, "amount": {"unit": "BOXES", "value": "1"}}]
        ).status_code
        == 400
    )
    assert mcf.details("MUG")["fulfillableQuantity"] == 5
