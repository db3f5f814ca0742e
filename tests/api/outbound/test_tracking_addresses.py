"""Where getPackageTrackingDetails says a package goes (`shipToAddress`) and where its journey starts.

The destination's city falls back to the state or region, then the postal code (Japanese addresses have
no city); its state falls back to the city, then to empty text. The origin is the fulfilment centre
of the marketplace. Cities and states are cut to the model's 150 characters.
"""

from __future__ import annotations

import pytest

from tests.api.outbound.sellers import as_seller
from tests.api.outbound.support import ADDRESS, JP, JP_ADDRESS, V2020

LONG_CITY = "Llanfair" * 25  # 200 characters
LONG_STATE = "Region" * 30  # 180 characters


def shipped_tracking(mcf, address, marketplace=None):
    """getPackageTrackingDetails of a one-unit order to `address`, shipped just now."""
    fields = {"destinationAddress": address} | ({"marketplaceId": marketplace} if marketplace else {})
    assert mcf.create("O-1", {"MUG": 1}, **fields).status_code == 200
    assert mcf.set_status("O-1", "Complete").status_code == 200
    package = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]
    response = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": package["packageNumber"]})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


@pytest.fixture
def japan(mcf):
    """A driver acting for a seller in Japan with MUG in stock there."""
    seller = as_seller(mcf, "A3JAPANSELLER", (JP,))
    seller.stock("MUG", 5, marketplace=JP)
    return seller


@pytest.fixture
def usa(mcf):
    mcf.stock("MUG", 5)
    return mcf


def test_a_japanese_address_is_shown_by_its_prefecture(japan):
    found = shipped_tracking(japan, JP_ADDRESS, JP)
    assert found["shipToAddress"] == {"city": "Tokyo", "state": "Tokyo", "country": "JP"}
    (first,) = found["trackingEvents"]
    assert first["eventAddress"] == {"city": "Ichikawa", "state": "Chiba", "country": "JP"}


def test_without_city_or_prefecture_the_postal_code_names_the_place(japan):
    address = {k: v for k, v in JP_ADDRESS.items() if k != "stateOrRegion"}
    found = shipped_tracking(japan, address, JP)
    assert found["shipToAddress"] == {"city": "100-0001", "state": "", "country": "JP"}


def test_without_a_state_the_city_stands_for_it(usa):
    address = {k: v for k, v in ADDRESS.items() if k != "stateOrRegion"}
    found = shipped_tracking(usa, address)
    assert found["shipToAddress"] == {"city": "Seattle", "state": "Seattle", "country": "US"}
    assert found["trackingEvents"][-1]["eventAddress"] == {"city": "Phoenix", "state": "AZ", "country": "US"}


def test_long_city_and_state_are_cut_to_150_characters(usa):
    found = shipped_tracking(usa, ADDRESS | {"city": LONG_CITY, "stateOrRegion": LONG_STATE})
    assert found["shipToAddress"] == {"city": LONG_CITY[:150], "state": LONG_STATE[:150], "country": "US"}


def test_a_long_prefecture_standing_for_the_city_is_cut_too(japan):
    found = shipped_tracking(japan, JP_ADDRESS | {"stateOrRegion": LONG_STATE}, JP)
    assert found["shipToAddress"] == {"city": LONG_STATE[:150], "state": LONG_STATE[:150], "country": "JP"}
