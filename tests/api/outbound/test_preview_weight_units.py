"""A preview's estimated shipping weight: pounds in the US, the same weight in kilograms elsewhere."""

from __future__ import annotations

from decimal import Decimal

from emulator.apis.inventory import service
from emulator.lwa.accounts import DEFAULTS
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
    item = service.find(mcf.runtime.store.tenant(DEFAULTS.seller_id), CA, "MUG")
    pounds = Decimal(str(item.unit_weight_lb)) * 2  # the unit weight is drawn per SKU and marketplace
    assert kilos["unit"] == "KILOGRAMS"
    assert abs(Decimal(kilos["value"]) - pounds * Decimal("0.45359237")) <= Decimal("0.005")
