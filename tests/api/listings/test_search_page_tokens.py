"""searchListingsItems page tokens: URL-safe text a client pastes into a query string as it is, and
walking every page by them, forward and back, visits each item once in order, whatever the page size."""

from __future__ import annotations

import re

import pytest

SKUS = [f"SKU-{n:02d}" for n in range(12)]
URL_SAFE = re.compile(r"[A-Za-z0-9_-]+")


@pytest.mark.parametrize("size", [1, 5, 10, 11])  # offsets of one and two digits
def test_tokens_are_url_safe_and_walk_every_page(listings, size):
    for sku in SKUS:
        listings.accepted(sku)
    query = {"sortBy": "sku", "sortOrder": "ASC", "pageSize": size}
    pages = [listings.search(**query).json()]
    while "nextToken" in pages[-1].get("pagination", {}):
        token = pages[-1]["pagination"]["nextToken"]
        assert URL_SAFE.fullmatch(token), token
        response = listings.search(**query, pageToken=token)
        assert response.status_code == 200, response.text
        pages.append(response.json())
    assert [i["sku"] for p in pages for i in p["items"]] == SKUS
    assert len(pages) == -(-len(SKUS) // size)
    for earlier, later in zip(pages, pages[1:], strict=False):
        token = later["pagination"]["previousToken"]
        assert URL_SAFE.fullmatch(token), token
        back = listings.search(**query, pageToken=token)
        assert back.status_code == 200, back.text
        assert back.json()["items"] == earlier["items"]
