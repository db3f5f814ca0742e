"""The stored bookkeeping of each order line (what snapshots carry): `reserved` units held in stock for
it, of which `picked` sit in a PENDING shipment, and the shipped / unfulfillable counts, after each step
that moves units: picking, shipping, withholding one unit, and giving up a picked shipment.
"""

from __future__ import annotations

from emulator.apis.outbound import orderbook
from emulator.lwa.accounts import DEFAULTS


def lines(mcf, order_id="O-1"):
    """SKU -> (reserved, picked, shipped, unfulfillable) of the stored order."""
    order = orderbook.find(mcf.runtime.store.tenant(DEFAULTS.seller_id), order_id)
    return {
        line.sku: (line.progress.reserved, line.progress.picked, line.shipped, line.unfulfillable)
        for line in order.lines
    }


def placed(mcf, wanted, status):
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    assert mcf.create("O-1", wanted).status_code == 200
    assert mcf.set_status("O-1", status).status_code == 200
    return lines(mcf)


def test_picked_units_are_the_reserved_ones_in_the_pending_shipment(mcf):
    assert placed(mcf, {"MUG": 2, "CUP": 1}, "Processing") == {"MUG": (2, 2, 0, 0), "CUP": (1, 1, 0, 0)}


def test_shipping_moves_picked_units_to_shipped(mcf):
    assert placed(mcf, {"MUG": 2, "CUP": 1}, "Processing")
    assert mcf.set_status("O-1", "Complete").status_code == 200
    assert lines(mcf) == {"MUG": (0, 0, 2, 0), "CUP": (0, 0, 1, 0)}


def test_a_withheld_unit_is_neither_picked_nor_reserved(mcf):
    assert placed(mcf, {"MUG": 3}, "CompletePartialled") == {"MUG": (0, 0, 2, 1)}


def test_a_withheld_line_left_empty_is_neither_picked_nor_reserved(mcf):
    assert placed(mcf, {"MUG": 1, "CUP": 1}, "CompletePartialled") == {
        "MUG": (0, 0, 1, 0),
        "CUP": (0, 0, 0, 1),
    }


def test_a_picked_shipment_given_up_holds_nothing(mcf):
    assert placed(mcf, {"MUG": 2, "CUP": 1}, "Processing")
    assert mcf.set_status("O-1", "Unfulfillable").status_code == 200
    assert lines(mcf) == {"MUG": (0, 0, 0, 2), "CUP": (0, 0, 0, 1)}


def test_a_line_without_reserved_units_gets_no_package(mcf):
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 0)
    assert mcf.create("O-1", {"MUG": 1, "CUP": 1}, fulfillmentPolicy="FillAllAvailable").status_code == 200
    assert mcf.set_status("O-1", "Processing").status_code == 200
    (shipment,) = mcf.order("O-1")["fulfillmentShipments"]
    assert [(i["sellerSku"], i["quantity"]) for i in shipment["fulfillmentShipmentItem"]] == [("MUG", 1)]
    assert len(shipment["fulfillmentShipmentPackage"]) == 1
    assert lines(mcf) == {"MUG": (1, 1, 0, 0), "CUP": (0, 0, 0, 1)}
