"""getFeatureSKU and getFeatureInventory: a feature offered only in some countries is usable by SKUs there
and by none elsewhere."""

from __future__ import annotations

from tests.api.outbound.support import US, V2020

CA = "A2EUQ1WTGCTBG2"


def feature_sku(mcf, marketplace):
    response = mcf.call(
        "GET", f"{V2020}/features/inventory/SIGNATURE_CONFIRMATION/MUG", params={"marketplaceId": marketplace}
    )
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def test_signature_confirmation_is_for_us_skus_only(mcf):
    mcf.stock("MUG", 2)
    mcf.stock("MUG", 2, marketplace=CA)
    us = feature_sku(mcf, US)
    assert us["isEligible"] is True and us["skuCount"] == 2 and "ineligibleReasons" not in us
    ca = feature_sku(mcf, CA)
    assert ca["isEligible"] is False and ca["ineligibleReasons"] == ["MERCHANT_NOT_ENROLLED"]


def test_signature_confirmation_lists_us_stock_only(mcf):
    mcf.stock("MUG", 2)
    mcf.stock("MUG", 2, marketplace=CA)
    path = f"{V2020}/features/inventory/SIGNATURE_CONFIRMATION"
    us = mcf.call("GET", path, params={"marketplaceId": US}).json()["payload"]["featureSkus"]
    assert [(s["sellerSku"], s["skuCount"]) for s in us] == [("MUG", 2)]
    assert mcf.call("GET", path, params={"marketplaceId": CA}).json()["payload"]["featureSkus"] == []
