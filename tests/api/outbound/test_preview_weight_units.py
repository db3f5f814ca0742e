"""A preview's estimated shipping weight: pounds in the US, the same weight in kilograms elsewhere."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS, V2020

CA = "A2EUQ1WTGCTBG2"
TORONTO = {**ADDRESS, "countryCode": "CA", "stateOrRegion": "ON", "city": "Toronto"}


def standard_weight(mcf, **fields):
    body = {
        "address": ADDRESS,
        "items": [{"sellerSku": "MUG", "quantity": 2, "sellerFulfillmentOrderItemId": "MUG"}],
        "shippingSpeedCategories": ["Standard"],
        **fields,
    }
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    return response.json()["payload"]["fulfillmentPreviews"][0]["estimatedShippingWeight"]


def test_outside_the_us_the_weight_is_given_in_kilograms(mcf):
    mcf.stock("MUG", 5)
    mcf.stock("MUG", 5, marketplace=CA)
    assert standard_weight(mcf)["unit"] == "POUNDS"
    kilos = standard_weight(mcf, marketplaceId=CA, address=TORONTO)
    # the Canadian plan ships 3.00 lb: 3.00 x 0.45359237 = 1.3608 kg, to the cent
    assert kilos == {"unit": "KILOGRAMS", "value": "1.36"}
