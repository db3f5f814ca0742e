"""Two lifecycle rules a seller relies on between automatic steps: an order kept in Planning (config record
`outbound.planning`) stays there when a later update re-runs its lifecycle after its picking fell due, and a
step scheduled before an update that puts the order on hold, or before a sandbox status update, never fires
(the held order stays Received; the order moved to Planning is not planned again)."""

from __future__ import annotations

import pytest

from emulator.apis.outbound.timings import DEFAULT
from emulator.state.config import CONFIG, Setting
from tests.api.outbound.support import V2020

KEPT = "outbound.planning"


@pytest.fixture
def kept_o1(mcf):
    """Order O-1 is kept in Planning while the test runs (the record is shared, so it is removed after)."""
    config = mcf.runtime.store.shared.table(CONFIG)
    config.put(KEPT, Setting(value={"stuck_orders": ["O-1"]}))
    yield mcf
    config.delete(KEPT)


def test_an_order_kept_in_planning_is_not_picked_when_an_update_follows(kept_o1):
    mcf = kept_o1
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    mcf.advance(DEFAULT.received_after + DEFAULT.planning_after + 1)
    assert mcf.status_of("O-1") == "Planning"
    mcf.advance(DEFAULT.processing_after + DEFAULT.ship_after + 60)
    updated = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1", json={"displayableOrderComment": "Later"})
    assert updated.status_code == 200, updated.text
    assert mcf.status_of("O-1") == "Planning"
    mcf.advance(DEFAULT.processing_after + DEFAULT.ship_after + 60)
    order = mcf.order("O-1")
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Planning"
    assert order.get("fulfillmentShipments", []) == []


def test_planning_scheduled_before_a_hold_never_happens(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    mcf.advance(DEFAULT.received_after + 1)
    assert mcf.status_of("O-1") == "Received"
    held = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1", json={"fulfillmentAction": "Hold"})
    assert held.status_code == 200, held.text
    mcf.advance(DEFAULT.planning_after + DEFAULT.processing_after + DEFAULT.ship_after + 60)
    order = mcf.order("O-1")["fulfillmentOrder"]
    assert (order["fulfillmentOrderStatus"], order["fulfillmentAction"]) == ("Received", "Hold")


def test_planning_scheduled_before_a_status_update_does_not_plan_again(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert mcf.status_of("O-1") == "Received"
    assert mcf.set_status("O-1", "Planning").status_code == 200
    planned = mcf.order("O-1")["fulfillmentOrder"]["statusUpdatedDate"]
    mcf.advance(DEFAULT.planning_after + 1)
    order = mcf.order("O-1")["fulfillmentOrder"]
    assert (order["fulfillmentOrderStatus"], order["statusUpdatedDate"]) == ("Planning", planned)
