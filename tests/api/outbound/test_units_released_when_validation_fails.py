"""Units an order held when validation finds it Invalid go back to fulfillable at that moment: a FillAll
order that reserved part of its stock, switched to FillOrKill and re-checked by a line update while still
New, is Invalid once validated, its units count unfulfillable and the stock shows the release then."""

from __future__ import annotations

from tests.api.outbound.support import V2020


def test_units_held_by_an_order_found_invalid_are_released_when_it_is_validated(mcf):
    mcf.set_timings(received_after=30)
    mcf.stock("MUG", 1)
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAll").status_code == 200
    for body in (
        {"fulfillmentPolicy": "FillOrKill"},
        {"items": [{"sellerFulfillmentOrderItemId": "MUG", "quantity": 2}]},
    ):
        response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1", json=body)
        assert response.status_code == 200, response.text
    assert mcf.details("MUG")["fulfillableQuantity"] == 0  # still held while the order is New
    mcf.advance(31)
    payload = mcf.order("O-1")
    order = payload["fulfillmentOrder"]
    assert order["fulfillmentOrderStatus"] == "Invalid"
    assert [item["unfulfillableQuantity"] for item in payload["fulfillmentOrderItems"]] == [2]
    assert mcf.details("MUG")["fulfillableQuantity"] == 1
    summaries = mcf.call(
        "GET",
        "/fba/inventory/v1/summaries",
        params={
            "granularityType": "Marketplace",
            "granularityId": "ATVPDKIKX0DER",
            "marketplaceIds": "ATVPDKIKX0DER",
        },
    ).json()["payload"]["inventorySummaries"]
    assert [s["lastUpdatedTime"] for s in summaries] == [order["statusUpdatedDate"]]
