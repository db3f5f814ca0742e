"""Why an order will become Invalid is kept with it (the stored order, as a state file shows it): a
FillOrKill order short of stock names every short SKU, comma-separated; an order with its stock reserved
keeps no reason at all."""

from __future__ import annotations

from emulator.apis.outbound import orderbook
from emulator.lwa.accounts import DEFAULTS


def reason(mcf, order_id: str) -> str | None:
    order = orderbook.find(mcf.runtime.store.tenant(DEFAULTS.seller_id), order_id)
    assert order is not None
    return order.progress.invalid_reason


def test_a_fill_or_kill_order_short_of_two_skus_names_both(mcf):
    mcf.stock("MUG", 1)
    mcf.stock("CUP", 0)
    assert mcf.create("O-1", {"MUG": 2, "CUP": 1}).status_code == 200
    assert reason(mcf, "O-1") == "insufficient sellable inventory for MUG, CUP"
    assert mcf.status_of("O-1") == "Invalid"


def test_an_order_with_its_stock_reserved_keeps_no_reason(mcf):
    mcf.stock("MUG", 2)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    assert reason(mcf, "O-1") is None
