"""Shipments: reading them, renaming them, moving their source, and their way on the clock to CLOSED
with their units through the inbound buckets (received in full, or as the control API says)."""

from __future__ import annotations

import pytest

from emulator.apis.inbound import shipments
from emulator.apis.inbound.events import InboundShipmentStatusChanged
from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.errors import SpApiError
from emulator.lwa.accounts import DEFAULTS
from tests.api.inbound.support import BASE, SOURCE, box, refused, ship
from tests.api.inventory.conftest import recorded

DAY = 24 * 3600.0
RECEIPT = "/_emulator/inbound/shipments/{}/receipt"


def only_shipment(inbound, lines, boxes=None):
    plan_id = inbound.placed(lines, boxes)
    [shipment_id] = inbound.shipment_ids(plan_id)
    return plan_id, shipment_id


def buckets(inbound, sku):
    found = inbound.details(sku)
    return (
        found["inboundWorkingQuantity"],
        found["inboundShippedQuantity"],
        found["inboundReceivingQuantity"],
        found["fulfillableQuantity"],
    )


def test_a_shipment_moves_on_the_clock_and_its_units_with_it(inbound):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 24})
    start = inbound.runtime.store.events.last_sequence
    assert buckets(inbound, "MUG-1") == (24, 0, 0, 0)
    ship(inbound, plan_id, shipment_id)
    assert inbound.shipment(plan_id, shipment_id)["status"] == "SHIPPED"
    assert inbound.get(plan_id)["status"] == "SHIPPED"
    assert buckets(inbound, "MUG-1") == (0, 24, 0, 0)
    seen = []
    for _ in range(72):  # every two hours for six days
        inbound.advance(2 * 3600)
        seen.append(inbound.shipment(plan_id, shipment_id)["status"])
    assert list(dict.fromkeys(seen)) == ["IN_TRANSIT", "DELIVERED", "CHECKED_IN", "RECEIVING", "CLOSED"]
    assert buckets(inbound, "MUG-1") == (0, 0, 0, 24)
    items = inbound.get(f"{plan_id}/shipments/{shipment_id}/items")["items"]
    assert items[0]["quantity"] == 24
    changes = recorded(inbound.runtime, InboundShipmentStatusChanged, after=start)
    assert [(e.previous, e.status) for e in changes] == [
        ("WORKING", "READY_TO_SHIP"),
        ("READY_TO_SHIP", "SHIPPED"),
        ("SHIPPED", "IN_TRANSIT"),
        ("IN_TRANSIT", "DELIVERED"),
        ("DELIVERED", "CHECKED_IN"),
        ("CHECKED_IN", "RECEIVING"),
        ("RECEIVING", "CLOSED"),
    ]
    moves = recorded(inbound.runtime, InventoryAvailabilityChanged, after=start)
    assert [(m.move, m.quantity) for m in moves] == [
        (StockMove.INBOUND, 24),
        (StockMove.INBOUND, 24),
        (StockMove.RECEIVED, 24),
    ]
    tenant = inbound.runtime.store.tenant(DEFAULTS.seller_id)
    assert shipments.find_shipment(tenant, plan_id, shipment_id).quantity_received("MUG-1") == 24


def test_receipts_can_be_short_over_or_damaged(inbound, client):
    inbound.stock("MUG-1")
    inbound.stock("CAP-1")
    inbound.stock("HAT-1")
    plan_id, shipment_id = only_shipment(
        inbound,
        {"MUG-1": 10, "CAP-1": 5, "HAT-1": 4},
        boxes=[box({"MUG-1": 10, "CAP-1": 5, "HAT-1": 4})],
    )
    receipt = {"items": [{"msku": "MUG-1", "received": 7}, {"msku": "CAP-1", "received": 6, "damaged": 2}]}
    answered = client.put(RECEIPT.format(shipment_id), json=receipt)
    assert answered.status_code == 200, answered.text
    ship(inbound, plan_id, shipment_id)
    inbound.advance(7 * DAY)
    assert inbound.shipment(plan_id, shipment_id)["status"] == "CLOSED"
    mug, cap, hat = inbound.details("MUG-1"), inbound.details("CAP-1"), inbound.details("HAT-1")
    assert (mug["fulfillableQuantity"], mug["totalQuantity"]) == (7, 7)
    assert (cap["fulfillableQuantity"], cap["unfulfillableQuantity"]["carrierDamagedQuantity"]) == (4, 2)
    assert cap["totalQuantity"] == 6
    assert hat["fulfillableQuantity"] == 4
    tenant = inbound.runtime.store.tenant(DEFAULTS.seller_id)
    found = shipments.find_shipment(tenant, plan_id, shipment_id)
    assert [found.quantity_received(m) for m in ("MUG-1", "CAP-1", "HAT-1")] == [7, 6, 4]


def test_the_receipt_control_refuses_what_it_cannot_apply(inbound, client):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 3})
    assert client.put(RECEIPT.format("sh-nope"), json={"items": []}).status_code == 404
    stranger = client.put(RECEIPT.format(shipment_id), json={"items": [{"msku": "CAP-1", "received": 1}]})
    assert stranger.status_code == 400
    damaged = client.put(
        RECEIPT.format(shipment_id), json={"items": [{"msku": "MUG-1", "received": 1, "damaged": 2}]}
    )
    assert damaged.status_code == 400
    assert client.put(RECEIPT.format(shipment_id), json={"items": [{"msku": "MUG-1"}]}).status_code == 400
    inbound.step("PUT", f"{plan_id}/cancellation")
    assert client.put(RECEIPT.format(shipment_id), json={"items": []}).status_code == 409


def test_a_shipment_ships_only_after_its_transportation_is_confirmed(inbound):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 3})
    tenant, now = inbound.runtime.store.tenant(DEFAULTS.seller_id), inbound.runtime.clock.timestamp()
    with pytest.raises(SpApiError, match="confirmTransportationOptions"):
        shipments.shipped(tenant, now, plan_id, shipment_id, inbound.runtime.store)
    assert buckets(inbound, "MUG-1") == (3, 0, 0, 0)
    ship(inbound, plan_id, shipment_id)
    refused(inbound.call("PUT", f"{BASE}/inboundPlans/{plan_id}/cancellation"), says="already shipped")


def test_shipments_are_read_renamed_and_moved(inbound):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 3})
    renamed = inbound.call(
        "PUT", f"{BASE}/inboundPlans/{plan_id}/shipments/{shipment_id}/name", json={"name": "Mugs east"}
    )
    assert renamed.status_code == 204
    moved = {**SOURCE, "city": "Tacoma", "postalCode": "98402"}
    inbound.step("PUT", f"{plan_id}/shipments/{shipment_id}/sourceAddress", json={"address": moved})
    shipment = inbound.shipment(plan_id, shipment_id)
    assert shipment["name"] == "Mugs east"
    assert shipment["source"] == {"sourceType": "SELLER_FACILITY", "address": moved}
    assert inbound.get(f"{plan_id}/shipments/{shipment_id}/pallets") == {"pallets": []}
    assert inbound.get(f"{plan_id}/pallets") == {"pallets": []}
    ship(inbound, plan_id, shipment_id)
    late = inbound.call(
        "PUT", f"{BASE}/inboundPlans/{plan_id}/shipments/{shipment_id}/sourceAddress", json={"address": moved}
    )
    refused(late, says="SHIPPED")


def test_unknown_shipments_are_refused_and_others_unseen(inbound, client, other_seller_headers):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 3})
    missing = "sh1234abcd-1234-abcd-5678-1234abcd5678"
    refused(
        inbound.call("GET", f"{BASE}/inboundPlans/{plan_id}/shipments/{missing}"),
        404,
        "NotFound",
        says="The requested shipment does not exist for the provided inbound plan.",
    )
    theirs = client.get(
        f"{BASE}/inboundPlans/{plan_id}/shipments/{shipment_id}", headers=other_seller_headers
    )
    refused(theirs, 404, "NotFound", says="does not exist")


def test_a_deleted_sku_leaves_nothing_to_move(inbound):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 3})
    assert (
        inbound.call(
            "DELETE", "/fba/inventory/v1/items/MUG-1", params={"marketplaceId": "ATVPDKIKX0DER"}
        ).status_code
        == 200
    )
    ship(inbound, plan_id, shipment_id)
    inbound.advance(7 * DAY)
    assert inbound.shipment(plan_id, shipment_id)["status"] == "CLOSED"


def test_received_units_ship_with_an_mcf_order(inbound):
    inbound.stock("MUG-1")
    plan_id, shipment_id = only_shipment(inbound, {"MUG-1": 4})
    ship(inbound, plan_id, shipment_id)
    inbound.advance(7 * DAY)
    assert inbound.create("AFTER-INBOUND", {"MUG-1": 3}).status_code == 200
    inbound.advance(DAY)
    assert inbound.status_of("AFTER-INBOUND") == "Complete"
    assert buckets(inbound, "MUG-1") == (0, 0, 0, 1)
