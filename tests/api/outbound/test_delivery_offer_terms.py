"""deliveryOffers (2020-07-01): the policy message, the default amount and the destination asked for."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import V2020


def offers(mcf: Any, product: dict[str, Any], destination: dict[str, Any]) -> list[dict[str, Any]]:
    body = {"product": product, "terms": {"origin": {"countryCode": "US"}, "destination": destination}}
    response = mcf.call("POST", f"{V2020}/deliveryOffers", json=body)
    assert response.status_code == 200, response.text
    return list(response.json()["payload"]["deliveryOffers"])


MUG = {"productIdentifier": {"merchantSku": "MUG"}}
SEATTLE = {"deliveryAddress": {"postalCode": "98101", "countryCode": "US", "city": "Seattle"}}


def test_each_offer_says_in_english_when_it_arrives(mcf):
    mcf.stock("MUG", 1)
    found = offers(mcf, MUG, SEATTLE)
    assert len(found) == 3
    for offer in found:
        earliest, latest = offer["dateRange"]["earliest"], offer["dateRange"]["latest"]
        assert earliest[:10] != latest[:10]
        assert offer["policy"]["message"]["locale"] == "en-US"
    texts = [offer["policy"]["message"]["text"] for offer in found]
    assert texts == [
        f"{speed} delivery: arrives between {o['dateRange']['earliest'][:10]} and "
        f"{o['dateRange']['latest'][:10]}."
        for speed, o in zip(("Standard", "Expedited", "Priority"), found, strict=True)
    ]


def test_an_offer_without_an_amount_is_for_one_unit(mcf):
    mcf.stock("MUG", 1)
    assert len(offers(mcf, MUG, SEATTLE)) == 3


def test_the_destination_asked_for_is_judged(mcf):
    mcf.stock("MUG", 1)
    nowhere = {"deliveryAddress": {"postalCode": "00000", "countryCode": "ZZ", "city": "Nowhere"}}
    assert offers(mcf, MUG, nowhere) == []


def test_without_a_delivery_address_offers_are_for_the_origin_country(mcf):
    mcf.stock("MUG", 1)
    assert len(offers(mcf, MUG, {})) == 3
