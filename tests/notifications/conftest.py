"""Delivery tests: an emulator whose SQS and EventBridge endpoints are a real moto server process,
and test-only domain events (so delivery is tested apart from the APIs that emit real ones)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp, create_app
from emulator.catalog import Catalog
from emulator.settings import Settings
from emulator.testing.handle import EmulatorHandle
from tests.api.notifications.conftest import grantless_headers
from tests.conftest import BASE_URL, fail_on_violations, issue_token
from tests.notifications.moto_server import aws, moto_server
from tests.notifications.support import listing_payload, miscounted_payload, stock_payload


@pytest.fixture(scope="session")
def moto_url() -> Iterator[str]:
    with moto_server() as url:
        yield url


@pytest.fixture(scope="session")
def delivering_app(catalog: Catalog, moto_url: str) -> EmulatorApp:
    settings = Settings(strict_responses=True, seed=77, sqs_endpoint=moto_url, eventbridge_endpoint=moto_url)
    app = create_app(settings, catalog)
    builders = app.notifications.builders
    builders.add("StockCounted", "FBA_INVENTORY_AVAILABILITY_CHANGES", stock_payload)
    builders.add("ListingSeen", "LISTINGS_ITEM_STATUS_CHANGE", listing_payload)
    builders.add("Miscounted", "FBA_INVENTORY_AVAILABILITY_CHANGES", miscounted_payload)
    return app


@pytest.fixture
def handle(delivering_app: EmulatorApp) -> Iterator[EmulatorHandle]:
    found = EmulatorHandle(delivering_app, BASE_URL)
    found.reset()
    yield found
    fail_on_violations(delivering_app)


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
