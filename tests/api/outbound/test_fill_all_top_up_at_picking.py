"""A FillAll order created short takes, when picking falls due, the stock that arrived since: it ships every
unit, and the units it took are recorded as reserved at that moment (the stock change event of the top-up
carries the picking time)."""

from __future__ import annotations

import pytest

from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.apis.outbound.timings import DEFAULT
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import EventQuery


def test_a_fill_all_order_takes_the_stock_that_arrived_before_picking(mcf):
    mcf.stock("MUG", 0)
    created_at = mcf.runtime.clock.timestamp()
    assert mcf.create("O-1", {"MUG": 2}, fulfillmentPolicy="FillAll").status_code == 200
    mcf.add("MUG", 3)
    start = mcf.runtime.store.events.last_sequence
    mcf.advance(3 * 86400)
    order = mcf.order("O-1")
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    [item] = order["fulfillmentOrderItems"]
    assert (item["unfulfillableQuantity"], item["cancelledQuantity"]) == (0, 0)
    shipped = [i["quantity"] for s in order["fulfillmentShipments"] for i in s["fulfillmentShipmentItem"]]
    assert shipped == [2]
    assert mcf.details("MUG")["fulfillableQuantity"] == 1
    query = EventQuery(
        seller_id=DEFAULTS.seller_id,
        types=frozenset({InventoryAvailabilityChanged.type_name()}),
        after_sequence=start,
    )
    reserved = [
        (record.at, record.event.quantity)
        for record in mcf.runtime.store.events.query(query)
        if record.event.move == StockMove.RESERVED
    ]
    picked_at = created_at + DEFAULT.planning_after + DEFAULT.processing_after
    assert reserved == [(pytest.approx(picked_at, abs=60), 2)]  # the clock runs on: within a minute
