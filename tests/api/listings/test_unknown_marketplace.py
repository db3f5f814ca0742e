"""A Listings Items call naming a marketplace that does not exist is a 400 naming `marketplaceIds`."""

from __future__ import annotations

from tests.api.listings.conftest import US

UNKNOWN = "A1NOSUCHPLACE"
REFUSAL = [
    {
        "code": "BAD_REQUEST",
        "message": f"Invalid marketplaceIds: '{UNKNOWN}' is not a known marketplace.",
        "details": f"marketplaceIds={UNKNOWN}",
    }
]


def test_a_search_naming_an_unknown_marketplace(listings):
    response = listings.search(marketplaceIds=f"{US},{UNKNOWN}")
    assert response.status_code == 400 and response.json()["errors"] == REFUSAL, response.text


def test_a_read_naming_an_unknown_marketplace(listings):
    listings.accepted("MUG-1")
    response = listings.get("MUG-1", marketplaces=UNKNOWN)
    assert response.status_code == 400 and response.json()["errors"] == REFUSAL, response.text
