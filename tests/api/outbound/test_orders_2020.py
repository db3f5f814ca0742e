"""createFulfillmentOrder, updateFulfillmentOrder, cancelFulfillmentOrder, get and list (2020-07-01)."""

from __future__ import annotations

import pytest

from emulator.state.clock import iso
from tests.api.outbound.support import ADDRESS, V2020


def error(response):
    assert response.status_code == 400, response.text
    return response.json()["errors"][0]


def update(mcf, order_id, **body):
    return mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}", json=body)


def test_create_reserves_units_and_reports_received(mcf):
    mcf.stock("MUG", 10)
    response = mcf.create("O-1", {"MUG": 4})
    assert response.status_code == 200 and response.json() == {}
    payload = mcf.order("O-1")
    order = payload["fulfillmentOrder"]
    assert order["fulfillmentOrderStatus"] == "Received"
    assert order["fulfillmentAction"] == "Ship" and order["fulfillmentPolicy"] == "FillOrKill"
    assert order["marketplaceId"] == "ATVPDKIKX0DER" and order["destinationAddress"] == ADDRESS
    item = payload["fulfillmentOrderItems"][0]
    assert (item["quantity"], item["cancelledQuantity"], item["unfulfillableQuantity"]) == (4, 0, 0)
    assert item["estimatedShipDate"] < item["estimatedArrivalDate"]
    details = mcf.details("MUG")
    assert details["fulfillableQuantity"] == 6
    assert details["reservedQuantity"]["pendingCustomerOrderQuantity"] == 4


@pytest.mark.parametrize("order_id", ["has space", "plus+sign", "x" * 41, "ünïcode"])
def test_order_id_rules(mcf, order_id):
    mcf.stock("MUG", 10)
    assert "sellerFulfillmentOrderId" in error(mcf.create(order_id, {"MUG": 1}))["message"]


def test_duplicate_order_id_is_rejected(mcf):
    mcf.stock("MUG", 10)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert "already exists" in error(mcf.create("O-1", {"MUG": 1}))["message"]
    assert mcf.details("MUG")["fulfillableQuantity"] == 9


def test_unknown_sku_uses_amazons_wording(mcf):
    mcf.stock("MUG", 10)
    problem = error(mcf.create("O-1", {"MUG": 1, "GHOST": 1}))
    assert problem["message"] == "the SellerSKU for Item Id: GHOST is invalid."
    assert mcf.details("MUG")["fulfillableQuantity"] == 10


@pytest.mark.parametrize(
    "fields",
    [
        {"destinationAddress": {**ADDRESS, "countryCode": "ZZ"}},
        {"destinationAddress": {**ADDRESS, "city": ""}},
        {"shippingSpeedCategory": "ScheduledDelivery"},
        {"fulfillmentAction": "Hold", "shippingSpeedCategory": "ScheduledDelivery"},
        {"codSettings": {"isCodRequired": True}},
        {"featureConstraints": [{"featureName": "NO_SUCH_THING", "featureFulfillmentPolicy": "Required"}]},
        {"marketplaceId": "A1VC38T7YXB528"},
    ],
)
def test_invalid_combinations_are_400_and_reserve_nothing(mcf, fields):
    mcf.stock("MUG", 10)
    error(mcf.create("O-1", {"MUG": 1}, **fields))
    assert mcf.details("MUG")["fulfillableQuantity"] == 10


def test_quantities_and_limits(mcf):
    mcf.stock("MUG", 300)
    error(mcf.create("O-1", {"MUG": 0}))
    error(mcf.create("O-2", {"MUG": 251}))
    mcf.stock("CUP", 1)
    body_items = [
        {"sellerSku": "MUG", "sellerFulfillmentOrderItemId": "same", "quantity": 1},
        {"sellerSku": "CUP", "sellerFulfillmentOrderItemId": "same", "quantity": 1},
    ]
    error(mcf.create("O-3", {}, items=body_items))


def test_unknown_body_field_is_rejected_by_name(mcf):
    mcf.stock("MUG", 1)
    response = mcf.create("O-1", {"MUG": 1}, SellerId="A1")
    assert "SellerId" in error(response)["details"] + error(response)["message"]


def test_fill_or_kill_short_stock_makes_the_order_invalid(mcf):
    mcf.stock("MUG", 2)
    assert mcf.create("O-1", {"MUG": 3}).status_code == 200
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Invalid"
    assert payload["fulfillmentOrderItems"][0]["unfulfillableQuantity"] == 3
    assert mcf.details("MUG")["fulfillableQuantity"] == 2


def test_fill_all_available_ships_what_is_there(mcf):
    mcf.stock("MUG", 2)
    mcf.stock("CUP", 0)
    assert mcf.create("O-1", {"MUG": 3, "CUP": 1}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    items = {i["sellerSku"]: i for i in mcf.order("O-1")["fulfillmentOrderItems"]}
    assert items["MUG"]["unfulfillableQuantity"] == 1 and items["CUP"]["unfulfillableQuantity"] == 1
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 2
    assert mcf.set_status("O-1", "Complete").status_code == 200
    assert mcf.status_of("O-1") == "CompletePartialled"


def test_fill_all_available_with_nothing_is_unfulfillable(mcf):
    mcf.stock("MUG", 0)
    mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAllAvailable")
    assert mcf.status_of("O-1") == "Unfulfillable"


def test_hold_orders_reserve_but_wait(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2}, fulfillmentAction="Hold")
    mcf.advance(3 * 24 * 3600)
    assert mcf.status_of("O-1") == "Received"
    assert mcf.details("MUG")["reservedQuantity"]["totalReservedQuantity"] == 2


def test_update_releases_hold_and_changes_fields(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 2}, fulfillmentAction="Hold")
    response = update(
        mcf,
        "O-1",
        fulfillmentAction="Ship",
        displayableOrderComment="updated",
        items=[{"sellerFulfillmentOrderItemId": "MUG", "quantity": 3}],
    )
    assert response.status_code == 200, response.text
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentAction"] == "Ship"
    assert payload["fulfillmentOrder"]["displayableOrderComment"] == "updated"
    assert payload["fulfillmentOrderItems"][0]["quantity"] == 3
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 3
    mcf.advance(7 * 3600)
    assert mcf.status_of("O-1") == "Complete"


def test_update_quantity_down_releases_units(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 4})
    update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "MUG", "quantity": 1}])
    assert mcf.details("MUG")["fulfillableQuantity"] == 4


def test_update_beyond_stock_under_fill_or_kill_is_refused_untouched(mcf):
    mcf.stock("MUG", 3)
    mcf.create("O-1", {"MUG": 2})
    assert (
        update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "MUG", "quantity": 9}]).status_code == 400
    )
    assert mcf.order("O-1")["fulfillmentOrderItems"][0]["quantity"] == 2
    assert mcf.details("MUG")["fulfillableQuantity"] == 1


def test_update_unknown_item_and_late_update_are_refused(mcf):
    mcf.stock("MUG", 3)
    mcf.create("O-1", {"MUG": 1})
    assert (
        update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "NOPE", "quantity": 1}]).status_code == 400
    )
    mcf.set_status("O-1", "Processing")
    late = update(mcf, "O-1", displayableOrderComment="late")
    assert late.status_code == 400 and "Processing" in late.json()["errors"][0]["message"]


def test_cancel_before_processing_releases_stock(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 3})
    assert mcf.cancel("O-1").status_code == 200
    payload = mcf.order("O-1")
    assert payload["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Cancelled"
    assert payload["fulfillmentOrderItems"][0]["cancelledQuantity"] == 3
    assert "estimatedShipDate" not in payload["fulfillmentOrderItems"][0]
    assert mcf.details("MUG")["fulfillableQuantity"] == 5
    assert mcf.cancel("O-1").status_code == 200  # cancelling again changes nothing


def test_cancel_after_picking_started_is_refused(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 3})
    mcf.advance(3 * 3600)  # Planning after 10 min, Processing 2 h later
    assert mcf.status_of("O-1") == "Processing"
    response = mcf.cancel("O-1")
    assert response.status_code == 400
    assert "no longer be cancelled" in response.json()["errors"][0]["message"]
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 3


def test_unknown_order_is_404(mcf):
    assert mcf.call("GET", f"{V2020}/fulfillmentOrders/NOPE").status_code == 404
    assert mcf.cancel("NOPE").status_code == 404


def test_list_all_honours_query_start_date_and_pages(mcf):
    mcf.stock("MUG", 200)
    for n in range(60):
        mcf.create(f"O-{n:02d}", {"MUG": 1})
    mcf.advance(60)
    cutoff = iso(mcf.runtime.clock.now())
    mcf.advance(60)
    mcf.cancel("O-07")
    listed = mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"queryStartDate": cutoff}).json()[
        "payload"
    ]
    assert [o["sellerFulfillmentOrderId"] for o in listed["fulfillmentOrders"]] == ["O-07"]
    first = mcf.call("GET", f"{V2020}/fulfillmentOrders").json()["payload"]
    assert len(first["fulfillmentOrders"]) == 50
    second = mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"nextToken": first["nextToken"]}).json()[
        "payload"
    ]
    ids = [o["sellerFulfillmentOrderId"] for o in first["fulfillmentOrders"] + second["fulfillmentOrders"]]
    assert sorted(ids) == [f"O-{n:02d}" for n in range(60)] and "nextToken" not in second
    assert ids[-1] == "O-07"  # most recently updated last


def test_list_rejects_garbage_tokens_and_dates(mcf):
    assert mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"nextToken": "garbage!"}).status_code == 400
    assert mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"queryStartDate": "soon"}).status_code == 400


def test_sellers_never_see_each_others_orders(mcf, client, other_seller_headers):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    assert client.get(f"{V2020}/fulfillmentOrders/O-1", headers=other_seller_headers).status_code == 404
    assert (
        client.put(f"{V2020}/fulfillmentOrders/O-1/cancel", headers=other_seller_headers).status_code == 404
    )
    listed = client.get(f"{V2020}/fulfillmentOrders", headers=other_seller_headers).json()["payload"]
    assert listed["fulfillmentOrders"] == []
    assert mcf.status_of("O-1") == "Received"


@pytest.mark.parametrize("shown", [" padded", "two  spaces", "trailing "])
def test_displayable_order_id_spacing_rules(mcf, shown):
    mcf.stock("MUG", 1)
    assert "displayableOrderId" in error(mcf.create("O-1", {"MUG": 1}, displayableOrderId=shown))["message"]
