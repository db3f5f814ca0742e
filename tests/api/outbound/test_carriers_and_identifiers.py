"""Which carrier takes a package, the shape of its tracking numbers, and where it ships from.

Standard orders go by Amazon (`AMZN_<country>`, tracking `TBA` + 12 digits); faster speeds, or a
required BLOCK_AMZL, go by UPS (`1Z` + 16 upper-case letters or digits). Every package also has an
Amazon tracking number (`TBA` + 12 digits). Numbers and shipment ids are derived from the seller and
the package or order, so they differ between packages and between sellers, and stay the same from
one release to the next (pinned below: recorded expectations of users depend on them).
"""

from __future__ import annotations

import re

import pytest

from tests.api.outbound.sellers import as_seller
from tests.api.outbound.support import ADDRESS, V2020

TBA = re.compile(r"TBA[0-9]{12}")
UPS = re.compile(r"1Z[A-Z0-9]{16}")
DE = "A1PA6795UKMFR9"
BERLIN = {
    "name": "Max",
    "addressLine1": "Unter den Linden 1",
    "city": "Berlin",
    "postalCode": "10117",
    "countryCode": "DE",
}


def packages(mcf, order_id="O-1"):
    return mcf.order(order_id)["fulfillmentShipments"][0]["fulfillmentShipmentPackage"]


def shipped(mcf, lines, order_id="O-1", **fields):
    """The packages of an order of `lines` (SKU -> units, in stock), once it has shipped."""
    assert mcf.create(order_id, lines, **fields).status_code == 200
    assert mcf.set_status(order_id, "Complete").status_code == 200
    return packages(mcf, order_id)


@pytest.fixture(autouse=True)
def stocked(mcf):
    """The default seller has MUG and CUP in stock in the US."""
    mcf.stock("MUG", 10)
    mcf.stock("CUP", 10)


def test_standard_goes_by_amazon_with_a_tba_number_per_package(mcf):
    found = shipped(mcf, {"MUG": 1, "CUP": 1})
    assert [p["carrierCode"] for p in found] == ["AMZN_US", "AMZN_US"]
    for package in found:
        assert TBA.fullmatch(package["trackingNumber"]), package
        assert TBA.fullmatch(package["amazonFulfillmentTrackingNumber"]), package
        assert package["trackingNumber"] != package["amazonFulfillmentTrackingNumber"]
    first, second = found
    assert first["trackingNumber"] != second["trackingNumber"]
    assert first["amazonFulfillmentTrackingNumber"] != second["amazonFulfillmentTrackingNumber"]


@pytest.mark.parametrize(
    "fields",
    [
        {"shippingSpeedCategory": "Expedited"},
        {"shippingSpeedCategory": "Priority"},
        {"featureConstraints": [{"featureName": "BLOCK_AMZL", "featureFulfillmentPolicy": "Required"}]},
    ],
    ids=["Expedited", "Priority", "BLOCK_AMZL"],
)
def test_faster_speeds_and_block_amzl_go_by_ups(mcf, fields):
    (package,) = shipped(mcf, {"MUG": 1}, **fields)
    assert package["carrierCode"] == "UPS"
    assert UPS.fullmatch(package["trackingNumber"]), package
    assert TBA.fullmatch(package["amazonFulfillmentTrackingNumber"]), package


def test_block_amzl_that_is_only_preferred_stays_with_amazon(mcf):
    constraint = {"featureName": "BLOCK_AMZL", "featureFulfillmentPolicy": "NotRequired"}
    (package,) = shipped(mcf, {"MUG": 1}, featureConstraints=[constraint])
    assert package["carrierCode"] == "AMZN_US"


def test_two_packages_of_an_order_by_ups_have_their_own_numbers(mcf):
    first, second = shipped(mcf, {"MUG": 1, "CUP": 1}, shippingSpeedCategory="Expedited")
    assert first["trackingNumber"] != second["trackingNumber"]


def test_the_same_package_number_of_two_sellers_has_different_numbers(mcf):
    mine = shipped(mcf, {"MUG": 1}) + shipped(mcf, {"MUG": 1}, "O-2", shippingSpeedCategory="Expedited")
    other = as_seller(mcf, "A2OTHERSELLER9", ("ATVPDKIKX0DER",))
    other.stock("MUG", 10)
    theirs = shipped(other, {"MUG": 1}) + shipped(other, {"MUG": 1}, "O-2", shippingSpeedCategory="Expedited")
    assert [p["packageNumber"] for p in mine] == [p["packageNumber"] for p in theirs]
    for a, b in zip(mine, theirs, strict=True):
        assert a["trackingNumber"] != b["trackingNumber"]
        assert a["amazonFulfillmentTrackingNumber"] != b["amazonFulfillmentTrackingNumber"]
    ids = [o.order("O-1")["fulfillmentShipments"][0]["amazonShipmentId"] for o in (mcf, other)]
    assert ids[0] != ids[1]


def test_identifiers_are_the_same_from_one_release_to_the_next(mcf):
    standard = shipped(mcf, {"MUG": 1})
    expedited = shipped(mcf, {"MUG": 1}, "O-2", shippingSpeedCategory="Expedited")
    assert [
        (p["packageNumber"], p["carrierCode"], p["trackingNumber"], p["amazonFulfillmentTrackingNumber"])
        for p in standard + expedited
    ] == [
        (1000001, "AMZN_US", "TBA655640815165", "TBA887224696366"),
        (1000002, "UPS", "1Z4LS8MQTI0J0ZV7G0", "TBA636068570274"),
    ]
    shipment_ids = [mcf.order(o)["fulfillmentShipments"][0]["amazonShipmentId"] for o in ("O-1", "O-2")]
    assert shipment_ids == ["ufVfkYQ2f", "pYbub1TB8"]


def test_a_marketplace_without_a_named_centre_ships_from_its_country(mcf):
    seller = as_seller(mcf, "A3GERMANSELLER", (DE,))
    seller.stock("MUG", 10, marketplace=DE)
    (package,) = shipped(seller, {"MUG": 1}, marketplaceId=DE, destinationAddress=BERLIN)
    assert package["carrierCode"] == "AMZN_DE"
    shipment = seller.order("O-1")["fulfillmentShipments"][0]
    assert shipment["fulfillmentCenterId"] == "DEX1"
    number = package["packageNumber"]
    found = seller.call("GET", f"{V2020}/tracking", params={"packageNumber": number}).json()["payload"]
    (first,) = found["trackingEvents"]
    assert first["eventAddress"] == {"city": "DE", "state": "DE", "country": "DE"}


def test_a_us_order_ships_from_phoenix(mcf):
    shipped(mcf, {"MUG": 1}, destinationAddress=ADDRESS)
    assert mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentCenterId"] == "PHX7"
