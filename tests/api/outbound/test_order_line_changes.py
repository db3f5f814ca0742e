"""updateFulfillmentOrder (2020-07-01) line changes: a cut comes out of units waiting for stock first, then
of units counted unfulfillable, then of reserved units, which go back to stock; only that last kind moves
stock (each move is an FBA_INVENTORY_AVAILABILITY_CHANGES). FillOrKill may grow by exactly the free stock;
a line keeps its SKU, and its own texts can change."""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory.events import InventoryAvailabilityChanged
from tests.api.inventory.conftest import recorded
from tests.api.outbound.support import V2020


def update(mcf, order_id: str, **body: Any) -> Any:
    return mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}", json=body)


def cut(mcf, sku: str, quantity: int, **line: Any) -> Any:
    item = {"sellerSku": sku, "sellerFulfillmentOrderItemId": sku, "quantity": quantity, **line}
    return update(mcf, "O-1", items=[item])


def items(mcf) -> dict[str, tuple[int, int, int]]:
    """SKU -> (quantity, cancelledQuantity, unfulfillableQuantity) of order O-1."""
    return {
        item["sellerSku"]: (item["quantity"], item["cancelledQuantity"], item["unfulfillableQuantity"])
        for item in mcf.order("O-1")["fulfillmentOrderItems"]
    }


def stock_moves(mcf) -> list[Any]:
    return recorded(mcf.runtime, InventoryAvailabilityChanged)


def held_and_pending(mcf, sku: str) -> tuple[int, int]:
    details = mcf.details(sku)
    return details["fulfillableQuantity"], details["reservedQuantity"]["pendingCustomerOrderQuantity"]


def test_fill_or_kill_may_grow_by_exactly_the_free_stock(mcf):
    mcf.stock("MUG", 2)
    assert mcf.create("O-1", {"MUG": 1}, fulfillmentAction="Hold").status_code == 200
    response = cut(mcf, "MUG", 2)
    assert response.status_code == 200, response.text
    assert items(mcf) == {"MUG": (2, 0, 0)}
    assert held_and_pending(mcf, "MUG") == (0, 2)


def test_a_cut_of_reserved_units_gives_them_back_to_stock(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 3}, fulfillmentAction="Hold").status_code == 200
    assert cut(mcf, "MUG", 2).status_code == 200
    assert held_and_pending(mcf, "MUG") == (3, 2)
    assert update(mcf, "O-1", fulfillmentAction="Ship").status_code == 200
    assert mcf.set_status("O-1", "Complete").status_code == 200
    shipped = [
        item["quantity"]
        for shipment in mcf.order("O-1")["fulfillmentShipments"]
        for item in shipment["fulfillmentShipmentItem"]
    ]
    assert shipped == [2]
    assert held_and_pending(mcf, "MUG") == (3, 0)
    assert mcf.details("MUG")["totalQuantity"] == 3


def test_a_cut_of_units_waiting_for_stock_moves_no_stock(mcf):
    mcf.stock("MUG", 2)
    assert mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy="FillAll").status_code == 200
    before = len(stock_moves(mcf))
    assert cut(mcf, "MUG", 2).status_code == 200
    assert stock_moves(mcf)[before:] == []
    assert items(mcf) == {"MUG": (2, 0, 0)}
    assert held_and_pending(mcf, "MUG") == (0, 2)


def test_a_cut_of_units_counted_unfulfillable_moves_no_stock(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-1", {"MUG": 3}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    before = len(stock_moves(mcf))
    assert cut(mcf, "MUG", 2).status_code == 200
    assert stock_moves(mcf)[before:] == []
    assert items(mcf) == {"MUG": (2, 0, 1)}
    assert held_and_pending(mcf, "MUG") == (0, 1)


def test_a_cut_after_a_policy_change_takes_units_counted_unfulfillable(mcf):
    mcf.stock("MUG", 1)
    assert mcf.create("O-1", {"MUG": 4}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    assert update(mcf, "O-1", fulfillmentPolicy="FillAll").status_code == 200
    assert cut(mcf, "MUG", 3).status_code == 200
    assert items(mcf) == {"MUG": (3, 0, 2)}
    assert held_and_pending(mcf, "MUG") == (0, 1)


def test_an_update_cannot_change_a_lines_sku(mcf):
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    assert mcf.create("O-1", {"MUG": 1}, fulfillmentAction="Hold").status_code == 200
    response = update(
        mcf, "O-1", items=[{"sellerSku": "CUP", "sellerFulfillmentOrderItemId": "MUG", "quantity": 1}]
    )
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert (error["code"], error["message"], error["details"]) == (
        "InvalidInput",
        "Item Id MUG: the SKU cannot change and the quantity must be positive.",
        "items",
    )
    assert [item["sellerSku"] for item in mcf.order("O-1")["fulfillmentOrderItems"]] == ["MUG"]


def test_an_update_of_a_lines_gift_message_reads_back(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}, fulfillmentAction="Hold").status_code == 200
    assert cut(mcf, "MUG", 1, giftMessage="Happy birthday").status_code == 200
    [item] = mcf.order("O-1")["fulfillmentOrderItems"]
    assert (item["quantity"], item["giftMessage"]) == (1, "Happy birthday")
