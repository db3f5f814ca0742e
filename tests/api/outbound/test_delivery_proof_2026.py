"""2026-07-04 tracking: a package shows proof of delivery once it is delivered, and not before."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import ADDRESS, V2026, Mcf

MONTH = 30 * 24 * 3600.0


def only_package(mcf: Mcf) -> dict[str, Any]:
    response = mcf.call("GET", f"{V2026}/orders/O-1")
    assert response.status_code == 200, response.text
    [shipment] = response.json()["order"]["shipments"]
    [package] = shipment["packages"]
    return dict(package)


def test_proof_of_delivery_appears_when_the_package_is_delivered(mcf):
    mcf.runtime.clock.freeze()
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert mcf.set_status("O-1", "Complete").status_code == 200
    in_transit = only_package(mcf)
    assert in_transit["status"] == "IN_TRANSIT"
    assert "proofOfDelivery" not in in_transit["tracking"]
    mcf.advance(MONTH)
    delivered = only_package(mcf)
    assert delivered["status"] == "DELIVERED"
    assert delivered["tracking"]["proofOfDelivery"] == {
        "deliveryPhotoUrl": f"https://www.swiship.com/delivery-image/{delivered['packageId']}",
        "receivedBy": ADDRESS["name"],
    }
