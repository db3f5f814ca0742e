"""A package the seller cannot reach is a 404 naming it, in both API versions, never a 500.

getPackageTrackingDetails (2020-07-01) looks a package up by its number alone; updatePackage
(2026-07-04) by the order and a `packageId` that is free text in the model.
"""

from __future__ import annotations

import pytest

from tests.api.outbound.support import V2020, V2026


def only_error(response):
    assert response.status_code == 404, response.text
    (error,) = response.json()["errors"]
    return error


def track(mcf, number):
    return mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": number})


def test_tracking_an_unknown_package_number_names_it(mcf):
    assert only_error(track(mcf, 42)) == {
        "code": "NotFound",
        "message": "Package 42 was not found.",
        "details": "packageNumber=42",
    }


def test_tracking_a_package_withheld_from_its_shipment_is_404(mcf):
    """CompletePartialled empties the last line's package and drops it; its number stays allocated."""
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    mcf.create("O-1", {"MUG": 1, "CUP": 1})
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 200
    (kept,) = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"]
    dropped = kept["packageNumber"] + 1
    assert track(mcf, kept["packageNumber"]).status_code == 200
    assert only_error(track(mcf, dropped)) == {
        "code": "NotFound",
        "message": f"Package {dropped} was not found.",
        "details": f"packageNumber={dropped}",
    }


@pytest.fixture
def shipped_2026(mcf):
    """Order N-1 (2026-07-04) shipped; the number of its one package."""
    mcf.stock("MUG", 5)
    mcf.create("N-1", {"MUG": 1})
    assert mcf.set_status("N-1", "Complete").status_code == 200
    return mcf.order("N-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]["packageNumber"]


@pytest.mark.parametrize(
    "package_id",
    [
        "PKG-abc",  # the model's own kind of example: not a number at all
        "\u0663",  # ARABIC-INDIC DIGIT THREE: a digit, but not one of our package numbers
        "\u00b2",  # SUPERSCRIPT TWO: str.isdigit() says yes, int() says no
        "999",  # a number no package of this order has
    ],
)
def test_update_package_that_is_not_in_the_order_names_it(mcf, shipped_2026, package_id):
    response = mcf.call("PUT", f"{V2026}/orders/N-1/packages/{package_id}", json={"status": "DELIVERED"})
    assert only_error(response) == {
        "code": "NotFound",
        "message": f"Package {package_id} is not part of order N-1.",
        "details": f"packageId={package_id}",
    }


def test_update_package_needs_the_number_exactly_as_issued(mcf, shipped_2026):
    """A leading zero names no package, though it parses to the number of one."""
    padded = f"0{shipped_2026}"
    response = mcf.call("PUT", f"{V2026}/orders/N-1/packages/{padded}", json={"status": "DELIVERED"})
    assert only_error(response)["message"] == f"Package {padded} is not part of order N-1."
    exact = mcf.call("PUT", f"{V2026}/orders/N-1/packages/{shipped_2026}", json={"status": "DELIVERED"})
    assert exact.status_code == 204
