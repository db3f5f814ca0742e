"""getPackageTrackingDetails (2020-07-01): the status description a client shows, and the carrier's
contact details (UPS packages only)."""

from __future__ import annotations

from tests.api.outbound.support import V2020


def tracking(mcf, number):
    response = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": number})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def package_of(mcf, order_id):
    return mcf.order(order_id)["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]


def test_a_pending_ups_package_says_it_has_not_left_and_how_to_reach_ups(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-UPS", {"MUG": 1}, shippingSpeedCategory="Expedited")
    mcf.set_status("O-UPS", "Processing")
    package = package_of(mcf, "O-UPS")
    assert package["carrierCode"] == "UPS"
    found = tracking(mcf, package["packageNumber"])
    assert found["currentStatusDescription"] == "Package has not left the fulfillment center."
    assert found["carrierPhoneNumber"] == "1-800-742-5877"
    assert found["carrierURL"] == "https://www.ups.com"


def test_a_shipped_package_is_described_by_its_latest_event_and_names_no_ups_contact(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-AMZN", {"MUG": 1})
    mcf.set_status("O-AMZN", "Complete")
    package = package_of(mcf, "O-AMZN")
    assert package["carrierCode"] == "AMZN_US"
    found = tracking(mcf, package["packageNumber"])
    latest = found["trackingEvents"][0]
    assert found["currentStatusDescription"] == latest["eventDescription"]
    assert latest["eventDescription"] != "Package has not left the fulfillment center."
    assert "carrierPhoneNumber" not in found and "carrierURL" not in found
