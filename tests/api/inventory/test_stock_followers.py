"""Code bound with `@follows_stock` sees every stock move once, with the event inventory recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from emulator.apis.inventory.events import FOLLOWERS, InventoryAvailabilityChanged, StockMove, follows_stock
from emulator.apis.inventory.records import Bucket, Buckets
from tests.api.outbound.support import US


@pytest.fixture
def bound() -> Iterator[None]:
    """The followers bound at import, back as they were after the test."""
    before = list(FOLLOWERS)
    yield
    FOLLOWERS[:] = before


def test_a_follower_bound_twice_sees_each_move_once(mcf, bound):
    seen: list[InventoryAvailabilityChanged] = []
    mcf.runtime.clock.freeze()
    frozen = mcf.runtime.clock.timestamp()

    def follower(tenant, now, event):
        assert now == frozen
        seen.append(event)

    assert follows_stock(follower) is follower
    follows_stock(follower)
    mcf.stock("MUG-1", 5)
    assert [(e.seller_sku, e.marketplace_id, e.move, e.quantity, e.target) for e in seen] == [
        ("MUG-1", US, StockMove.ADDED, 5, Bucket.FULFILLABLE)
    ]
    assert seen[0].buckets == Buckets(fulfillable=5)
