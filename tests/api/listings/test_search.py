"""searchListingsItems: identifiers, dates, issues, status, sorting, page tokens, the 1000-match limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from emulator.apis.listings import records
from emulator.apis.listings.records import Listing
from emulator.lwa.accounts import DEFAULTS
from tests.api.listings.conftest import US, listing


def skus(response):
    assert response.status_code == 200, response.text
    return [i["sku"] for i in response.json()["items"]]


@pytest.fixture
def three(listings, mcf):
    """A-1 (created first), B-2, C-3 (created last), one minute apart on a frozen clock at whole seconds
    (so a date a summary reports is the listing's instant exactly); B-2 is FBA with stock."""
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC))
    mcf.advance(0)  # a token issued at the new time
    upc = [{"type": "upc", "value": "012345"}]
    listings.accepted("A-1", listing(externally_assigned_product_identifier=upc))
    mcf.advance(60)
    mcf.stock("B-2", 4)
    listings.accepted("B-2", listing(channel="AMAZON_NA", quantity=None, image=False))
    mcf.advance(60)
    listings.accepted("C-3", listing(quantity=0))
    listings.processed()
    return listings


def test_default_order_is_last_updated_descending(three):
    assert skus(three.search()) == ["C-3", "B-2", "A-1"]
    assert skus(three.search(sortBy="sku", sortOrder="ASC")) == ["A-1", "B-2", "C-3"]
    assert skus(three.search(sortBy="createdDate", sortOrder="ASC")) == ["A-1", "B-2", "C-3"]
    patch = [{"op": "replace", "path": "/attributes/item_name", "value": [{"value": "New"}]}]
    assert three.patch("A-1", patch).json()["status"] == "ACCEPTED"
    assert skus(three.search()) == ["A-1", "C-3", "B-2"]
    assert skus(three.search(sortBy="createdDate")) == ["C-3", "B-2", "A-1"]


def test_identifiers(three):
    fba = three.item("B-2")["summaries"][0]
    assert skus(three.search(identifiersType="SKU", identifiers="A-1,C-3")) == ["C-3", "A-1"]
    assert skus(three.search(identifiersType="ASIN", identifiers=fba["asin"])) == ["B-2"]
    assert skus(three.search(identifiersType="FNSKU", identifiers=fba["fnSku"])) == ["B-2"]
    assert skus(three.search(identifiersType="UPC", identifiers="012345")) == ["A-1"]
    assert skus(three.search(identifiersType="EAN", identifiers="012345")) == []


def test_dates(three):
    items = {i["sku"]: i["summaries"][0] for i in three.search().json()["items"]}
    middle = items["B-2"]["createdDate"]
    assert middle == "2026-03-01T12:01:00.000Z"
    # each bound includes its own instant (B-2 was created exactly at `middle`)
    assert skus(three.search(createdAfter=middle)) == ["C-3", "B-2"]
    assert skus(three.search(createdBefore=middle)) == ["B-2", "A-1"]
    last = items["C-3"]["lastUpdatedDate"]
    assert skus(three.search(lastUpdatedAfter=middle, lastUpdatedBefore=last)) == ["C-3", "B-2"]
    assert skus(three.search(lastUpdatedAfter=last)) == ["C-3"]
    assert skus(three.search(lastUpdatedBefore=middle)) == ["B-2", "A-1"]
    assert skus(three.search(createdAfter=last, createdBefore=middle)) == []


def test_issue_severity_and_status(three):
    assert skus(three.search(withIssueSeverity="WARNING")) == ["B-2"]
    assert skus(three.search(withIssueSeverity="ERROR")) == []
    assert skus(three.search(withStatus="BUYABLE")) == ["B-2", "A-1"]
    assert skus(three.search(withStatus="DISCOVERABLE", withoutStatus="BUYABLE")) == ["C-3"]


def test_variation_parent(listings):
    listings.accepted("KID", listing(child_parent_sku_relationship=[{"parent_sku": "PARENT"}]))
    listings.accepted("OTHER")
    assert skus(listings.search(variationParentSku="PARENT")) == ["KID"]


@pytest.mark.parametrize(
    "params",
    [
        {"identifiers": "A-1"},
        {"identifiersType": "SKU"},
        {"identifiersType": "SKU", "identifiers": "A-1", "variationParentSku": "P"},
        {"packageHierarchySku": "P"},
        {"createdAfter": "yesterday"},
        {"pageToken": "not-a-token"},
        {"pageSize": 21},
        {"pageSize": 0},
    ],
)
def test_bad_searches_are_400(listings, params):
    response = listings.search(**params)
    assert response.status_code == 400, response.text


def test_paging_forward_and_back(listings):
    for n in range(5):
        listings.accepted(f"SKU-{n}")
    first = listings.search(sortBy="sku", sortOrder="ASC", pageSize=2).json()
    assert [i["sku"] for i in first["items"]] == ["SKU-0", "SKU-1"] and first["numberOfResults"] == 5
    assert "previousToken" not in first["pagination"]
    second = listings.search(
        sortBy="sku", sortOrder="ASC", pageSize=2, pageToken=first["pagination"]["nextToken"]
    ).json()
    assert [i["sku"] for i in second["items"]] == ["SKU-2", "SKU-3"]
    last = listings.search(
        sortBy="sku", sortOrder="ASC", pageSize=2, pageToken=second["pagination"]["nextToken"]
    ).json()
    assert [i["sku"] for i in last["items"]] == ["SKU-4"] and "nextToken" not in last["pagination"]
    back = listings.search(
        sortBy="sku", sortOrder="ASC", pageSize=2, pageToken=last["pagination"]["previousToken"]
    ).json()
    assert back["items"] == second["items"]
    other_query = listings.search(sortBy="sku", pageSize=2, pageToken=first["pagination"]["nextToken"])
    assert other_query.status_code == 400 and other_query.json()["errors"][0]["code"] == "BAD_REQUEST"


def test_only_the_first_1000_matches_are_reachable(listings, runtime):
    tenant = runtime.store.tenant(DEFAULTS.seller_id)
    for n in range(1003):
        records.save(
            tenant,
            Listing(
                sku=f"S{n:04d}",
                marketplace_id=US,
                product_type="HOME",
                asin="B000000000",
                created_at=n,
                updated_at=n,
                live=True,
                submission_id="S-1",
            ),
        )
    page = listings.search(sortBy="sku", sortOrder="ASC", pageSize=20).json()
    assert page["numberOfResults"] == 1003
    for _ in range(49):
        page = listings.search(
            sortBy="sku", sortOrder="ASC", pageSize=20, pageToken=page["pagination"]["nextToken"]
        ).json()
    assert page["items"][-1]["sku"] == "S0999" and "nextToken" not in page["pagination"]
