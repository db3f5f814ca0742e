"""Inventory's own checks below HTTP: marketplace participation, bucket refusals, product names."""

from __future__ import annotations

import pytest

from emulator.apis.inventory import marketplaces, names
from emulator.apis.inventory.records import Bucket, BucketError, Buckets
from emulator.errors import InvalidInput

US, JP = "ATVPDKIKX0DER", "A1VC38T7YXB528"


def test_require_finds_a_marketplace_the_seller_sells_in():
    assert marketplaces.require(US, (US,)).currency == "USD"
    assert marketplaces.require(JP, ()).country == "JP"  # no participations given: any known one
    assert marketplaces.BY_COUNTRY["UK"] is marketplaces.BY_COUNTRY["GB"]


def test_require_names_the_field_of_an_unknown_marketplace():
    with pytest.raises(InvalidInput) as caught:
        marketplaces.require("NOPE", [US], "marketplaceIds")
    assert caught.value.message == "Invalid marketplaceIds: 'NOPE' is not a known marketplace."
    assert caught.value.details == "marketplaceIds=NOPE"
    with pytest.raises(InvalidInput) as default_field:
        marketplaces.require("NOPE", [US])
    assert default_field.value.details == "marketplaceId=NOPE"


def test_require_refuses_a_marketplace_the_seller_does_not_sell_in():
    with pytest.raises(InvalidInput) as caught:
        marketplaces.require(JP, [US])
    assert caught.value.message == f"The seller does not participate in marketplace {JP}."
    assert caught.value.details == f"marketplaceId={JP}"


def test_bucket_refusals_say_what_was_asked():
    with pytest.raises(BucketError, match="^cannot receive -1 units$"):
        Buckets().received(Bucket.FULFILLABLE, -1)
    assert Buckets().received(Bucket.FULFILLABLE, 0) == Buckets()
    with pytest.raises(BucketError, match="^cannot remove 3 of the 2 units in fulfillable$"):
        Buckets(fulfillable=2).removed(Bucket.FULFILLABLE, 3)
    with pytest.raises(BucketError, match="^cannot remove -1 of the 2 units in fulfillable$"):
        Buckets(fulfillable=2).removed(Bucket.FULFILLABLE, -1)
    assert Buckets(fulfillable=2).removed(Bucket.FULFILLABLE, 2) == Buckets()
    assert Buckets(fulfillable=2).removed(Bucket.FULFILLABLE, 0) == Buckets(fulfillable=2)


def test_a_namer_is_bound_once(monkeypatch):
    monkeypatch.setattr(names, "NAMERS", [])

    def namer(tenant, marketplace_id, sku):
        return None

    assert names.names_products(namer) is namer
    names.names_products(namer)
    assert [namer] == names.NAMERS
