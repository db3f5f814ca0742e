"""A 2026-07-04 order that asks for an overbox (`services.packaging.overbox: REQUIRED`) keeps it: it reads
back in the order's services and, through 2020-07-01, as a required OVERBOX feature constraint."""

from __future__ import annotations

from tests.api.outbound.test_outbound_2026 import create, get


def test_an_overbox_asked_for_reads_back_and_is_a_required_feature(mcf):
    mcf.stock("MUG", 5)
    services = {"packaging": {"overbox": "REQUIRED"}}
    response = create(mcf, fulfillmentConfiguration={"services": services})
    assert response.status_code == 200, response.text
    assert get(mcf)["fulfillmentConfiguration"]["services"] == services
    legacy = mcf.order("N-1")["fulfillmentOrder"]
    overbox = {"featureName": "OVERBOX", "featureFulfillmentPolicy": "Required"}
    assert legacy["featureConstraints"] == [overbox]
