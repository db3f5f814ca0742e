"""The 4xx answers of the Listings operations in full: code, message and `details` naming what was wrong."""

from __future__ import annotations

import pytest

from tests.api.listings.conftest import CA, US, listing


def error(response, status):
    assert response.status_code == status, response.text
    [found] = response.json()["errors"]
    return found


def test_a_foreign_seller_id_is_named(listings):
    response = listings.mcf.call(
        "GET", "/listings/2021-08-01/items/A2OTHERSELLER9/MUG-1", params={"marketplaceIds": US}
    )
    assert error(response, 403) == {
        "code": "Unauthorized",
        "message": "Access to requested resource is denied.",
        "details": "sellerId=A2OTHERSELLER9 is not the authorized seller.",
    }


def test_a_patch_naming_two_marketplaces(listings):
    patch = [{"op": "add", "path": "/attributes/color", "value": [{"value": "red"}]}]
    response = listings.patch("MUG-1", patch, marketplaceIds=f"{US},{CA}")
    assert error(response, 400) == {
        "code": "BAD_REQUEST",
        "message": "A listings write names exactly one marketplace.",
        "details": "marketplaceIds",
    }


def test_a_write_of_a_blank_sku(listings):
    assert error(listings.put(" ", listing()), 400) == {
        "code": "BAD_REQUEST",
        "message": "sku must not be empty.",
        "details": "sku",
    }


def test_a_delete_of_an_unknown_sku(listings):
    assert error(listings.delete("NOPE"), 400) == {
        "code": "BAD_REQUEST",
        "message": f"There is no listings item 'NOPE' in marketplace {US}.",
        "details": "sku=NOPE",
    }


def test_a_get_of_an_unknown_sku(listings):
    assert error(listings.get("NOPE"), 404) == {
        "code": "NOT_FOUND",
        "message": "There is no listings item 'NOPE' in the requested marketplaces.",
        "details": "sku=NOPE",
    }


@pytest.mark.parametrize(
    ("params", "message", "details"),
    [
        (
            {"packageHierarchySku": "P"},
            "packageHierarchySku is not supported by the emulator.",
            "packageHierarchySku",
        ),
        (
            {"identifiers": "A-1"},
            "identifiers and identifiersType go together.",
            "identifiers, identifiersType",
        ),
        (
            {"identifiersType": "SKU", "identifiers": "A-1", "variationParentSku": "P"},
            "identifiers and variationParentSku are mutually exclusive.",
            "variationParentSku",
        ),
        ({"pageSize": 0}, "pageSize must be between 1 and 20.", "pageSize=0"),
        (
            {"pageToken": "not-a-token"},
            "The pageToken is invalid or belongs to a different query.",
            "pageToken=not-a-token",
        ),
    ],
)
def test_a_bad_search(listings, params, message, details):
    found = error(listings.search(**params), 400)
    assert found == {"code": "BAD_REQUEST", "message": message, "details": details}


def test_an_empty_marketplace_list_is_refused_before_any_operation(listings):
    for response in (listings.get("MUG-1", marketplaces=""), listings.search(marketplaceIds="")):
        assert error(response, 400)["code"] == "BAD_REQUEST"
