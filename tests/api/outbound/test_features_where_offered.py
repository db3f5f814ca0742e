"""A feature the marketplace offers is accepted on an order and reads back on it."""

from __future__ import annotations


def test_signature_confirmation_is_accepted_in_the_us(mcf):
    mcf.stock("MUG", 1)
    signed = {"featureName": "SIGNATURE_CONFIRMATION", "featureFulfillmentPolicy": "Required"}
    response = mcf.create("O-SIGNED", {"MUG": 1}, featureConstraints=[signed])
    assert response.status_code == 200, response.text
    assert mcf.order("O-SIGNED")["fulfillmentOrder"]["featureConstraints"] == [signed]
