"""A new order's destination must be deliverable: the 400 names the address field and the rule broken."""

from __future__ import annotations

import pytest

from tests.api.outbound.support import ADDRESS, JP_ADDRESS

US_NO_CITY = {k: v for k, v in ADDRESS.items() if k != "city"}


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ({**ADDRESS, "countryCode": "ZZ"}, "countryCode 'ZZ' is not a supported destination country"),
        ({**ADDRESS, "postalCode": "   "}, "postalCode is empty"),
        (US_NO_CITY, "city is required outside Japan"),
        ({**ADDRESS, "city": "  "}, "city is required outside Japan"),
        ({**JP_ADDRESS, "city": "Tokyo"}, "city must not be used in Japan"),
    ],
)
def test_an_undeliverable_destination_is_refused_with_its_reason(mcf, address, problem):
    mcf.stock("MUG", 5)
    response = mcf.create("O-1", {"MUG": 1}, destinationAddress=address, marketplaceId="ATVPDKIKX0DER")
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["message"] == f"The destination address is invalid: {problem}."
    assert error["details"] == "destinationAddress"
    assert mcf.call("GET", "/fba/outbound/2020-07-01/fulfillmentOrders/O-1").status_code == 404


def test_a_japanese_address_without_a_city_is_deliverable(mcf):
    mcf.stock("MUG", 5)
    created = mcf.create("O-1", {"MUG": 1}, destinationAddress=JP_ADDRESS, marketplaceId="ATVPDKIKX0DER")
    assert created.status_code == 200, created.text
