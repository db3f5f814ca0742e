"""deliveryOffers (2020-07-01): the policy message, the default amount and the destination asked for."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import JP, V2020


def ask(mcf: Any, product: dict[str, Any], destination: dict[str, Any], origin: str = "US") -> Any:
    body = {"product": product, "terms": {"origin": {"countryCode": origin}, "destination": destination}}
    return mcf.call("POST", f"{V2020}/deliveryOffers", json=body)


def offers(mcf: Any, product: dict[str, Any], destination: dict[str, Any], origin: str = "US") -> list[Any]:
    response = ask(mcf, product, destination, origin)
    assert response.status_code == 200, response.text
    return list(response.json()["payload"]["deliveryOffers"])


def error(response: Any) -> tuple[str, str]:
    assert response.status_code == 400, response.text
    found = response.json()["errors"][0]
    return found["message"], found["details"]


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


def test_a_blank_postal_code_or_city_gets_no_offers(mcf):
    mcf.stock("MUG", 1)
    assert offers(mcf, MUG, {"deliveryAddress": {"postalCode": " ", "countryCode": "US"}}) == []
    blank_city = {"postalCode": "98101", "countryCode": "US", "city": " "}
    assert offers(mcf, MUG, {"deliveryAddress": blank_city}) == []


def test_a_japanese_postal_code_without_a_city_gets_offers(japan):
    tea = {"productIdentifier": {"merchantSku": "TEA"}}
    tokyo = {"postalCode": "100-0001", "countryCode": "JP"}
    assert [
        o["policy"]["message"]["text"].split()[0]
        for o in offers(japan, tea, {"deliveryAddress": tokyo}, origin="JP")
    ] == ["Standard", "Expedited", "ScheduledDelivery"]


def test_bad_offer_requests_say_what_was_wrong(mcf):
    mcf.stock("MUG", 1)
    assert error(ask(mcf, MUG, SEATTLE, origin="JP")) == (
        f"The seller does not participate in marketplace {JP}.",
        f"origin.countryCode={JP}",
    )
    none = {**MUG, "amount": {"unitOfMeasure": "Eaches", "value": "0"}}
    assert error(ask(mcf, none, SEATTLE)) == (
        "Amount value must be a positive whole number of eaches.",
        "amount.value",
    )
    half = {**MUG, "amount": {"unitOfMeasure": "Eaches", "value": "0.5"}}
    assert error(ask(mcf, half, SEATTLE))[1] == "amount.value"
    ghost = {"productIdentifier": {"merchantSku": "GHOST"}}
    assert error(ask(mcf, ghost, SEATTLE))[0] == "the SellerSKU for Item Id: GHOST is invalid."
