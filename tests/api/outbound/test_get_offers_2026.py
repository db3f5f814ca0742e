"""getOffers (2026-07-04): the tiers asked for, the destination, and the constraints that name each item."""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound.text import at as at_time
from tests.api.listings.conftest import at
from tests.api.outbound.support import US, V2026, Mcf

MUG = {"productIdentifier": {"amazonSku": "MUG"}}


def offers(mcf: Mcf, items: list[dict[str, Any]], **fields: Any) -> list[dict[str, Any]]:
    body = {"origin": {"countryCode": "US"}, "items": items, **fields}
    response = mcf.call("POST", f"{V2026}/offers", json=body)
    assert response.status_code == 200, response.text
    return list(response.json()["offerResults"])


def tiers(result: dict[str, Any]) -> list[str]:
    return [o["fulfillmentConfiguration"]["serviceLevel"]["serviceTier"] for o in result["offers"]]


def constraint(code: str, message: str, sku: str) -> dict[str, Any]:
    return {
        "type": "ValidationError",
        "code": code,
        "message": message,
        "details": [{"type": "amazonSku", "value": sku}],
    }


def test_only_the_tiers_asked_for_are_offered(mcf):
    mcf.stock("MUG", 3)
    [every] = offers(mcf, [MUG])
    assert tiers(every) == ["STANDARD", "EXPEDITED"]
    expedited = {"serviceLevel": {"serviceTiers": ["EXPEDITED"]}}
    [asked] = offers(mcf, [MUG], fulfillmentConfiguration=expedited)
    assert tiers(asked) == ["EXPEDITED"]


def test_an_unknown_tier_is_refused_by_name(mcf):
    mcf.stock("MUG", 3)
    body = {
        "origin": {"countryCode": "US"},
        "fulfillmentConfiguration": {"serviceLevel": {"serviceTiers": ["STANDARD", "WARP"]}},
        "items": [MUG],
    }
    response = mcf.call("POST", f"{V2026}/offers", json=body)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == (
        "serviceTiers must be one of STANDARD, EXPEDITED, PRIORITY, SCHEDULED (got 'WARP')."
    )
    assert error["details"] == "serviceTiers=WARP"


def test_items_that_cannot_ship_carry_a_constraint_naming_their_sku(mcf):
    mcf.stock("MUG", 3)
    mcf.stock("CUP", 0)
    items = [MUG, {"productIdentifier": {"amazonSku": "CUP"}}, {"productIdentifier": {"amazonSku": "GHOST"}}]
    mug, cup, ghost = offers(mcf, items)
    assert "constraints" not in mug
    assert cup["offers"] == [] and cup["constraints"] == [
        constraint("ItemQuantityNotAvailable", "No sellable stock of 'CUP'.", "CUP")
    ]
    assert ghost["offers"] == [] and ghost["constraints"] == [
        constraint("InvalidSku", "The SKU 'GHOST' is not known.", "GHOST")
    ]


def test_an_item_without_a_product_identifier_is_an_unknown_empty_sku(mcf):
    mcf.stock("MUG", 3)
    [result] = offers(mcf, [{}])
    assert result == {
        "item": {},
        "offers": [],
        "constraints": [constraint("InvalidSku", "The SKU '' is not known.", "")],
    }


def test_a_sku_without_an_fba_offer_is_named_with_its_marketplace(mcf):
    mcf.stock("MUG", 3)
    deleted = mcf.call("DELETE", at("MUG"), params={"marketplaceIds": US})
    assert deleted.status_code == 200, deleted.text
    [result] = offers(mcf, [MUG])
    assert result["offers"] == []
    assert result["constraints"] == [
        constraint(
            "InvalidSku",
            f"The SKU 'MUG' has no offer fulfilled by Amazon in marketplace {US}.",
            "MUG",
        )
    ]


def test_the_destination_decides_whether_there_is_an_offer(mcf):
    mcf.stock("MUG", 3)
    seattle = {"deliveryAddress": {"countryCode": "US", "postalCode": "98101", "city": "Seattle"}}
    [reachable] = offers(mcf, [MUG], destination=seattle)
    assert tiers(reachable) == ["STANDARD", "EXPEDITED"]
    nowhere = {"deliveryAddress": {"countryCode": "ZZ", "postalCode": "00000"}}
    [unreachable] = offers(mcf, [MUG], destination=nowhere)
    assert unreachable["offers"] == []
    assert unreachable["constraints"] == [
        constraint(
            "InvalidDestinationAddress",
            "InvalidDestinationAddress: no service tier can deliver 'MUG' to this destination.",
            "MUG",
        )
    ]


def test_offers_expire_the_offer_ttl_after_the_call(mcf):
    mcf.stock("MUG", 3)
    mcf.set_timings(offer_ttl=600)
    mcf.runtime.clock.freeze()
    [result] = offers(mcf, [MUG])
    expected = at_time(mcf.runtime.clock.timestamp() + 600)
    assert {o["expiryTime"] for o in result["offers"]} == {expected}
