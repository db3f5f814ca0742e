"""A searchListingsItems page token pages only as it was issued: one with a stray character added
anywhere is a 400 naming it, whatever the length of the token (offsets of one, two or three digits)."""

from __future__ import annotations

import pytest

from emulator.apis.listings import records
from emulator.apis.listings.records import Listing
from emulator.lwa.accounts import DEFAULTS
from tests.api.listings.conftest import US

QUERY = {"sortBy": "sku", "sortOrder": "ASC"}


@pytest.fixture
def tokens(listings, runtime):
    """Page tokens to offsets 1, 10 and 100 (with the page size each was issued for) over 121 listings."""
    tenant = runtime.store.tenant(DEFAULTS.seller_id)
    for n in range(121):
        listing = Listing(
            sku=f"S{n:04d}", marketplace_id=US, product_type="HOME", created_at=n, updated_at=n, live=True
        )
        records.save(tenant, listing)
    issued = [
        (size, listings.search(**QUERY, pageSize=size).json()["pagination"]["nextToken"]) for size in (1, 10)
    ]
    page = listings.search(**QUERY, pageSize=20).json()
    for _ in range(4):
        page = listings.search(**QUERY, pageSize=20, pageToken=page["pagination"]["nextToken"]).json()
    assert page["items"][0]["sku"] == "S0080"
    return [*issued, (20, page["pagination"]["nextToken"])]


def test_each_token_pages_as_issued(listings, tokens):
    for (size, token), offset in zip(tokens, (1, 10, 100), strict=True):
        response = listings.search(**QUERY, pageSize=size, pageToken=token)
        assert response.status_code == 200, response.text
        assert response.json()["items"][0]["sku"] == f"S{offset:04d}"


@pytest.mark.parametrize("where", ["end", "middle"])
@pytest.mark.parametrize("stray", [".", "~"])
def test_a_token_with_a_stray_character_is_refused(listings, tokens, where, stray):
    for size, token in tokens:
        altered = token + stray if where == "end" else token[:5] + stray + token[5:]
        response = listings.search(**QUERY, pageSize=size, pageToken=altered)
        assert response.status_code == 400, (len(token), response.text)
        assert response.json()["errors"][0] == {
            "code": "BAD_REQUEST",
            "message": "The pageToken is invalid or belongs to a different query.",
            "details": f"pageToken={altered}",
        }
