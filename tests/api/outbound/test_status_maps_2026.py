"""What 2026-07-04 answers for every order and shipment status the lifecycle can reach.

Each status is reached through the operations (not by writing records), then read back through
`getOrder`, so a wrong entry in either status map shows as a wrong word on the wire.
"""

from __future__ import annotations

import pytest

from tests.api.outbound.support import ADDRESS, V2020, V2026, Mcf

TWO_MUGS = {
    "lineItemId": "L1",
    "product": {"productIdentifier": {"amazonSku": "MUG"}},
    "amount": {"unit": "EACHES", "value": "2"},
}


def order_2026(mcf: Mcf, order_id: str) -> dict:
    response = mcf.call("GET", f"{V2026}/orders/{order_id}")
    assert response.status_code == 200, response.text
    return response.json()["order"]


def force(mcf: Mcf, order_id: str, status: str) -> None:
    response = mcf.set_status(order_id, status)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("walk", "expected"),
    [
        ((), "PROCESSING"),
        (("Planning",), "PROCESSING"),
        (("Processing",), "PROCESSING"),
        (("Complete",), "COMPLETE"),
        (("CompletePartialled",), "COMPLETE_PARTIAL"),
        (("Cancelled",), "CANCELLED"),
        (("Unfulfillable",), "UNFULFILLABLE"),
        (("Invalid",), "INVALID"),
    ],
)
def test_every_2020_status_has_its_own_2026_word(mcf, walk, expected):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    for status in walk:
        force(mcf, "O-1", status)
    assert order_2026(mcf, "O-1")["status"] == expected


def test_an_order_with_nothing_to_ship_is_unfulfillable_in_2026(mcf):
    mcf.stock("MUG", 0)
    body = {
        "orderId": "N-1",
        "destination": {"deliveryAddress": ADDRESS},
        "lineItems": [TWO_MUGS],
        "fulfillmentConfiguration": {"policy": "FILL_ALL_AVAILABLE"},
    }
    created = mcf.call("POST", f"{V2026}/orders", json=body)
    assert created.status_code == 200, created.text
    assert order_2026(mcf, "N-1")["status"] == "UNFULFILLABLE"
    assert mcf.status_of("N-1") == "Unfulfillable"


def test_shipments_in_2026_are_processing_shipped_or_cancelled(mcf):
    mcf.stock("MUG", 5)
    for order_id in ("PICKED", "SHIPPED", "DROPPED"):
        assert mcf.create(order_id, {"MUG": 1}).status_code == 200
        force(mcf, order_id, "Processing")
    force(mcf, "SHIPPED", "Complete")
    force(mcf, "DROPPED", "Unfulfillable")  # the fulfiller cancels the pending shipment
    legacy = mcf.call("GET", f"{V2020}/fulfillmentOrders/DROPPED").json()["payload"]
    assert [s["fulfillmentShipmentStatus"] for s in legacy["fulfillmentShipments"]] == [
        "CANCELLED_BY_FULFILLER"
    ]
    seen = {
        order_id: [s["status"] for s in order_2026(mcf, order_id)["shipments"]]
        for order_id in ("PICKED", "SHIPPED", "DROPPED")
    }
    assert seen == {"PICKED": ["PROCESSING"], "SHIPPED": ["SHIPPED"], "DROPPED": ["CANCELLED"]}
