"""Every stock move records one InventoryAvailabilityChanged with the buckets after it; no move, no event."""

from __future__ import annotations

from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.apis.inventory.records import Bucket, Buckets
from tests.api.inventory.conftest import recorded
from tests.api.outbound.support import INVENTORY, US, V2020


def moves(mcf, after=0):
    return recorded(mcf.runtime, InventoryAvailabilityChanged, after=after)


def test_adding_units_records_the_move_with_the_item_and_its_buckets(mcf):
    mcf.stock("MUG-1")
    assert moves(mcf) == []  # a new item holds nothing: nothing moved
    mcf.add("MUG-1", 4)
    [event] = moves(mcf)
    summary = mcf.call(
        "GET",
        f"{INVENTORY}/summaries",
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    ).json()["payload"]["inventorySummaries"][0]
    assert (event.seller_sku, event.marketplace_id, event.product_name) == ("MUG-1", US, "Product MUG-1")
    assert (event.fn_sku, event.asin) == (summary["fnSku"], summary["asin"])
    assert (event.move, event.quantity, event.source, event.target) == (
        StockMove.ADDED,
        4,
        None,
        Bucket.FULFILLABLE,
    )
    assert event.buckets == Buckets(fulfillable=4)


def test_a_replayed_add_records_nothing(mcf):
    mcf.stock("MUG-1")
    headers = {"x-amzn-idempotency-token": "once"}
    body = {"inventoryItems": [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 2}]}
    for _ in range(2):
        assert mcf.call("POST", f"{INVENTORY}/items/inventory", headers=headers, json=body).status_code == 200
    assert len(moves(mcf)) == 1


def test_an_order_reserves_and_a_cancel_releases(mcf):
    mcf.stock("MUG-1", 5)
    start = mcf.runtime.store.events.last_sequence
    assert mcf.create("O-1", {"MUG-1": 3}).status_code == 200
    assert mcf.cancel("O-1").status_code == 200
    reserved, released = moves(mcf, start)
    assert (reserved.move, reserved.quantity) == (StockMove.RESERVED, 3)
    assert reserved.buckets == Buckets(fulfillable=2, pending_customer_order=3)
    assert (released.move, released.source, released.target) == (
        StockMove.RELEASED,
        Bucket.PENDING_CUSTOMER_ORDER,
        Bucket.FULFILLABLE,
    )
    assert released.buckets == Buckets(fulfillable=5)


def test_shipping_and_a_return_are_moves_too(mcf):
    mcf.stock("MUG-1", 2)
    assert mcf.create("O-1", {"MUG-1": 1}).status_code == 200
    mcf.advance(7 * 3600)
    shipment = mcf.order("O-1")["fulfillmentShipments"][0]
    item = {
        "sellerReturnItemId": "R-1",
        "sellerFulfillmentOrderItemId": "MUG-1",
        "amazonShipmentId": shipment["amazonShipmentId"],
        "returnReasonCode": "DEFECTIVE",
    }
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1/return", json={"items": [item]})
    assert response.status_code == 200, response.text
    mcf.advance(4 * 86400)
    mcf.runtime.settle()
    kinds = [(e.move, e.target) for e in moves(mcf)]
    assert kinds == [
        (StockMove.ADDED, Bucket.FULFILLABLE),
        (StockMove.RESERVED, Bucket.PENDING_CUSTOMER_ORDER),
        (StockMove.SHIPPED, Bucket.SHIPPED),
        (StockMove.RETURNED, Bucket.DEFECTIVE),
    ]
    assert moves(mcf)[-1].buckets == Buckets(fulfillable=1, defective=1)


def test_deleting_an_item_records_its_units_leaving(mcf):
    mcf.stock("FULL", 3)
    mcf.stock("EMPTY")
    start = mcf.runtime.store.events.last_sequence
    for sku in ("FULL", "EMPTY"):
        assert mcf.call("DELETE", f"{INVENTORY}/items/{sku}", params={"marketplaceId": US}).status_code == 200
    [event] = moves(mcf, start)
    assert (event.seller_sku, event.move, event.quantity) == ("FULL", StockMove.DELETED, 3)
    assert event.buckets == Buckets()


def test_refused_changes_record_nothing(mcf):
    mcf.stock("MUG-1", 1)
    start = mcf.runtime.store.events.last_sequence
    assert mcf.create("O-BIG", {"MUG-1": 5}).status_code == 200  # FillOrKill short of stock: Invalid
    bad = {"inventoryItems": [{"sellerSku": "GHOST", "marketplaceId": US, "quantity": 1}]}
    headers = {"x-amzn-idempotency-token": "ghost"}
    assert mcf.call("POST", f"{INVENTORY}/items/inventory", headers=headers, json=bad).status_code == 404
    assert moves(mcf, start) == []
