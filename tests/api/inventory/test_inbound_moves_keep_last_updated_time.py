"""Units moving among the inbound buckets leave an item's lastUpdatedTime; a receipt into stock sets it.

Moves take at most what their source holds, return how many units went, and keep every unit accounted
for (`InventoryItem.balanced`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from emulator.apis.inventory import service
from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.apis.inventory.records import Bucket
from emulator.lwa.accounts import DEFAULTS
from emulator.state.clock import iso
from emulator.state.events import EventQuery
from tests.api.outbound.support import INVENTORY, US

NOON = datetime(2026, 6, 1, 12, tzinfo=UTC)
STOCK_MOVES = frozenset({InventoryAvailabilityChanged.type_name()})


def summary(mcf):
    params = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US, "details": "true"}
    response = mcf.call("GET", f"{INVENTORY}/summaries", params=params)
    assert response.status_code == 200, response.text
    [found] = response.json()["payload"]["inventorySummaries"]
    return found


def test_inbound_moves_are_quiet_until_units_reach_stock(mcf):
    clock = mcf.runtime.clock
    clock.freeze()
    clock.set(NOON)
    mcf.advance(0)
    mcf.stock("MUG-1")
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)
    start = mcf.runtime.store.events.last_sequence
    clock.advance(60)
    now = clock.timestamp()
    service.add(tenant, now, US, "MUG-1", 6, Bucket.INBOUND_WORKING)
    item = service.get(tenant, US, "MUG-1")
    working, shipped, receiving = Bucket.INBOUND_WORKING, Bucket.INBOUND_SHIPPED, Bucket.INBOUND_RECEIVING
    assert service.move(tenant, now, item, working, shipped, 9, StockMove.INBOUND) == 6  # all it holds
    assert service.move(tenant, now, item, shipped, receiving, 6, StockMove.INBOUND) == 6
    assert service.withdraw(tenant, now, item, receiving, 1, StockMove.WITHDRAWN) == 1
    assert service.withdraw(tenant, now, item, working, 1, StockMove.WITHDRAWN) == 0  # none left there
    assert service.withdraw(tenant, now, None, receiving, 1, StockMove.WITHDRAWN) == 0  # no item
    assert service.move(tenant, now, None, receiving, Bucket.FULFILLABLE, 1, StockMove.RECEIVED) == 0
    quiet = summary(mcf)
    assert quiet["lastUpdatedTime"] == iso(NOON)
    assert (quiet["totalQuantity"], quiet["inventoryDetails"]["inboundReceivingQuantity"]) == (5, 5)
    clock.advance(60)
    received = clock.timestamp()
    assert service.move(tenant, received, item, receiving, Bucket.FULFILLABLE, 5, StockMove.RECEIVED) == 5
    stocked = summary(mcf)
    assert stocked["lastUpdatedTime"] == iso(received)
    assert stocked["inventoryDetails"]["fulfillableQuantity"] == 5
    assert service.get(tenant, US, "MUG-1").balanced()
    query = EventQuery(seller_id=DEFAULTS.seller_id, types=STOCK_MOVES, after_sequence=start)
    entries = list(mcf.runtime.store.events.query(query))
    assert [e.at for e in entries] == [now] * 4 + [received]
    assert [(e.event.move, e.event.quantity, e.event.source, e.event.target) for e in entries] == [
        (StockMove.ADDED, 6, None, working),
        (StockMove.INBOUND, 6, working, shipped),
        (StockMove.INBOUND, 6, shipped, receiving),
        (StockMove.WITHDRAWN, 1, receiving, None),
        (StockMove.RECEIVED, 5, receiving, Bucket.FULFILLABLE),
    ]
