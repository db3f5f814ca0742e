"""A searchListingsItems page token pages only for the seller it was issued to."""

from __future__ import annotations

from tests.api.listings.conftest import US


def test_another_seller_cannot_page_with_a_token(listings, client, other_seller_headers):
    for sku in ("A", "B"):
        listings.accepted(sku)
    token = listings.search(pageSize=1).json()["pagination"]["nextToken"]
    other = client.get(
        "/listings/2021-08-01/items/A2OTHERSELLER9",
        params={"marketplaceIds": US, "pageSize": 1, "pageToken": token},
        headers=other_seller_headers,
    )
    assert other.status_code == 400 and other.json()["errors"][0]["details"] == f"pageToken={token}"
    assert listings.search(pageSize=1, pageToken=token).status_code == 200
