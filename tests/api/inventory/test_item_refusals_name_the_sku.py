"""The refusals of the sandbox item operations name the SKU and marketplace they concern."""

from __future__ import annotations

import pytest

from emulator.apis.inventory import service
from emulator.errors import InvalidInput
from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import INVENTORY, US


def errors(response, status: int):
    assert response.status_code == status, response.text
    return response.json()["errors"]


def test_creating_a_sku_twice_names_it(mcf):
    mcf.stock("MUG-1")
    again = mcf.call(
        "POST", f"{INVENTORY}/items", json={"sellerSku": "MUG-1", "marketplaceId": US, "productName": "x"}
    )
    assert errors(again, 400) == [
        {
            "code": "InvalidInput",
            "message": f"SKU 'MUG-1' already exists in marketplace {US}.",
            "details": f"sellerSku=MUG-1, marketplaceId={US}",
        }
    ]


def test_an_unknown_sku_is_a_404_naming_it(mcf):
    deleted = mcf.call("DELETE", f"{INVENTORY}/items/GHOST", params={"marketplaceId": US})
    missing = [
        {
            "code": "NotFound",
            "message": f"SKU 'GHOST' does not exist in marketplace {US}.",
            "details": f"sellerSku=GHOST, marketplaceId={US}",
        }
    ]
    assert errors(deleted, 404) == missing
    line = {"sellerSku": "GHOST", "marketplaceId": US, "quantity": 1}
    added = mcf.call(
        "POST",
        f"{INVENTORY}/items/inventory",
        headers={"x-amzn-idempotency-token": "t-1"},
        json={"inventoryItems": [line]},
    )
    assert errors(added, 404) == missing


def test_deleting_a_sku_with_reserved_units_says_how_many(mcf):
    mcf.stock("MUG-1", 3)
    assert mcf.create("O-1", {"MUG-1": 2}).status_code == 200
    refused = mcf.call("DELETE", f"{INVENTORY}/items/MUG-1", params={"marketplaceId": US})
    assert errors(refused, 400) == [
        {
            "code": "InvalidInput",
            "message": "SKU 'MUG-1' has 2 units reserved for open orders and cannot be deleted.",
            "details": "sellerSku=MUG-1",
        }
    ]
    assert mcf.details("MUG-1")["totalQuantity"] == 3


def test_stock_never_receives_a_negative_quantity_and_zero_is_no_move(mcf):
    mcf.stock("MUG-1", 2)
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)
    with pytest.raises(InvalidInput) as caught:
        service.add(tenant, mcf.runtime.clock.timestamp(), US, "MUG-1", -1)
    assert (caught.value.message, caught.value.details) == (
        "quantity must not be negative (got -1).",
        "sellerSku=MUG-1",
    )
    start = mcf.runtime.store.events.last_sequence
    service.add(tenant, mcf.runtime.clock.timestamp(), US, "MUG-1", 0)  # nothing received, nothing recorded
    assert mcf.details("MUG-1")["totalQuantity"] == 2
    assert mcf.runtime.store.events.last_sequence == start
