"""updateFulfillmentOrder (2020-07-01): every changed term reads back, and terms left out are kept."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, V2020

NEW_ADDRESS = {**ADDRESS, "name": "John Roe", "city": "Tacoma", "postalCode": "98402"}


def _update(mcf, order_id, **body):
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}", json=body)
    assert response.status_code == 200, response.text


def test_an_update_of_the_order_terms_reads_back(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-TERMS", {"MUG": 1}, fulfillmentAction="Hold").status_code == 200
    _update(
        mcf,
        "O-TERMS",
        displayableOrderDate="2026-02-03T04:05:06Z",
        shippingSpeedCategory="Expedited",
        destinationAddress=NEW_ADDRESS,
        fulfillmentPolicy="FillAll",
        notificationEmails=["buyer@example.com"],
    )
    order = mcf.order("O-TERMS")["fulfillmentOrder"]
    assert order["displayableOrderDate"] == "2026-02-03T04:05:06Z"
    assert order["shippingSpeedCategory"] == "Expedited"
    assert order["destinationAddress"]["name"] == "John Roe"
    assert order["destinationAddress"]["city"] == "Tacoma"
    assert order["destinationAddress"]["postalCode"] == "98402"
    assert order["fulfillmentPolicy"] == "FillAll"
    assert order["notificationEmails"] == ["buyer@example.com"]


def test_terms_an_update_leaves_out_are_kept(mcf):
    mcf.stock("MUG", 1)
    created = mcf.create(
        "O-KEEP",
        {"MUG": 1},
        fulfillmentAction="Hold",
        notificationEmails=["buyer@example.com"],
    )
    assert created.status_code == 200, created.text
    _update(mcf, "O-KEEP", displayableOrderId="SHOWN-3")
    order = mcf.order("O-KEEP")["fulfillmentOrder"]
    assert order["displayableOrderId"] == "SHOWN-3"
    assert order["notificationEmails"] == ["buyer@example.com"]
    assert order["displayableOrderDate"] == "2026-01-02T03:04:05Z"
    assert order["shippingSpeedCategory"] == "Standard"
    assert order["destinationAddress"]["city"] == "Seattle"
