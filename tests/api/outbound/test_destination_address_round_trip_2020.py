"""A 2020-07-01 order reads back its destination address field for field: every optional field the seller
gave, and none of those it left out."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS

FULL = {
    "name": "Jane Doe",
    "addressLine1": "1 Main St",
    "addressLine2": "Suite 200",
    "addressLine3": "Attn: Receiving",
    "city": "Seattle",
    "districtOrCounty": "King County",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
    "phone": "+1-206-555-0100",
}


def test_every_address_field_given_reads_back(mcf):
    mcf.stock("MUG", 1)
    response = mcf.create("FULL-ADDRESS", {"MUG": 1}, destinationAddress=FULL)
    assert response.status_code == 200, response.text
    assert mcf.order("FULL-ADDRESS")["fulfillmentOrder"]["destinationAddress"] == FULL


def test_optional_address_fields_left_out_stay_absent(mcf):
    mcf.stock("MUG", 1)
    response = mcf.create("SHORT-ADDRESS", {"MUG": 1}, destinationAddress=ADDRESS)
    assert response.status_code == 200, response.text
    assert mcf.order("SHORT-ADDRESS")["fulfillmentOrder"]["destinationAddress"] == ADDRESS
