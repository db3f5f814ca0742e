"""updateFulfillmentOrder (2020-07-01): a changed displayable id and feature constraints read back."""

from __future__ import annotations

from tests.api.outbound.support import V2020


def test_an_update_of_the_displayable_id_and_constraints_reads_back(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-UPD", {"MUG": 1}, fulfillmentAction="Hold").status_code == 200
    wanted = [{"featureName": "BLANK_BOX", "featureFulfillmentPolicy": "Required"}]
    body = {"displayableOrderId": "SHOWN-2", "featureConstraints": wanted}
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-UPD", json=body)
    assert response.status_code == 200, response.text
    order = mcf.order("O-UPD")["fulfillmentOrder"]
    assert order["displayableOrderId"] == "SHOWN-2" and order["featureConstraints"] == wanted
