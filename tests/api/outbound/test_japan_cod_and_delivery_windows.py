"""Japan-only parts of 2020-07-01: every cash-on-delivery charge reads back as it was sent, and
ScheduledDelivery previews offer three back-to-back 4-hour windows from the earliest arrival."""

from __future__ import annotations

from emulator.state.clock import parse_iso
from tests.api.outbound.support import JP, JP_ADDRESS, V2020

HOUR = 3600


def test_every_cod_charge_reads_back(japan):
    cod = {
        "isCodRequired": True,
        "codCharge": {"currencyCode": "JPY", "value": "500"},
        "codChargeTax": {"currencyCode": "JPY", "value": "50"},
        "shippingCharge": {"currencyCode": "JPY", "value": "300"},
        "shippingChargeTax": {"currencyCode": "JPY", "value": "30"},
    }
    response = japan.create(
        "J-COD", {"TEA": 1}, marketplaceId=JP, destinationAddress=JP_ADDRESS, codSettings=cod
    )
    assert response.status_code == 200, response.text
    assert japan.order("J-COD")["fulfillmentOrder"]["codSettings"] == cod
    listed = japan.call("GET", f"{V2020}/fulfillmentOrders").json()["payload"]["fulfillmentOrders"]
    assert [o["codSettings"] for o in listed] == [cod]


def test_delivery_windows_are_three_four_hour_slots_from_the_earliest_arrival(japan):
    body = {
        "marketplaceId": JP,
        "address": JP_ADDRESS,
        "items": [{"sellerSku": "TEA", "quantity": 1, "sellerFulfillmentOrderItemId": "TEA"}],
        "shippingSpeedCategories": ["ScheduledDelivery"],
        "includeDeliveryWindows": True,
    }
    response = japan.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    [found] = response.json()["payload"]["fulfillmentPreviews"]
    earliest = parse_iso(found["fulfillmentPreviewShipments"][0]["earliestArrivalDate"]).timestamp()
    windows = [
        (parse_iso(w["startDate"]).timestamp() - earliest, parse_iso(w["endDate"]).timestamp() - earliest)
        for w in found["scheduledDeliveryInfo"]["deliveryWindows"]
    ]
    assert windows == [(0, 4 * HOUR), (4 * HOUR, 8 * HOUR), (8 * HOUR, 12 * HOUR)]
