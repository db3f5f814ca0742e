"""Notifications end to end: a real `mcf-emulator serve --sqs-endpoint` and a real moto server process,
driven through Amazon's official SDK (`amzn-sp-api`), read from the queue with boto3 as a connector's
consumer would.

The order, shipment and inventory events come from the outbound and inventory APIs. Until those
events are declared (their branches merge before this one), this test is expected to fail and is
marked so, strictly: the moment `OrderStatusChanged` and `InventoryAvailabilityChanged` exist, the
mark lifts and the test must pass.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from emulator import apis
from emulator.apis.notifications.kinds import KINDS
from emulator.lwa.accounts import DEFAULTS
from emulator.notifications.schemas import Schemas
from emulator.registry import registry
from emulator.testing.clients import spapi_client
from emulator.testing.credentials import Credentials
from tests.api.outbound.support import order_body
from tests.notifications.moto_server import aws, moto_server, new_queue, receive
from tests.processes import emulator_serve

US = "ATVPDKIKX0DER"
ORDER_TYPE, STOCK_TYPE = "FULFILLMENT_ORDER_STATUS", "FBA_INVENTORY_AVAILABILITY_CHANGES"
LIFECYCLE = ["Received", "Planning", "Processing", "Complete"]

apis.load()
EVENTS_DECLARED = {"OrderStatusChanged", "ShipmentStatusChanged", "InventoryAvailabilityChanged"} <= set(
    registry.events
)
pytestmark = pytest.mark.xfail(
    not EVENTS_DECLARED,
    reason="needs the outbound and inventory domain events (merged from their branches)",
    strict=True,
)


def grantless_sdk(base: str) -> Any:
    from spapi import SPAPIClient, SPAPIConfig

    config = SPAPIConfig(
        client_id=DEFAULTS.client_id,
        client_secret=DEFAULTS.client_secret,
        scope="sellingpartnerapi::notifications",
        region="NA",
    )
    return SPAPIClient(config, oauth_endpoint=f"{base}/auth/o2/token", endpoint=base).api_client


def drain(sqs: Any, url: str, done: Any, timeout: float = 15.0) -> list[dict[str, Any]]:
    """Every message until `done(messages)` holds (or the timeout passes)."""
    messages: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while not done(messages) and time.monotonic() < deadline:
        messages += [json.loads(body) for body in receive(sqs, url, 10, timeout=0.3)]
    return messages


def order_events(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        m["Payload"]["FulfillmentOrderStatusNotification"]
        for m in messages
        if m["NotificationType"] == ORDER_TYPE
    ]


def test_a_connector_receives_every_order_shipment_and_stock_change(tmp_path):
    from spapi import FbaInventoryApi, FbaOutboundApi, NotificationsApi

    models = Path(os.environ.get("MCF_EMULATOR_MODELS", "../shared/spapi-models"))
    schemas = Schemas(models)
    with (
        moto_server() as moto,
        emulator_serve("--seed", "5", "--strict-responses", "--sqs-endpoint", moto) as base,
    ):
        httpx.post(f"{base}/_emulator/clock/freeze").raise_for_status()
        sqs = aws("sqs", moto)
        url, arn = new_queue(sqs, "mcf-connector")

        destination = NotificationsApi(grantless_sdk(base)).create_destination(
            {"name": "connector", "resourceSpecification": {"sqs": {"arn": arn}}}
        )
        seller = spapi_client(Credentials.for_emulator(base)).api_client
        notifications = NotificationsApi(seller)
        for kind in (ORDER_TYPE, STOCK_TYPE):
            notifications.create_subscription(
                kind, {"payloadVersion": "1.0", "destinationId": destination.payload.destination_id}
            )

        inventory, outbound = FbaInventoryApi(seller), FbaOutboundApi(seller)
        inventory.create_inventory_item({"sellerSku": "N-MUG", "marketplaceId": US, "productName": "Mug"})
        inventory.add_inventory(
            "n-stock-1", {"inventoryItems": [{"sellerSku": "N-MUG", "marketplaceId": US, "quantity": 10}]}
        )
        outbound.create_fulfillment_order(order_body("N-1", "N-MUG", 2))
        httpx.post(f"{base}/_emulator/clock/advance", json={"by": "1d"}).raise_for_status()

        def complete(found: list[dict[str, Any]]) -> bool:
            return any(
                e["FulfillmentOrderStatus"] == "Complete" and e["EventType"] == "Order"
                for e in order_events(found)
            )

        messages = drain(sqs, url, complete)
        seller = spapi_client(Credentials.for_emulator(base)).api_client  # the old token expired
        order = FbaOutboundApi(seller).get_fulfillment_order("N-1").payload

    for message in messages:
        assert schemas.problems(KINDS[message["NotificationType"]], message) == [], message
    assert len({m["NotificationMetadata"]["NotificationId"] for m in messages}) == len(messages)
    statuses = [e["FulfillmentOrderStatus"] for e in order_events(messages) if e["EventType"] == "Order"]
    assert statuses == LIFECYCLE
    shipped = [
        e["FulfillmentShipment"]
        for e in order_events(messages)
        if e["EventType"] == "Shipment" and e["FulfillmentShipment"]["FulfillmentShipmentStatus"] == "Shipped"
    ]
    package = order.fulfillment_shipments[0].fulfillment_shipment_package[0]
    assert (
        shipped and shipped[0]["FulfillmentShipmentPackages"][0]["TrackingNumber"] == package.tracking_number
    )
    stock = [m["Payload"] for m in messages if m["NotificationType"] == STOCK_TYPE]
    assert stock and all(s["SKU"] == "N-MUG" for s in stock)
    first, last = (
        s["FulfillmentInventoryByMarketplace"][0]["FulfillmentInventory"] for s in (stock[0], stock[-1])
    )
    assert first["Fulfillable"] == 10
    assert last["Fulfillable"] == 8 and last["ReservedQuantityBreakdown"]["PendingCustomerOrder"] == 0
