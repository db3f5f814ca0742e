"""The outbound update index, its pages, and lifecycle timing overrides, without HTTP."""

from __future__ import annotations

import pytest

from emulator.apis.outbound import records, timings
from emulator.errors import InvalidInput
from emulator.state import Store
from emulator.state.config import CONFIG, Setting


def order(order_id: str) -> records.Order:
    return {"sellerFulfillmentOrderId": order_id}


def ids(found: list[records.Order]) -> list[str]:
    return [o["sellerFulfillmentOrderId"] for o in found]


def test_touch_keeps_one_index_entry_per_order_in_update_order():
    tenant = Store().tenant("S1")
    first, second = order("A"), order("B")
    records.touch(tenant, first, 10.0)
    records.touch(tenant, second, 20.0)
    records.touch(tenant, first, 30.0)
    found, token = records.page(tenant, None, None, "nextToken")
    assert ids(found) == ["B", "A"] and token is None
    assert len(tenant.table(records.INDEX).get("updated")["entries"]) == 2
    assert ids(records.page(tenant, 25.0, None, "nextToken")[0]) == ["A"]


def test_pages_follow_each_other_without_gaps_or_repeats():
    tenant = Store().tenant("S1")
    for n in range(records.PAGE_SIZE * 2 + 7):
        records.touch(tenant, order(f"O{n:03d}"), float(n // 3))  # several orders share a timestamp
    seen, token = [], None
    while True:
        found, token = records.page(tenant, None, token, "nextToken")
        seen += ids(found)
        if token is None:
            break
    assert seen == [f"O{n:03d}" for n in range(records.PAGE_SIZE * 2 + 7)]


@pytest.mark.parametrize("token", ["", "garbage", "e30", "eyJhZnRlciI6MX0"])
def test_malformed_tokens_are_invalid_input(token):
    tenant = Store().tenant("S1")
    records.touch(tenant, order("A"), 1.0)
    with pytest.raises(InvalidInput):
        records.page(tenant, None, token or "=", "pageToken")


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
