"""Moving an order to CompletePartialled withholds one unit of its last line; when that empties the line's
place in the shipment, the shipment that leaves carries neither that line nor its package, and keeps the
packages of the lines it still holds."""

from __future__ import annotations


def test_a_withheld_line_takes_its_package_out_of_the_shipment(mcf):
    mcf.stock("MUG", 5)
    mcf.stock("CUP", 5)
    assert mcf.create("O-1", {"MUG": 1, "CUP": 1}).status_code == 200
    assert mcf.set_status("O-1", "CompletePartialled").status_code == 200
    (shipment,) = mcf.order("O-1")["fulfillmentShipments"]
    items = shipment["fulfillmentShipmentItem"]
    assert [(i["sellerSku"], i["quantity"]) for i in items] == [("MUG", 1)]
    assert [p["packageNumber"] for p in shipment["fulfillmentShipmentPackage"]] == [items[0]["packageNumber"]]
