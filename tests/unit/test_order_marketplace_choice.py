"""The marketplace an order or preview draws stock from when the request names none: the seller's
marketplace in the destination country, else the seller's first marketplace, else a refusal."""

from __future__ import annotations

import pytest

from emulator.apis.outbound.orders import marketplace_for
from emulator.errors import InvalidInput

US, CA, JP = "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1VC38T7YXB528"


def test_the_destination_countrys_marketplace_wins_when_the_seller_sells_there():
    assert marketplace_for(None, "CA", (US, CA)).marketplace_id == CA
    assert marketplace_for("", "JP", (US, CA, JP)).marketplace_id == JP


def test_without_participations_any_destination_marketplace_is_used():
    assert marketplace_for(None, "CA", ()).marketplace_id == CA


def test_the_sellers_first_marketplace_serves_a_country_it_does_not_sell_in():
    assert marketplace_for(None, "CA", (JP,)).marketplace_id == JP
    assert marketplace_for(None, "JP", (US, CA)).marketplace_id == US


def test_no_marketplace_for_the_destination_is_refused():
    with pytest.raises(InvalidInput) as caught:
        marketplace_for(None, "ZZ", ())
    assert caught.value.message == (
        "marketplaceId is required: the seller has no marketplace for this destination."
    )
    assert caught.value.details == "marketplaceId"
