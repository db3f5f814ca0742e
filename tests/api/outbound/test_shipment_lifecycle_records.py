"""A shipment from picking to shipping or cancellation: its dates in getFulfillmentOrder, the units it
moves, and the `ShipmentStatusChanged` event of each change (when, which packages, expected arrival).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from emulator.apis.outbound.events import ShipmentStatusChanged
from emulator.apis.outbound.timings import DEFAULT, HOUR
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import EventQuery

TRANSIT = DEFAULT.transit_standard


def at(text: str, instant: float) -> bool:
    """Whether ISO-8601 `text` (milliseconds) names `instant`."""
    return abs(datetime.fromisoformat(text).timestamp() - instant) < 0.001


def shipment_events(mcf, after):
    query = EventQuery(
        seller_id=DEFAULTS.seller_id,
        types=frozenset({ShipmentStatusChanged.type_name()}),
        after_sequence=after,
    )
    return mcf.runtime.store.events.query(query)


@pytest.fixture
def picked(mcf):
    """Order O-1 (2 MUG, 1 CUP, Standard) picked into a PENDING shipment at `mcf.picked_at` (clock frozen)."""
    mcf.runtime.clock.freeze()
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    mcf.start = mcf.runtime.store.events.last_sequence
    mcf.create("O-1", {"MUG": 2, "CUP": 1})
    mcf.picked_at = mcf.runtime.clock.timestamp()
    assert mcf.set_status("O-1", "Processing").status_code == 200
    return mcf


def test_picking_puts_each_line_in_its_own_package_of_one_pending_shipment(picked):
    mcf = picked
    (shipment,) = mcf.order("O-1")["fulfillmentShipments"]
    assert shipment["fulfillmentShipmentStatus"] == "PENDING"
    assert at(shipment["shippingDate"], mcf.picked_at + DEFAULT.ship_after)
    assert at(shipment["estimatedArrivalDate"], mcf.picked_at + DEFAULT.ship_after + TRANSIT)
    packages = [p["packageNumber"] for p in shipment["fulfillmentShipmentPackage"]]
    assert len(set(packages)) == 2
    assert [
        (i["sellerSku"], i["sellerFulfillmentOrderItemId"], i["quantity"], i["packageNumber"])
        for i in shipment["fulfillmentShipmentItem"]
    ] == [("MUG", "MUG", 2, packages[0]), ("CUP", "CUP", 1, packages[1])]
    (event,) = shipment_events(mcf, mcf.start)
    assert event.at == mcf.picked_at
    assert event.event == ShipmentStatusChanged(
        order_id="O-1",
        shipment_id=shipment["amazonShipmentId"],
        previous=None,
        status="PENDING",
        order_status="Processing",
        estimated_arrival_at=mcf.picked_at + DEFAULT.ship_after + TRANSIT,
        packages=event.event.packages,
    )
    assert [(p.number, p.carrier_code, p.tracking_number) for p in event.event.packages] == [
        (p["packageNumber"], "AMZN_US", p["trackingNumber"]) for p in shipment["fulfillmentShipmentPackage"]
    ]


def test_shipping_dates_the_shipment_and_lines_and_consumes_the_units(picked):
    mcf = picked
    mcf.advance(HOUR)  # earlier than planned
    shipped_at = mcf.runtime.clock.timestamp()
    assert mcf.set_status("O-1", "Complete").status_code == 200
    payload = mcf.order("O-1")
    (shipment,) = payload["fulfillmentShipments"]
    assert shipment["fulfillmentShipmentStatus"] == "SHIPPED"
    assert at(shipment["shippingDate"], shipped_at)
    assert at(shipment["estimatedArrivalDate"], shipped_at + TRANSIT)
    for line in payload["fulfillmentOrderItems"]:
        assert at(line["estimatedShipDate"], shipped_at) and at(
            line["estimatedArrivalDate"], shipped_at + TRANSIT
        )
    assert [mcf.details(sku)["totalQuantity"] for sku in ("MUG", "CUP")] == [3, 4]
    assert [mcf.details(sku)["fulfillableQuantity"] for sku in ("MUG", "CUP")] == [3, 4]
    pending, shipped = shipment_events(mcf, mcf.start)
    assert shipped.at == shipped_at
    assert (shipped.event.previous, shipped.event.status, shipped.event.order_status) == (
        "PENDING",
        "SHIPPED",
        "Processing",
    )
    assert shipped.event.estimated_arrival_at == shipped_at + TRANSIT
    assert shipped.event.packages == pending.event.packages
    mcf.advance(10 * HOUR)
    assert len(shipment_events(mcf, mcf.start)) == 2, "a shipment ships once"


def test_a_pending_shipment_of_an_order_made_unfulfillable_is_cancelled_by_the_fulfiller(picked):
    mcf = picked
    status = "CANCELLED_BY_FULFILLER"
    mcf.advance(HOUR)
    cancelled_at = mcf.runtime.clock.timestamp()
    response = mcf.set_status("O-1", "Unfulfillable")
    assert response.status_code == 200, response.text
    (shipment,) = mcf.order("O-1")["fulfillmentShipments"]
    assert shipment["fulfillmentShipmentStatus"] == status
    assert "fulfillmentShipmentPackage" not in shipment
    assert [mcf.details(sku)["fulfillableQuantity"] for sku in ("MUG", "CUP")] == [5, 5]
    pending, cancelled = shipment_events(mcf, mcf.start)
    assert cancelled.at == cancelled_at
    assert (cancelled.event.previous, cancelled.event.status) == ("PENDING", status)
    assert cancelled.event.shipment_id == pending.event.shipment_id
    mcf.advance(10 * HOUR)
    assert mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentStatus"] == status
    assert len(shipment_events(mcf, mcf.start)) == 2, "a cancelled shipment never ships"
