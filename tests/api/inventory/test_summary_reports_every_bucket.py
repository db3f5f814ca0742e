"""getInventorySummaries reports every bucket of an item under its own name, totals included."""

from __future__ import annotations

from emulator.apis.inventory import service
from emulator.apis.inventory.records import Bucket
from emulator.lwa.accounts import DEFAULTS
from emulator.state.clock import iso
from tests.api.outbound.support import INVENTORY, US


def test_each_bucket_has_its_own_quantity_in_the_summary(mcf):
    mcf.stock("MUG-1")
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)
    now = mcf.runtime.clock.timestamp()
    for quantity, bucket in enumerate(Bucket, start=1):  # a distinct count per bucket: 1, 2, ... 15
        service.add(tenant, now, US, "MUG-1", quantity, bucket)
    item = service.get(tenant, US, "MUG-1")
    assert item.balanced()  # every unit received is counted
    response = mcf.call(
        "GET",
        f"{INVENTORY}/summaries",
        params={
            "granularityType": "Marketplace",
            "granularityId": US,
            "marketplaceIds": US,
            "details": "true",
        },
    )
    assert response.status_code == 200, response.text
    payload = response.json()["payload"]
    assert payload["granularity"] == {"granularityType": "Marketplace", "granularityId": US}
    assert payload["inventorySummaries"] == [
        {
            "asin": item.asin,
            "fnSku": item.fn_sku,
            "sellerSku": "MUG-1",
            "condition": "NewItem",
            "lastUpdatedTime": iso(now),
            "productName": "Product MUG-1",
            "totalQuantity": sum(range(1, 15)),  # every bucket but shipped (15 units)
            "stores": [],
            "inventoryDetails": {
                "fulfillableQuantity": 1,
                "inboundWorkingQuantity": 5,
                "inboundShippedQuantity": 6,
                "inboundReceivingQuantity": 7,
                "reservedQuantity": {
                    "totalReservedQuantity": 2 + 3 + 4,
                    "pendingCustomerOrderQuantity": 2,
                    "pendingTransshipmentQuantity": 3,
                    "fcProcessingQuantity": 4,
                },
                "researchingQuantity": {
                    "totalResearchingQuantity": 8,
                    "researchingQuantityBreakdown": [
                        {"name": "researchingQuantityInShortTerm", "quantity": 8},
                        {"name": "researchingQuantityInMidTerm", "quantity": 0},
                        {"name": "researchingQuantityInLongTerm", "quantity": 0},
                    ],
                },
                "unfulfillableQuantity": {
                    "totalUnfulfillableQuantity": sum(range(9, 15)),
                    "customerDamagedQuantity": 9,
                    "warehouseDamagedQuantity": 10,
                    "distributorDamagedQuantity": 11,
                    "carrierDamagedQuantity": 12,
                    "defectiveQuantity": 13,
                    "expiredQuantity": 14,
                },
            },
        }
    ]
