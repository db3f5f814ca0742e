"""getFeatures, getFeatureInventory and getFeatureSKU: which requests they refuse and how, and which SKUs
`queryStartDate` keeps (those changed at or after that instant)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.outbound.support import JP, US, V2020

INVENTORY = f"{V2020}/features/inventory"


def _error(response):
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert error["code"] == "InvalidInput"
    return error["message"], error["details"]


def test_an_unknown_feature_name_is_refused_by_name(mcf):
    mcf.stock("MUG", 4)
    expected = ("'TELEPORT' is not a valid feature name.", "featureName=TELEPORT")
    assert _error(mcf.call("GET", f"{INVENTORY}/TELEPORT", params={"marketplaceId": US})) == expected
    assert _error(mcf.call("GET", f"{INVENTORY}/TELEPORT/MUG", params={"marketplaceId": US})) == expected


def test_features_are_only_answered_for_a_marketplace_the_seller_sells_in(mcf):
    expected = (f"The seller does not participate in marketplace {JP}.", f"marketplaceId={JP}")
    for path in (f"{V2020}/features", f"{INVENTORY}/BLANK_BOX", f"{INVENTORY}/BLANK_BOX/MUG"):
        assert _error(mcf.call("GET", path, params={"marketplaceId": JP})) == expected


def test_query_start_date_keeps_skus_changed_at_that_very_instant(mcf):
    start = datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(start.replace(second=8))
    mcf.advance(0)  # a token for the new time
    mcf.stock("OLD", 3)
    mcf.advance(1)
    assert mcf.runtime.clock.now() == start
    mcf.stock("NEW", 2)
    since = "2030-05-06T07:08:09Z"
    found = mcf.call("GET", f"{INVENTORY}/BLANK_BOX", params={"marketplaceId": US, "queryStartDate": since})
    assert found.status_code == 200, found.text
    assert [(s["sellerSku"], s["skuCount"]) for s in found.json()["payload"]["featureSkus"]] == [("NEW", 2)]


def test_a_query_start_date_the_emulator_cannot_read_is_refused_naming_it(mcf):
    # A leap second passes the model's date-time format but is no instant the emulator can compare.
    leap = "2026-12-31T23:59:60Z"
    response = mcf.call("GET", f"{INVENTORY}/BLANK_BOX", params={"marketplaceId": US, "queryStartDate": leap})
    assert _error(response) == (
        "queryStartDate is not a valid ISO 8601 date-time.",
        f"queryStartDate={leap}",
    )
