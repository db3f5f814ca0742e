"""The typed inventory buckets: moves, receipts, the conservation law, refusal to go negative."""

from __future__ import annotations

import msgspec
import pytest

from emulator.apis.inventory import service
from emulator.apis.inventory.records import (
    INBOUND,
    RESERVED,
    UNFULFILLABLE,
    Bucket,
    BucketError,
    Buckets,
    InventoryItem,
    PageToken,
    SummaryQuery,
)
from emulator.state.records import TableSpec


def item(**buckets: int) -> InventoryItem:
    held = Buckets(**buckets)
    return InventoryItem(
        seller_sku="MUG",
        marketplace_id="ATVPDKIKX0DER",
        product_name="Mug",
        fn_sku="X00ABCDEFG",
        asin="B0ABCDEFGH",
        unit_weight_lb=1.5,
        updated_at=0.0,
        buckets=held,
        added=held.total(),
    )


def test_every_bucket_is_a_field_and_every_field_a_bucket():
    assert [b.value for b in Bucket] == list(Buckets.__struct_fields__)
    assert {*RESERVED, *INBOUND, *UNFULFILLABLE} < set(Bucket)


def test_a_move_keeps_the_total_and_returns_new_buckets():
    before = Buckets(fulfillable=5)
    after = before.moved(Bucket.FULFILLABLE, Bucket.PENDING_CUSTOMER_ORDER, 3)
    assert before == Buckets(fulfillable=5)  # values: a move never changes the buckets it starts from
    assert after == Buckets(fulfillable=2, pending_customer_order=3)
    assert after.total() == before.total() == 5
    assert after.reserved() == 3 and after.count(Bucket.PENDING_CUSTOMER_ORDER) == 3


def test_a_move_of_everything_or_nothing_is_allowed():
    start = Buckets(shipped=2)
    assert start.moved(Bucket.SHIPPED, Bucket.DEFECTIVE, 2) == Buckets(defective=2)
    assert start.moved(Bucket.SHIPPED, Bucket.DEFECTIVE, 0) == start
    assert start.moved(Bucket.SHIPPED, Bucket.SHIPPED, 2) == start


@pytest.mark.parametrize("quantity", [3, -1])
def test_a_move_that_would_go_negative_is_refused(quantity):
    start = Buckets(fulfillable=2)
    with pytest.raises(BucketError, match=f"cannot move {quantity} of the 2 units in fulfillable"):
        start.moved(Bucket.FULFILLABLE, Bucket.SHIPPED, quantity)


def test_receipts_add_units_and_refuse_negative_quantities():
    assert Buckets().received(Bucket.INBOUND_WORKING, 4) == Buckets(inbound_working=4)
    with pytest.raises(BucketError):
        Buckets(fulfillable=1).received(Bucket.FULFILLABLE, -1)


def test_totals_by_group_and_in_network():
    held = Buckets(
        fulfillable=1,
        pending_transshipment=2,
        inbound_shipped=4,
        customer_damaged=8,
        expired=16,
        shipped=32,
    )
    assert held.total() == 63
    assert held.reserved() == 2 and held.unfulfillable() == 24
    assert held.in_network() == 31  # shipped units have left Amazon's network


def test_the_conservation_law_is_one_call():
    stocked = item(fulfillable=3, shipped=1)
    assert stocked.balanced()
    stocked.buckets = stocked.buckets.received(Bucket.FULFILLABLE, 1)  # a unit appeared from nowhere
    assert not stocked.balanced()


def test_items_round_trip_through_their_table_with_every_bucket_written_out():
    spec = TableSpec("inventory", InventoryItem, packed=True)
    stocked = item(fulfillable=2)
    assert spec.unpack(spec.pack(stocked)) == stocked
    assert msgspec.to_builtins(stocked)["buckets"] == {
        b.value: 2 if b is Bucket.FULFILLABLE else 0 for b in Bucket
    }


def test_page_tokens_keep_their_query():
    spec = TableSpec("inventory_page_tokens", PageToken)
    token = PageToken(
        issued_at=1.0, marketplace_id="ATVPDKIKX0DER", query=SummaryQuery(skus=["A", "B"]), offset=50
    )
    assert spec.from_builtins(msgspec.to_builtins(token)) == token


def test_units_free_to_promise_are_the_fulfillable_ones_and_none_without_an_item():
    assert service.available(item(fulfillable=3, pending_customer_order=2, inbound_working=4)) == 3
    assert service.available(None) == 0
