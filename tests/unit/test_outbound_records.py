"""The outbound order record, its update index and package lookup, and timing overrides, without HTTP."""

from __future__ import annotations

from unittest.mock import patch

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emulator.apis.outbound import orderbook, package_index, timings, update_index
from emulator.apis.outbound.records import Address, Order, OrderLine, OrderProgress, OrderTerms
from emulator.errors import InvalidInput
from emulator.registry import registry
from emulator.state import Store, TenantState
from emulator.state.config import CONFIG, Setting
from emulator.state.records import Schema, to_builtins
from tests.budget import examples


def new_order(order_id: str) -> Order:
    return Order(
        order_id=order_id,
        marketplace_id="ATVPDKIKX0DER",
        terms=OrderTerms(
            displayable_order_id=order_id,
            displayable_order_date="2026-01-01T00:00:00Z",
            displayable_order_comment="",
            shipping_speed="Standard",
            destination=Address(name="A", address_line1="1 Main St", postal_code="98101", country_code="US"),
        ),
        received_at=0.0,
        status_updated_at=0.0,
        lines=[OrderLine(sku="MUG", line_id="1", quantity=1)],
        progress=OrderProgress(since=0.0, held_since=0.0),
    )


def touch(tenant: TenantState, order_id: str, now: float) -> None:
    """What a status change does to the index: move the order, keep the order."""
    order = orderbook.find(tenant, order_id) or new_order(order_id)
    update_index.touch(tenant, order, now)
    orderbook.save(tenant, order)


def ids(found: list[Order]) -> list[str]:
    return [o.order_id for o in found]


def listed(tenant: TenantState, since: float | None = None) -> list[str]:
    """Every order id the index pages through, following the tokens."""
    seen, token = [], None
    while True:
        found, token = update_index.page(tenant, since, token, "nextToken")
        seen += ids(found)
        if token is None:
            return seen


def test_touch_keeps_one_index_entry_per_order_in_update_order():
    tenant = Store().tenant("S1")
    touch(tenant, "A", 10.0)
    touch(tenant, "B", 20.0)
    touch(tenant, "A", 30.0)
    found, token = update_index.page(tenant, None, None, "nextToken")
    assert ids(found) == ["B", "A"] and token is None
    assert ids(update_index.page(tenant, 25.0, None, "nextToken")[0]) == ["A"]
    assert orderbook.get(tenant, "A").status_updated_at == 30.0


def test_pages_follow_each_other_without_gaps_or_repeats():
    tenant = Store().tenant("S1")
    count = update_index.PAGE_SIZE * 2 + 7
    for n in range(count):
        touch(tenant, f"O{n:03d}", float(n // 3))  # several orders share a timestamp
    assert listed(tenant) == [f"O{n:03d}" for n in range(count)]


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 50)), min_size=1, max_size=400))
def test_the_index_lists_every_order_once_by_its_last_change(touches):
    """Orders touched in any order, at times going back and forth, across block splits and removals."""
    tenant = Store().tenant("S1")
    last: dict[str, tuple[float, int]] = {}
    with patch.object(update_index, "BLOCK", 4):  # small blocks: many splits and emptied blocks
        for sequence, (order, at) in enumerate(touches):
            touch(tenant, f"O{order}", float(at))
            last[f"O{order}"] = (float(at), sequence)
    assert listed(tenant) == sorted(last, key=last.__getitem__)
    assert listed(tenant, since=25.0) == sorted((o for o in last if last[o][0] >= 25.0), key=last.__getitem__)
    assert list(tenant.table(update_index.DIRECTORY).keys()) == ["updated"]  # one directory, saved in place
    directory = tenant.table(update_index.DIRECTORY).get("updated")
    blocks = [tenant.table(update_index.BLOCKS).get(str(number)) for number in directory.blocks]
    assert all(block is not None and 0 < len(block.order_ids) <= 4 for block in blocks)
    assert sum(len(block.order_ids) for block in blocks) == len(last)


@pytest.mark.parametrize("token", ["", "garbage", "e30", "eyJhZnRlciI6MX0"])
def test_malformed_tokens_are_invalid_input(token):
    tenant = Store().tenant("S1")
    touch(tenant, "A", 1.0)
    with pytest.raises(InvalidInput):
        update_index.page(tenant, None, token or "=", "pageToken")


def test_package_numbers_map_to_their_orders():
    tenant = Store().tenant("S1")
    numbers = [package_index.allocate(tenant, f"O{n // 3}") for n in range(package_index.SPAN * 2 + 5)]
    assert numbers == list(range(package_index.FIRST_PACKAGE_NUMBER, numbers[0] + len(numbers)))
    assert [package_index.order_of(tenant, number) for number in numbers] == [
        f"O{n // 3}" for n in range(len(numbers))
    ]
    assert package_index.order_of(tenant, numbers[-1] + 1) is None
    assert package_index.order_of(tenant, 42) is None
    assert package_index.order_of(Store().tenant("S2"), numbers[0]) is None


def test_the_indexes_survive_a_snapshot():
    store = Store(Schema(registry.tables.values()))
    tenant = store.tenant("S1")
    for n in range(update_index.PAGE_SIZE + 3):
        touch(tenant, f"O{n}", float(n))
    number = package_index.allocate(tenant, "O1")
    copy = Store(Schema(registry.tables.values()))
    copy.restore(orjson.loads(orjson.dumps(store.snapshot())))
    restored = copy.tenant("S1")
    assert listed(restored) == listed(tenant)
    assert package_index.order_of(restored, number) == "O1"
    touch(restored, "O0", 100.0)
    assert listed(restored)[-1] == "O0" and len(listed(restored)) == update_index.PAGE_SIZE + 3


def test_orders_are_packed_and_round_trip_through_snapshots():
    store = Store()
    tenant = store.tenant("S1")
    order = new_order("A")
    orderbook.save(tenant, order)
    assert orderbook.find(tenant, "A") == order and orderbook.find(tenant, "A") is not order
    restored = orderbook.ORDERS.from_builtins(to_builtins(order))
    assert restored == order
    assert len(orderbook.ORDERS.pack(order)) < 400


def test_timings_overrides_ignore_unknown_and_negative_values():
    store = Store()
    assert timings.load(store) is timings.DEFAULT
    store.shared.table(CONFIG).put(
        timings.CONFIG_KEY,
        Setting(value={"ship_after": 5, "planning_after": -1, "bogus": 3, "hold_expiry": "soon"}),
    )
    loaded = timings.load(store)
    assert loaded.ship_after == 5.0
    assert loaded.planning_after == timings.DEFAULT.planning_after
    assert loaded.hold_expiry == timings.DEFAULT.hold_expiry
    assert loaded.transit("Priority") == timings.DEFAULT.transit_priority
