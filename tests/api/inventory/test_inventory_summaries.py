"""getInventorySummaries: details, filters, startDateTime, pagination and its expiring tokens."""

from __future__ import annotations

from datetime import timedelta

from emulator.state.clock import iso
from tests.api.outbound.support import INVENTORY, US

QUERY = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}


def summaries(mcf, **params):
    response = mcf.call("GET", f"{INVENTORY}/summaries", params={**QUERY, **params})
    assert response.status_code == 200, response.text
    return response.json()


def rejected(mcf, **params):
    """The error object of a getInventorySummaries call that must fail with 400."""
    response = mcf.call("GET", f"{INVENTORY}/summaries", params={**QUERY, **params})
    assert response.status_code == 400, response.text
    return response.json()["errors"][0]


def skus(body):
    return [s["sellerSku"] for s in body["payload"]["inventorySummaries"]]


def test_details_give_the_full_breakdown(mcf):
    mcf.stock("MUG-1", 10)
    assert mcf.create("O-1", {"MUG-1": 3}).status_code == 200
    details = mcf.details("MUG-1")
    assert details["fulfillableQuantity"] == 7
    assert details["reservedQuantity"] == {
        "totalReservedQuantity": 3,
        "pendingCustomerOrderQuantity": 3,
        "pendingTransshipmentQuantity": 0,
        "fcProcessingQuantity": 0,
    }
    assert details["unfulfillableQuantity"]["totalUnfulfillableQuantity"] == 0
    assert {e["name"] for e in details["researchingQuantity"]["researchingQuantityBreakdown"]} == {
        "researchingQuantityInShortTerm",
        "researchingQuantityInMidTerm",
        "researchingQuantityInLongTerm",
    }
    assert details["totalQuantity"] == 10


def test_filters_by_seller_skus_and_seller_sku(mcf):
    for sku in ("A", "B", "C"):
        mcf.stock(sku, 1)
    assert skus(summaries(mcf, sellerSkus="A,C")) == ["A", "C"]
    assert skus(summaries(mcf, sellerSku="B")) == ["B"]
    assert skus(summaries(mcf, sellerSkus="C", sellerSku="B")) == ["C"]  # sellerSkus wins
    assert skus(summaries(mcf)) == ["A", "B", "C"]


def test_start_date_time_returns_only_items_changed_since(mcf):
    mcf.stock("OLD", 1)
    mcf.stock("NEW", 1)
    mcf.advance(3600)
    cutoff = iso(mcf.runtime.clock.now())
    mcf.advance(60)
    mcf.add("NEW", 2)
    assert skus(summaries(mcf, startDateTime=cutoff)) == ["NEW"]
    assert skus(summaries(mcf, startDateTime=cutoff, sellerSku="OLD")) == ["NEW"]  # SKU filters ignored
    changed = summaries(mcf, startDateTime=cutoff)["payload"]["inventorySummaries"][0]["lastUpdatedTime"]
    assert changed > cutoff


def test_start_date_time_older_than_18_months_is_rejected(mcf):
    too_old = iso(mcf.runtime.clock.now() - timedelta(days=600))
    assert (
        rejected(mcf, startDateTime=too_old)["message"]
        == "Query startDateTime cannot not be earlier than 18 months"
    )


def test_malformed_start_date_time_is_a_clear_400(mcf):
    problem = rejected(mcf, startDateTime="yesterday")
    assert "startDateTime" in problem["details"] + problem["message"]


def test_pages_of_fifty_with_next_token(mcf):
    for n in range(120):
        mcf.stock(f"SKU-{n:03d}")
    first = summaries(mcf)
    assert len(skus(first)) == 50
    second = summaries(mcf, nextToken=first["pagination"]["nextToken"])
    third = summaries(mcf, nextToken=second["pagination"]["nextToken"])
    assert "pagination" not in third
    seen = skus(first) + skus(second) + skus(third)
    assert seen == sorted(f"SKU-{n:03d}" for n in range(120))


def test_next_token_expires_after_30_seconds_of_emulator_time(mcf):
    for n in range(60):
        mcf.stock(f"SKU-{n:03d}")
    token = summaries(mcf)["pagination"]["nextToken"]
    mcf.runtime.clock.advance(31)
    assert rejected(mcf, nextToken=token)["message"] == "Next token is invalid or expired"


def test_unknown_next_token_is_rejected(mcf):
    rejected(mcf, nextToken="a b/c+d")


def test_granularity_must_match_the_marketplace(mcf):
    assert "granularityId" in rejected(mcf, granularityId="A2EUQ1WTGCTBG2")["message"]


def test_more_than_fifty_seller_skus_is_rejected(mcf):
    rejected(mcf, sellerSkus=",".join(f"S{n}" for n in range(51)))


def test_a_next_token_sent_with_other_filters_is_refused(mcf):
    for n in range(60):
        mcf.stock(f"SKU-{n:03d}")
    token = summaries(mcf)["pagination"]["nextToken"]
    assert rejected(mcf, nextToken=token, details="true")["message"] == "Next token is invalid or expired"
    assert rejected(mcf, nextToken=token, sellerSku="SKU-001")["details"] == f"nextToken={token}"
    same = summaries(mcf, nextToken=token, details="false")  # the filters of the query that issued it
    assert skus(same) == [f"SKU-{n:03d}" for n in range(50, 60)]
