"""getInventorySummaries at its bounds: page size, token life and marketplace, SKU filters, startDateTime."""

from __future__ import annotations

from datetime import UTC, datetime

from emulator.apis.inventory.records import PAGE_TOKENS
from emulator.lwa.accounts import DEFAULTS
from emulator.state.clock import iso
from tests.api.outbound.support import INVENTORY, US

CA = "A2EUQ1WTGCTBG2"


def query(marketplace: str = US, **params):
    return {
        "granularityType": "Marketplace",
        "granularityId": marketplace,
        "marketplaceIds": marketplace,
        **params,
    }


def summaries(mcf, marketplace: str = US, **params):
    response = mcf.call("GET", f"{INVENTORY}/summaries", params=query(marketplace, **params))
    assert response.status_code == 200, response.text
    return response.json()


def refusal(mcf, marketplace: str = US, **params):
    response = mcf.call("GET", f"{INVENTORY}/summaries", params=query(marketplace, **params))
    assert response.status_code == 400, response.text
    return response.json()["errors"]


def skus(body):
    return [s["sellerSku"] for s in body["payload"]["inventorySummaries"]]


def stocked(mcf, count: int, quantity: int = 0) -> list[str]:
    """SKU-000, SKU-001, ...: `count` new SKUs of `quantity` units each, in the order pages list them."""
    names = [f"SKU-{n:03d}" for n in range(count)]
    for sku in names:
        mcf.stock(sku, quantity)
    return names


def frozen_at_noon(mcf) -> None:
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(datetime(2026, 6, 1, 12, tzinfo=UTC))
    mcf.advance(0)  # a token issued at the frozen instant


def test_a_full_last_page_has_no_next_token(mcf):
    names = stocked(mcf, 100)
    first = summaries(mcf)
    token = first["pagination"]["nextToken"]
    assert len(token) == 48 and token.isalnum()
    second = summaries(mcf, nextToken=token)
    assert skus(second) == names[50:]
    assert "pagination" not in second
    assert "pagination" not in summaries(mcf, sellerSkus=",".join(names[:50]))


def test_a_token_lives_thirty_seconds_to_the_instant(mcf):
    frozen_at_noon(mcf)
    names = stocked(mcf, 60)
    token = summaries(mcf)["pagination"]["nextToken"]
    mcf.runtime.clock.advance(30)
    summaries(mcf)  # another query at the same instant leaves the token alive
    assert skus(summaries(mcf, nextToken=token)) == names[50:]


def test_each_marketplace_lists_its_own_items_and_honours_only_its_tokens(mcf):
    names = stocked(mcf, 60)
    mcf.stock("CA-ONLY", marketplace=CA)
    first = summaries(mcf)
    assert skus(first) == names[:50]
    assert skus(summaries(mcf, CA)) == ["CA-ONLY"]
    token = first["pagination"]["nextToken"]
    assert refusal(mcf, CA, nextToken=token) == [
        {
            "code": "InvalidInput",
            "message": "Next token is invalid or expired",
            "details": f"nextToken={token}",
        }
    ]


def test_seller_skus_are_deduplicated_sorted_and_fifty_are_allowed(mcf):
    for sku in ("A", "B", "C"):
        mcf.stock(sku)
    assert skus(summaries(mcf, sellerSkus="C,A,NOPE,C")) == ["A", "C"]
    assert skus(summaries(mcf, sellerSku="NOPE")) == []
    fifty = ["A", *(f"S{n}" for n in range(49))]
    assert skus(summaries(mcf, sellerSkus=",".join(fifty))) == ["A"]


def test_start_date_time_includes_an_item_changed_at_that_instant(mcf):
    frozen_at_noon(mcf)
    mcf.stock("MUG-1", 1)
    mcf.runtime.clock.advance(1)
    mcf.stock("CAP-1", 1)
    changed = iso(mcf.runtime.clock.now())
    assert skus(summaries(mcf, startDateTime=changed)) == ["CAP-1"]


def test_a_token_sent_alone_keeps_the_filters_of_its_query(mcf):
    mcf.stock("AAA-OLD", 1)
    mcf.advance(60)
    cutoff = iso(mcf.runtime.clock.now())
    names = stocked(mcf, 60, 1)
    first = summaries(mcf, details="true", startDateTime=cutoff)
    second = summaries(mcf, nextToken=first["pagination"]["nextToken"])
    assert skus(second) == names[50:]
    assert all("inventoryDetails" in s for s in second["payload"]["inventorySummaries"])


def test_a_token_sent_with_its_querys_own_filters_is_honoured(mcf):
    mcf.stock("AAA-OLD", 1)
    mcf.advance(60)
    cutoff = iso(mcf.runtime.clock.now())
    names = stocked(mcf, 60, 1)
    first = summaries(mcf, startDateTime=cutoff)
    second = summaries(mcf, startDateTime=cutoff, nextToken=first["pagination"]["nextToken"])
    assert skus(second) == names[50:]


def test_the_next_call_drops_expired_tokens_from_the_state_and_keeps_live_ones(mcf):
    frozen_at_noon(mcf)
    stocked(mcf, 60)
    old = summaries(mcf)["pagination"]["nextToken"]
    mcf.runtime.clock.advance(20)
    young = summaries(mcf)["pagination"]["nextToken"]
    mcf.runtime.clock.advance(11)
    newest = summaries(mcf)["pagination"]["nextToken"]
    tokens = mcf.runtime.store.tenant(DEFAULTS.seller_id).table(PAGE_TOKENS)
    assert list(tokens.keys()) == [young, newest]
    assert old not in (young, newest)
