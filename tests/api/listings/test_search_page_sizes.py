"""searchListingsItems page sizes: 10 items by default, and single-item pages that page back to the first."""

from __future__ import annotations


def test_a_page_holds_ten_items_by_default(listings):
    for n in range(11):
        listings.accepted(f"SKU-{n:02d}")
    first = listings.search(sortBy="sku", sortOrder="ASC").json()
    assert [i["sku"] for i in first["items"]] == [f"SKU-{n:02d}" for n in range(10)]
    assert first["numberOfResults"] == 11 and set(first["pagination"]) == {"nextToken"}
    rest = listings.search(sortBy="sku", sortOrder="ASC", pageToken=first["pagination"]["nextToken"]).json()
    assert [i["sku"] for i in rest["items"]] == ["SKU-10"] and set(rest["pagination"]) == {"previousToken"}


def test_single_item_pages_lead_back_to_the_first(listings):
    for sku in ("A", "B", "C"):
        listings.accepted(sku)
    query = {"sortBy": "sku", "sortOrder": "ASC", "pageSize": 1}
    first = listings.search(**query).json()
    assert [i["sku"] for i in first["items"]] == ["A"] and set(first["pagination"]) == {"nextToken"}
    second = listings.search(**query, pageToken=first["pagination"]["nextToken"]).json()
    assert [i["sku"] for i in second["items"]] == ["B"]
    assert set(second["pagination"]) == {"nextToken", "previousToken"}
    back = listings.search(**query, pageToken=second["pagination"]["previousToken"])
    assert back.status_code == 200, back.text
    assert back.json() == first
