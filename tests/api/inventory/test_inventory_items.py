"""FBA Inventory sandbox control operations: createInventoryItem, addInventory, deleteInventoryItem."""

from __future__ import annotations

from tests.api.outbound.support import INVENTORY, US

CA = "A2EUQ1WTGCTBG2"


def add(mcf, token, lines):
    return mcf.call(
        "POST",
        f"{INVENTORY}/items/inventory",
        headers={"x-amzn-idempotency-token": token},
        json={"inventoryItems": lines},
    )


def test_create_item_generates_identifiers_and_starts_empty(mcf):
    mcf.stock("MUG-1")
    response = mcf.call(
        "GET",
        f"{INVENTORY}/summaries",
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    )
    summary = response.json()["payload"]["inventorySummaries"][0]
    assert summary["sellerSku"] == "MUG-1" and summary["productName"] == "Product MUG-1"
    assert summary["fnSku"].startswith("X00") and len(summary["fnSku"]) == 10
    assert summary["asin"].startswith("B0") and len(summary["asin"]) == 10
    assert summary["totalQuantity"] == 0 and "inventoryDetails" not in summary


def test_create_item_twice_is_rejected(mcf):
    mcf.stock("MUG-1")
    response = mcf.call(
        "POST", f"{INVENTORY}/items", json={"sellerSku": "MUG-1", "marketplaceId": US, "productName": "again"}
    )
    assert response.status_code == 400
    assert "already exists" in response.json()["errors"][0]["message"]


def test_create_item_in_unknown_or_foreign_marketplace_is_rejected(mcf):
    for marketplace in ("NOTAMARKET", "A1VC38T7YXB528"):  # unknown; Japan (the seller sells in NA only)
        response = mcf.call(
            "POST",
            f"{INVENTORY}/items",
            json={"sellerSku": "X", "marketplaceId": marketplace, "productName": "x"},
        )
        assert response.status_code == 400, response.text


def test_stock_is_per_marketplace(mcf):
    mcf.stock("MUG-1", 5)
    mcf.stock("MUG-1", 2, marketplace=CA)
    assert mcf.details("MUG-1")["fulfillableQuantity"] == 5
    assert mcf.details("MUG-1", CA)["fulfillableQuantity"] == 2


def test_add_inventory_same_token_adds_once(mcf):
    mcf.stock("MUG-1")
    line = [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 7}]
    assert add(mcf, "tok-1", line).status_code == 200
    assert add(mcf, "tok-1", line).status_code == 200
    assert mcf.details("MUG-1")["fulfillableQuantity"] == 7
    assert add(mcf, "tok-2", line).status_code == 200
    assert mcf.details("MUG-1")["fulfillableQuantity"] == 14


def test_add_inventory_token_reused_for_other_body_is_rejected(mcf):
    mcf.stock("MUG-1")
    add(mcf, "tok-1", [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 1}])
    response = add(mcf, "tok-1", [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 2}])
    assert response.status_code == 400
    assert mcf.details("MUG-1")["fulfillableQuantity"] == 1


def test_add_inventory_requires_the_idempotency_header(mcf):
    mcf.stock("MUG-1")
    response = mcf.call(
        "POST",
        f"{INVENTORY}/items/inventory",
        json={"inventoryItems": [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 1}]},
    )
    assert response.status_code == 400
    assert "x-amzn-idempotency-token" in response.json()["errors"][0]["message"]


def test_add_inventory_is_all_or_nothing(mcf):
    mcf.stock("MUG-1")
    response = add(
        mcf,
        "tok-1",
        [
            {"sellerSku": "MUG-1", "marketplaceId": US, "quantity": 3},
            {"sellerSku": "GHOST", "marketplaceId": US, "quantity": 3},
        ],
    )
    assert response.status_code == 404
    assert mcf.details("MUG-1")["fulfillableQuantity"] == 0


def test_add_inventory_rejects_non_positive_quantities(mcf):
    mcf.stock("MUG-1")
    for quantity in (0, -4):
        response = add(
            mcf, f"tok-{quantity}", [{"sellerSku": "MUG-1", "marketplaceId": US, "quantity": quantity}]
        )
        assert response.status_code == 400
    assert mcf.details("MUG-1")["totalQuantity"] == 0


def test_delete_item_removes_it_and_unknown_sku_is_404(mcf):
    mcf.stock("MUG-1", 3)
    response = mcf.call("DELETE", f"{INVENTORY}/items/MUG-1", params={"marketplaceId": US})
    assert response.status_code == 200 and response.json() == {}
    again = mcf.call("DELETE", f"{INVENTORY}/items/MUG-1", params={"marketplaceId": US})
    assert again.status_code == 404


def test_delete_item_with_reserved_units_is_refused(mcf):
    mcf.stock("MUG-1", 3)
    assert mcf.create("O-1", {"MUG-1": 2}).status_code == 200
    response = mcf.call("DELETE", f"{INVENTORY}/items/MUG-1", params={"marketplaceId": US})
    assert response.status_code == 400
    assert "reserved" in response.json()["errors"][0]["message"]


def test_sellers_never_see_each_others_items(mcf, client, other_seller_headers):
    mcf.stock("MUG-1", 3)
    response = client.get(
        f"{INVENTORY}/summaries",
        headers=other_seller_headers,
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    )
    assert response.json()["payload"]["inventorySummaries"] == []
    delete = client.delete(
        f"{INVENTORY}/items/MUG-1", params={"marketplaceId": US}, headers=other_seller_headers
    )
    assert delete.status_code == 404
