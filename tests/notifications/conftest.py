"""Delivery tests: an emulator whose SQS and EventBridge endpoints are a real moto server process,
and test-only domain events (so delivery is tested apart from the APIs that emit real ones)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp, create_app
from emulator.catalog import Catalog
from emulator.notifications.envelope import Draft
from emulator.runtime import Runtime
from emulator.settings import Settings
from emulator.state.events import DomainEvent, EventRecord
from emulator.testing.handle import EmulatorHandle
from tests.api.notifications.conftest import grantless_headers
from tests.conftest import BASE_URL, fail_on_violations, issue_token
from tests.notifications.moto_server import aws, moto_server


class StockCounted(DomainEvent, frozen=True):
    """Test-only: a SKU's fulfillable count, built into FBA_INVENTORY_AVAILABILITY_CHANGES."""

    sku: str
    fulfillable: int


class ListingSeen(DomainEvent, frozen=True):
    """Test-only: a listing's status, built into LISTINGS_ITEM_STATUS_CHANGE (an EventBridge type)."""

    sku: str


class Miscounted(DomainEvent, frozen=True):
    """Test-only: built into an FBA_INVENTORY_AVAILABILITY_CHANGES payload that lacks its SKU."""

    sku: str


def stock_payload(record: EventRecord) -> list[Draft]:
    event = record.event
    assert isinstance(event, StockCounted | Miscounted)
    counted = event.fulfillable if isinstance(event, StockCounted) else 0
    inventory = {
        "InboundQuantityBreakdown": {"Working": 0, "Shipped": 0, "Receiving": 0},
        "Fulfillable": counted,
        "Unfulfillable": 0,
        "Researching": 0,
        "ReservedQuantityBreakdown": {
            "WarehouseProcessing": 0,
            "WarehouseTransfer": 0,
            "PendingCustomerOrder": 0,
        },
        "FutureSupplyBuyable": 0,
        "PendingCustomerOrderInTransit": 0,
    }
    payload = {
        "SellerId": record.seller_id,
        "FNSKU": "X00TEST",
        "ASIN": "B0TEST",
        "SKU": event.sku,
        "FulfillmentInventoryByMarketplace": [
            {
                "MarketplaceId": "ATVPDKIKX0DER",
                "ItemName": event.sku,
                "FulfillmentInventory": inventory,
                "Stores": [],
            }
        ],
    }
    return [Draft("FBA_INVENTORY_AVAILABILITY_CHANGES", record.at, payload)]


def miscounted_payload(record: EventRecord) -> list[Draft]:
    (draft,) = stock_payload(record)
    del draft.payload["SKU"]
    return [draft]


def listing_payload(record: EventRecord) -> list[Draft]:
    event = record.event
    assert isinstance(event, ListingSeen)
    payload = {
        "SellerId": record.seller_id,
        "MarketplaceId": "ATVPDKIKX0DER",
        "Asin": "B0TEST",
        "Sku": event.sku,
    }
    return [Draft("LISTINGS_ITEM_STATUS_CHANGE", record.at, payload | {"Status": ["DISCOVERABLE"]})]


def emit(runtime: Runtime, event: DomainEvent, seller_id: str = "A1MCFEMULATOR1") -> None:
    """Record a test-only event and commit, as a request would."""
    runtime.store.tenant(seller_id).record(runtime.clock.timestamp(), event)
    runtime.commit()


@pytest.fixture(scope="session")
def moto_url() -> Iterator[str]:
    with moto_server() as url:
        yield url


@pytest.fixture(scope="session")
def delivering_app(catalog: Catalog, moto_url: str) -> EmulatorApp:
    settings = Settings(strict_responses=True, seed=77, sqs_endpoint=moto_url, eventbridge_endpoint=moto_url)
    app = create_app(settings, catalog)
    app.runtime.notifications.builders.add("StockCounted", stock_payload)
    app.runtime.notifications.builders.add("ListingSeen", listing_payload)
    app.runtime.notifications.builders.add("Miscounted", miscounted_payload)
    return app


@pytest.fixture
def handle(delivering_app: EmulatorApp) -> Iterator[EmulatorHandle]:
    found = EmulatorHandle(delivering_app.runtime, BASE_URL)
    found.reset()
    yield found
    fail_on_violations(delivering_app.runtime)


@pytest.fixture
def web(delivering_app: EmulatorApp, handle: EmulatorHandle) -> Iterator[TestClient]:
    with TestClient(delivering_app, base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def app_auth(web: TestClient) -> dict[str, str]:
    return grantless_headers(web)


@pytest.fixture
def seller_auth(web: TestClient) -> dict[str, str]:
    return {"x-amz-access-token": issue_token(web)}


@pytest.fixture
def sqs(moto_url: str) -> Any:
    return aws("sqs", moto_url)
