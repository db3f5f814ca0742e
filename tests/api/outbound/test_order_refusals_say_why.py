"""createFulfillmentOrder and updateFulfillmentOrder refusals: a 400 whose message and details name the
rule broken and the field, with nothing stored or reserved."""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound.timings import DEFAULT
from tests.api.outbound.support import JP, JP_ADDRESS, V2020

WINDOW = {"startDate": "2026-12-01T00:00:00Z", "endDate": "2026-12-01T04:00:00Z"}
SCHEDULED = {
    "marketplaceId": JP,
    "destinationAddress": JP_ADDRESS,
    "shippingSpeedCategory": "ScheduledDelivery",
}


def refused(response: Any) -> tuple[str, str]:
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["code"] == "InvalidInput"
    return error["message"], error["details"]


def update(mcf, order_id: str, **body: Any) -> Any:
    return mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}", json=body)


def test_scheduled_delivery_needs_a_window_and_the_ship_action(japan):
    assert refused(japan.create("J-1", {"TEA": 1}, **SCHEDULED)) == (
        "ScheduledDelivery orders need a deliveryWindow.",
        "deliveryWindow",
    )
    held = japan.create("J-1", {"TEA": 1}, deliveryWindow=WINDOW, fulfillmentAction="Hold", **SCHEDULED)
    assert refused(held) == ("ScheduledDelivery orders must use fulfillmentAction Ship.", "fulfillmentAction")
    assert japan.details("TEA", JP)["fulfillableQuantity"] == 10
    assert japan.create("J-1", {"TEA": 1}, deliveryWindow=WINDOW, **SCHEDULED).status_code == 200


def test_cash_on_delivery_and_features_the_marketplace_lacks_are_named(mcf):
    mcf.stock("MUG", 5)
    cod = {"isCodRequired": True, "codCharge": {"currencyCode": "USD", "value": "5.00"}}
    assert refused(mcf.create("O-1", {"MUG": 1}, codSettings=cod)) == (
        "Cash on delivery is not available in this marketplace.",
        "codSettings",
    )
    mcf.stock("MUG", 5, marketplace="A2EUQ1WTGCTBG2")  # signature confirmation is offered only in the US
    sealed = {"featureName": "SIGNATURE_CONFIRMATION", "featureFulfillmentPolicy": "Required"}
    abroad = mcf.create(
        "O-1", {"MUG": 1}, featureConstraints=[sealed, sealed], marketplaceId="A2EUQ1WTGCTBG2"
    )
    message, details = refused(abroad)
    assert details == "featureConstraints"
    assert (
        message
        == "Features not available in this marketplace: SIGNATURE_CONFIRMATION, SIGNATURE_CONFIRMATION."
    )
    assert mcf.call("GET", f"{V2020}/fulfillmentOrders/O-1").status_code == 404


def test_a_displayable_order_id_with_double_spaces_inside_is_refused(mcf):
    mcf.stock("MUG", 5)
    assert refused(mcf.create("O-1", {"MUG": 1}, displayableOrderId="A  B")) == (
        "displayableOrderId must not start or end with spaces or contain double spaces.",
        "displayableOrderId=A  B",
    )
    assert mcf.details("MUG")["fulfillableQuantity"] == 5


def test_line_changes_that_cannot_apply_are_refused_naming_the_line(mcf):
    mcf.stock("MUG", 3)
    mcf.create("O-1", {"MUG": 2})
    unknown = update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "NOPE", "quantity": 1}])
    assert refused(unknown) == ("Item Id NOPE is not part of this order.", "items")
    too_many = update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "MUG", "quantity": 9}])
    assert refused(too_many) == ("Not enough sellable inventory to raise Item Id MUG to 9 units.", "items")
    zero = update(mcf, "O-1", items=[{"sellerFulfillmentOrderItemId": "MUG", "quantity": 0}])
    assert refused(zero) == ("Item Id MUG: the SKU cannot change and the quantity must be positive.", "items")
    assert mcf.order("O-1")["fulfillmentOrderItems"][0]["quantity"] == 2
    assert mcf.details("MUG")["fulfillableQuantity"] == 1


def test_only_an_order_already_in_planning_cannot_be_put_on_hold(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1})
    mcf.create("O-2", {"MUG": 1})
    assert update(mcf, "O-1", fulfillmentAction="Hold").status_code == 200  # still Received
    mcf.advance(DEFAULT.planning_after + 1)
    assert mcf.status_of("O-2") == "Planning"
    assert update(mcf, "O-2", displayableOrderComment="still open").status_code == 200
    assert refused(update(mcf, "O-2", fulfillmentAction="Hold")) == (
        "An order already in Planning cannot be put on hold.",
        "fulfillmentAction",
    )
    assert mcf.order("O-2")["fulfillmentOrder"]["displayableOrderComment"] == "still open"
