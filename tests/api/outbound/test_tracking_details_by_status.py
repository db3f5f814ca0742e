"""getPackageTrackingDetails (2020-07-01): what a client sees at each stage of a package (its status
description, ship date, delivery window, delivery place) and the carrier's contact details (UPS only)."""

from __future__ import annotations

from emulator.apis.outbound.timings import DEFAULT, HOUR
from tests.api.outbound.support import V2020


def tracking(mcf, number):
    response = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": number})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def shipment_of(mcf, order_id):
    return mcf.order(order_id)["fulfillmentShipments"][0]


def test_a_pending_ups_package_says_it_has_not_left_and_how_to_reach_ups(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-UPS", {"MUG": 1}, shippingSpeedCategory="Expedited")
    mcf.set_status("O-UPS", "Processing")
    package = shipment_of(mcf, "O-UPS")["fulfillmentShipmentPackage"][0]
    assert package["carrierCode"] == "UPS"
    found = tracking(mcf, package["packageNumber"])
    assert found["currentStatusDescription"] == "Package has not left the fulfillment center."
    assert found["carrierPhoneNumber"] == "1-800-742-5877"
    assert found["carrierURL"] == "https://www.ups.com"
    assert "shipDate" not in found


def test_a_shipped_package_is_described_by_its_latest_event_and_names_no_ups_contact(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-AMZN", {"MUG": 1})
    mcf.set_status("O-AMZN", "Complete")
    shipment = shipment_of(mcf, "O-AMZN")
    package = shipment["fulfillmentShipmentPackage"][0]
    assert package["carrierCode"] == "AMZN_US"
    found = tracking(mcf, package["packageNumber"])
    latest = found["trackingEvents"][0]
    assert found["currentStatusDescription"] == latest["eventDescription"]
    assert latest["eventDescription"] != "Package has not left the fulfillment center."
    assert "carrierPhoneNumber" not in found and "carrierURL" not in found
    assert found["shipDate"] == shipment["shippingDate"]


def test_out_for_delivery_has_a_window_around_the_arrival_and_delivery_names_the_place(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-OUT", {"MUG": 1})
    mcf.set_status("O-OUT", "Complete")
    number = shipment_of(mcf, "O-OUT")["fulfillmentShipmentPackage"][0]["packageNumber"]
    mcf.advance(DEFAULT.transit_standard - 5 * HOUR)
    out = tracking(mcf, number)
    assert out["currentStatus"] == "OUT_FOR_DELIVERY" and "additionalLocationInfo" not in out
    window = out["deliveryWindow"]
    assert window["earliest"] == out["trackingEvents"][0]["eventDate"]
    assert window["earliest"] < out["estimatedArrivalDate"] < window["latest"]
    mcf.advance(6 * HOUR)
    done = tracking(mcf, number)
    assert done["currentStatus"] == "DELIVERED" and done["additionalLocationInfo"] == "FRONT_DOOR"
