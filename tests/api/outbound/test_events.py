"""The domain events of an order's life: one per status change of the order, its shipments, its returns."""

from __future__ import annotations

from emulator.apis.outbound.events import OrderStatusChanged, ReturnStatusChanged, ShipmentStatusChanged
from emulator.apis.outbound.timings import DEFAULT
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import EventQuery, EventRecord
from tests.api.outbound.support import V2020

OUTBOUND = frozenset(
    kind.type_name() for kind in (OrderStatusChanged, ShipmentStatusChanged, ReturnStatusChanged)
)


def events(mcf, after: int = 0) -> list[EventRecord]:
    """The outbound events recorded for the default seller after sequence `after`."""
    query = EventQuery(seller_id=DEFAULTS.seller_id, types=OUTBOUND, after_sequence=after)
    return mcf.runtime.store.events.query(query)


def test_an_order_shipped_and_returned_tells_its_story(mcf):
    mcf.stock("MUG", 5)
    start = mcf.runtime.store.events.last_sequence
    mcf.create("O-1", {"MUG": 2}, shippingSpeedCategory="Expedited")
    mcf.set_status("O-1", "Complete")
    story = [e.event for e in events(mcf, start)]
    orders = [(e.previous, e.status) for e in story if isinstance(e, OrderStatusChanged)]
    assert orders == [
        (None, "New"),
        ("New", "Received"),
        ("Received", "Planning"),
        ("Planning", "Processing"),
        ("Processing", "Complete"),
    ]
    assert all(e.order_id == "O-1" for e in story)
    assert {
        (e.displayable_order_id, e.marketplace_id) for e in story if isinstance(e, OrderStatusChanged)
    } == {("O-1", "ATVPDKIKX0DER")}
    shipment = mcf.order("O-1")["fulfillmentShipments"][0]
    package = shipment["fulfillmentShipmentPackage"][0]
    shipped = [e for e in story if isinstance(e, ShipmentStatusChanged)]
    assert [(e.previous, e.status, e.order_status) for e in shipped] == [
        (None, "PENDING", "Processing"),
        ("PENDING", "SHIPPED", "Processing"),
    ]
    assert all(e.shipment_id == shipment["amazonShipmentId"] for e in shipped)
    assert [(p.number, p.carrier_code, p.tracking_number) for p in shipped[-1].packages] == [
        (package["packageNumber"], "UPS", package["trackingNumber"])
    ]
    assert [type(e).__name__ for e in story].index(
        "ShipmentStatusChanged"
    ) == 4  # once the order is Processing

    returned = mcf.runtime.store.events.last_sequence
    item = {
        "sellerReturnItemId": "R1",
        "sellerFulfillmentOrderItemId": "MUG",
        "amazonShipmentId": shipment["amazonShipmentId"],
        "returnReasonCode": "DAMAGEDBYCARRIER",
    }
    mcf.call(
        "PUT",
        f"{V2020}/fulfillmentOrders/O-1/return",
        json={"items": [item, {**item, "sellerReturnItemId": "R0"}]},
    )
    mcf.advance(DEFAULT.return_processing + 1)
    mcf.order("O-1")  # the next call settles the clock
    back = [e.event for e in events(mcf, returned)]
    assert all(
        isinstance(e, ReturnStatusChanged) and (e.sku, e.order_status) == ("MUG", "Complete") for e in back
    )
    assert [(e.return_item_id, e.previous, e.status, e.received_condition) for e in back] == [
        ("R1", None, "New", None),
        ("R0", None, "New", None),
        ("R1", "New", "Processed", "CarrierDamaged"),
        ("R0", "New", "Processed", "CarrierDamaged"),
    ]
    assert len({e.authorization_id for e in back}) == 1


def test_calls_that_change_no_status_record_nothing(mcf):
    mcf.stock("MUG", 5)
    mcf.create("O-1", {"MUG": 1}, fulfillmentAction="Hold")
    quiet = mcf.runtime.store.events.last_sequence
    mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1", json={"displayableOrderComment": "Still held"})
    mcf.set_status("O-1", "Planning")  # refused: the order is on hold
    mcf.cancel("NOPE")
    mcf.advance(3600)
    mcf.order("O-1")
    assert events(mcf, quiet) == []
    mcf.cancel("O-1")
    assert [(e.event.previous, e.event.status) for e in events(mcf, quiet)] == [("Received", "Cancelled")]
