"""Package numbers come from the seller's stored `package` counter (table `outbound_counters`), so a state
file written earlier, holding packages already, goes on numbering where it stopped instead of handing out a
number it already gave (whose tracking would then name the older order)."""

from __future__ import annotations

from emulator.apis.outbound import orderbook, package_index
from emulator.apis.outbound.records import Counter
from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import V2020


def test_a_new_package_takes_the_next_number_of_the_stored_counter(mcf):
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)  # as a state file with one package left it
    tenant.table(orderbook.COUNTERS).put("package", Counter(next=1000002))
    tenant.table(package_index.PACKAGES).put("0", package_index.PackageRun(order_ids=["OLDER"]))
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    mcf.advance(3 * 86400)
    [shipment] = mcf.order("O-1")["fulfillmentShipments"]
    [package] = shipment["fulfillmentShipmentPackage"]
    assert package["packageNumber"] == 1000002
    tracked = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": 1000002})
    assert tracked.status_code == 200, tracked.text
    assert tracked.json()["payload"]["packageNumber"] == 1000002
