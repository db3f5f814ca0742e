"""The whole MCF flow against a real `mcf-emulator serve` process, through two unmodified SDKs.

Amazon's `amzn-sp-api` (module `spapi`) takes the LWA URL and the endpoint as `SPAPIClient` arguments.
`python-amazon-sp-api` (module `sp_api`) has no endpoint setting: `emulator.testing.clients.sp_api_client`
sets the client's `endpoint` attribute after creation and passes an `AccessTokenClient` subclass whose
`scheme`/`host`/`path` point at the emulator's token URL (the library's own extension points).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from emulator.testing.clients import sp_api_client, spapi_client
from emulator.testing.credentials import Credentials
from tests.api.outbound.support import ADDRESS, order_body
from tests.processes import emulator_serve

US = "ATVPDKIKX0DER"
RETURN_DELAY = 3 * 24 * 3600 + 60


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """A `mcf-emulator serve` subprocess on a free loopback port (strict response validation on)."""
    with emulator_serve("--seed", "3", "--strict-responses") as base:
        yield base


@contextmanager
def official_sdk(base: str) -> Iterator[object]:
    """Amazon's SDK client (`SPAPIClient`); its connection pool is emptied afterwards (no stray sockets)."""
    client = spapi_client(Credentials.for_emulator(base))
    try:
        yield client.api_client
    finally:
        client.api_client.rest_client.pool_manager.clear()


def advance_clock(base: str, seconds: float) -> None:
    response = httpx.post(f"{base}/_emulator/clock/advance", json={"by": seconds})
    assert response.status_code == 200, response.text


def _stock(inventory: object) -> object:
    """The A-MUG inventory summary, with details, through Amazon's SDK."""
    found = inventory.get_inventory_summaries("Marketplace", US, [US], details=True, seller_sku="A-MUG")
    return found.payload.inventory_summaries[0]


def _sell_ship_cancel_return(inventory: object, outbound: object) -> tuple[object, object]:
    """Stock, preview, two orders, status updates, tracking, a cancel and a return; (package, shipment)."""

    inventory.create_inventory_item({"sellerSku": "A-MUG", "marketplaceId": US, "productName": "Mug"})
    for _ in range(2):  # the same idempotency token twice adds once
        inventory.add_inventory(
            "a-stock-1", {"inventoryItems": [{"sellerSku": "A-MUG", "marketplaceId": US, "quantity": 10}]}
        )
    assert _stock(inventory).inventory_details.fulfillable_quantity == 10

    preview = outbound.get_fulfillment_preview(
        {
            "address": ADDRESS,
            "items": [{"sellerSku": "A-MUG", "quantity": 3, "sellerFulfillmentOrderItemId": "line-1"}],
        }
    )
    standard = next(
        p for p in preview.payload.fulfillment_previews if p.shipping_speed_category == "Standard"
    )
    assert standard.is_fulfillable and standard.estimated_fees[0].amount.value

    outbound.create_fulfillment_order(order_body("A-1", "A-MUG", 3))
    outbound.create_fulfillment_order(order_body("A-2", "A-MUG", 2))
    for status in ("Planning", "Processing", "Complete"):
        outbound.submit_fulfillment_order_status_update("A-1", {"fulfillmentOrderStatus": status})
    order = outbound.get_fulfillment_order("A-1").payload
    assert order.fulfillment_order.fulfillment_order_status == "Complete"
    shipment = order.fulfillment_shipments[0]
    assert shipment.fulfillment_shipment_status == "SHIPPED"
    package = shipment.fulfillment_shipment_package[0]
    tracking = outbound.get_package_tracking_details(package.package_number).payload
    assert tracking.current_status == "IN_TRANSIT" and tracking.tracking_events[0].event_code == "EVENT_101"

    details = _stock(inventory).inventory_details
    assert (
        details.fulfillable_quantity == 5 and details.reserved_quantity.pending_customer_order_quantity == 2
    )
    assert _stock(inventory).total_quantity == 7  # 3 units left the network

    outbound.cancel_fulfillment_order("A-2")
    assert (
        outbound.get_fulfillment_order("A-2").payload.fulfillment_order.fulfillment_order_status
        == "Cancelled"
    )
    assert _stock(inventory).inventory_details.fulfillable_quantity == 7

    codes = [
        c.return_reason_code for c in outbound.list_return_reason_codes("A-MUG").payload.reason_code_details
    ]
    assert "DEFECTIVE" in codes
    result = outbound.create_fulfillment_return(
        "A-1",
        {
            "items": [
                {
                    "sellerReturnItemId": "A-R1",
                    "sellerFulfillmentOrderItemId": "line-1",
                    "amazonShipmentId": shipment.amazon_shipment_id,
                    "returnReasonCode": "DEFECTIVE",
                }
            ]
        },
    ).payload
    assert result.return_items[0].status == "New" and result.return_authorizations
    return package, shipment


def test_flow_with_amazons_official_sdk(base_url):
    from spapi import FbaInventoryApi, FbaOutboundApi, FulfillmentOrdersApi

    with official_sdk(base_url) as api:
        package, shipment = _sell_ship_cancel_return(FbaInventoryApi(api), FbaOutboundApi(api))
        mirrored = FulfillmentOrdersApi(api).get_order("A-1").order  # the 2026-07-04 view
    assert mirrored.status == "COMPLETE" and mirrored.shipments[0].packages[0].package_id == str(
        package.package_number
    )

    advance_clock(base_url, RETURN_DELAY)
    with official_sdk(base_url) as api:  # a new client: the old token expired meanwhile
        outbound = FbaOutboundApi(api)
        returned = outbound.get_fulfillment_order("A-1").payload.return_items[0]
        assert returned.status == "Processed" and returned.return_received_condition == "Defective"
        assert _stock(FbaInventoryApi(api)).inventory_details.unfulfillable_quantity.defective_quantity == 1
        tracking = outbound.get_package_tracking_details(package.package_number).payload
        assert tracking.current_status == "DELIVERED"


def test_flow_with_python_amazon_sp_api(base_url):
    """The whole flow through python-amazon-sp-api, as it is.

    Two calls go through Amazon's SDK instead, because sp_api cannot make them: `add_inventory` has
    no way to send the required `x-amzn-idempotency-token` header, and its
    `submit_fulfillment_order_status_update` is declared with method GET (it would read the order).
    sp_api adds the marketplace under four undeclared names to every POST/PUT body; the edge tolerates them.
    """
    from sp_api.api import FulfillmentOutbound, Inventories
    from spapi import FbaInventoryApi, FbaOutboundApi

    credentials = Credentials.for_emulator(base_url)
    inventories = sp_api_client(Inventories, credentials)
    outbound = sp_api_client(FulfillmentOutbound, credentials)
    try:
        with official_sdk(base_url) as official:
            _sp_api_flow(inventories, outbound, FbaInventoryApi(official), FbaOutboundApi(official))
    finally:
        inventories.close()
        outbound.close()


def _sp_api_flow(inventories: object, outbound: object, stocker: object, status_setter: object) -> None:
    """sp_api does everything but adding stock (`stocker`) and sandbox status updates (`status_setter`)."""

    def details() -> dict:
        found = inventories.get_inventory_summary_marketplace(details=True, sellerSkus=["B-MUG"])
        return found.payload["inventorySummaries"][0]["inventoryDetails"]

    inventories.create_inventory_item(sellerSku="B-MUG", marketplaceId=US, productName="Mug")
    stocker.add_inventory(
        "b-stock-1", {"inventoryItems": [{"sellerSku": "B-MUG", "marketplaceId": US, "quantity": 6}]}
    )
    assert details()["fulfillableQuantity"] == 6

    preview = outbound.get_fulfillment_preview(
        address=ADDRESS,
        items=[{"sellerSku": "B-MUG", "sellerFulfillmentOrderItemId": "line-1", "quantity": 2}],
    ).payload["fulfillmentPreviews"]
    assert all(p["isFulfillable"] for p in preview)
    outbound.create_fulfillment_order(**order_body("B-1", "B-MUG", 2))
    outbound.create_fulfillment_order(**order_body("B-2", "B-MUG", 3))
    status_setter.submit_fulfillment_order_status_update("B-1", {"fulfillmentOrderStatus": "Complete"})
    order = outbound.get_fulfillment_order("B-1").payload
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    shipment = order["fulfillmentShipments"][0]
    number = shipment["fulfillmentShipmentPackage"][0]["packageNumber"]
    assert (
        outbound.get_package_tracking_details(packageNumber=number).payload["currentStatus"] == "IN_TRANSIT"
    )
    listed = outbound.list_all_fulfillment_orders().payload["fulfillmentOrders"]
    assert {"B-1", "B-2"} <= {o["sellerFulfillmentOrderId"] for o in listed}

    stock = details()
    assert (
        stock["fulfillableQuantity"] == 1 and stock["reservedQuantity"]["pendingCustomerOrderQuantity"] == 3
    )
    outbound.cancel_fulfillment_order("B-2")
    assert details()["fulfillableQuantity"] == 4

    codes = outbound.list_return_reason_codes(sellerSku="B-MUG").payload["reasonCodeDetails"]
    outbound.create_fulfillment_return(
        "B-1",
        items=[
            {
                "sellerReturnItemId": "B-R1",
                "sellerFulfillmentOrderItemId": "line-1",
                "amazonShipmentId": shipment["amazonShipmentId"],
                "returnReasonCode": codes[0]["returnReasonCode"],
            }
        ],
    )
    returned = outbound.get_fulfillment_order("B-1").payload
    assert returned["returnItems"][0]["status"] == "New" and returned["returnAuthorizations"]


def test_threads_racing_for_scarce_stock_never_oversell(base_url):
    from concurrent.futures import ThreadPoolExecutor

    from emulator.testing.clients import httpx_client

    credentials = Credentials.for_emulator(base_url)
    with httpx_client(credentials) as http:
        http.post(
            "/fba/inventory/v1/items", json={"sellerSku": "RACE", "marketplaceId": US, "productName": "Race"}
        )
        http.post(
            "/fba/inventory/v1/items/inventory",
            headers={"x-amzn-idempotency-token": "race"},
            json={"inventoryItems": [{"sellerSku": "RACE", "marketplaceId": US, "quantity": 8}]},
        )

        def place(n: int) -> str:
            http.post("/fba/outbound/2020-07-01/fulfillmentOrders", json=order_body(f"RACE-{n}", "RACE", 1))
            order = http.get(f"/fba/outbound/2020-07-01/fulfillmentOrders/RACE-{n}").json()
            return str(order["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"])

        with ThreadPoolExecutor(max_workers=12) as pool:
            outcomes = list(pool.map(place, range(30)))
        summary = http.get(
            "/fba/inventory/v1/summaries",
            params={
                "details": "true",
                "granularityType": "Marketplace",
                "granularityId": US,
                "marketplaceIds": US,
                "sellerSku": "RACE",
            },
        ).json()["payload"]["inventorySummaries"][0]["inventoryDetails"]
    assert sorted(outcomes) == ["Invalid"] * 22 + ["Received"] * 8
    assert (
        summary["fulfillableQuantity"] == 0
        and summary["reservedQuantity"]["pendingCustomerOrderQuantity"] == 8
    )
