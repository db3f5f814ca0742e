"""createFulfillmentOrder (2020-07-01): what a new order promises and which refusals it gives. A line's
estimated ship date is the receipt plus the time in the fulfilment centre, its arrival adds the transit of
the order's speed; an order that names no marketplace draws from the seller's marketplace in the
destination country; a FillAllAvailable shortfall stays unfulfillable when a later update re-reserves;
a repeated order id and a line without units are refused naming them, and so is a required feature
without a name (with no made-up name); the 100-line and 250-unit limits are inclusive and a larger
order is refused saying so."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from emulator.apis.outbound.timings import DAY, DEFAULT
from tests.api.outbound.sellers import as_seller
from tests.api.outbound.support import US, V2020, order_body

CA = "A2EUQ1WTGCTBG2"
CA_ADDRESS = {
    "name": "Jean Roy",
    "addressLine1": "1 King St W",
    "city": "Toronto",
    "stateOrRegion": "ON",
    "postalCode": "M5H 1A1",
    "countryCode": "CA",
}


def seconds(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def refused(response: Any) -> tuple[str, str]:
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["code"] == "InvalidInput"
    return error["message"], error["details"]


def test_estimates_follow_the_fulfilment_centre_time_and_the_speed(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}, shippingSpeedCategory="Expedited").status_code == 200
    order = mcf.order("O-1")
    received = seconds(order["fulfillmentOrder"]["receivedDate"])
    [line] = order["fulfillmentOrderItems"]
    ship, arrive = seconds(line["estimatedShipDate"]), seconds(line["estimatedArrivalDate"])
    assert round(ship - received, 3) == DEFAULT.fc_time()
    assert round(arrive - ship, 3) == 2 * DAY == DEFAULT.transit_expedited


def test_an_order_without_a_marketplace_draws_from_the_destination_country(mcf):
    seller = as_seller(mcf, "A2SELLSUSANDCA", (US, CA))
    seller.stock("MAPLE", 3, marketplace=CA)
    created = seller.create("O-1", {"MAPLE": 1}, destinationAddress=CA_ADDRESS)
    assert created.status_code == 200, created.text
    assert seller.order("O-1")["fulfillmentOrder"]["marketplaceId"] == CA
    assert seller.details("MAPLE", marketplace=CA)["fulfillableQuantity"] == 2


def test_a_fill_all_available_shortfall_stays_unfulfillable_after_an_update(mcf):
    mcf.stock("MUG", 1)
    mcf.stock("CUP", 5)
    assert mcf.create("O-1", {"MUG": 3, "CUP": 2}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    item = {"sellerSku": "CUP", "sellerFulfillmentOrderItemId": "CUP", "quantity": 3}
    updated = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1", json={"items": [item]})
    assert updated.status_code == 200, updated.text
    lines = {
        item["sellerSku"]: (item["quantity"], item["unfulfillableQuantity"])
        for item in mcf.order("O-1")["fulfillmentOrderItems"]
    }
    assert lines == {"MUG": (3, 2), "CUP": (3, 0)}


def test_a_repeated_order_id_is_refused_naming_it(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert refused(mcf.create("O-1", {"MUG": 1})) == (
        "A fulfillment order with id O-1 already exists.",
        "sellerFulfillmentOrderId=O-1",
    )


def many_lines(order_id: str, count: int, quantity: int) -> dict[str, Any]:
    body = order_body(order_id)
    body["items"] = [
        {"sellerSku": "MUG", "sellerFulfillmentOrderItemId": f"line-{n}", "quantity": quantity}
        for n in range(count)
    ]
    return body


def create(mcf, body: dict[str, Any]) -> Any:
    return mcf.call("POST", f"{V2020}/fulfillmentOrders", json=body)


def test_a_hundred_lines_are_accepted_and_more_are_refused(mcf):
    mcf.stock("MUG", 0)
    assert create(mcf, many_lines("O-1", 100, 1)).status_code == 200
    assert refused(create(mcf, many_lines("O-2", 101, 1))) == (
        "An order may have at most 100 line items.",
        "items",
    )


def test_two_hundred_fifty_units_are_accepted_and_more_are_refused(mcf):
    mcf.stock("MUG", 0)
    assert create(mcf, many_lines("O-1", 1, 250)).status_code == 200
    assert refused(create(mcf, many_lines("O-2", 2, 126))) == (
        "An order may have at most 250 units.",
        "items",
    )


def test_a_line_without_units_is_refused_naming_its_quantity(mcf):
    mcf.stock("MUG", 5)
    assert refused(mcf.create("O-1", {"MUG": 0})) == (
        "quantity must be positive for sellerFulfillmentOrderItemId MUG.",
        "quantity=0",
    )


def test_a_required_feature_without_a_name_is_refused_without_inventing_one(mcf):
    mcf.stock("MUG", 5)
    nameless = [{"featureFulfillmentPolicy": "Required"}]
    assert refused(mcf.create("O-1", {"MUG": 1}, featureConstraints=nameless)) == (
        "Features not available in this marketplace: .",
        "featureConstraints",
    )
