"""An emulator with a tiny, test-only behaviour registry, to exercise the edge independently of any API."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from emulator.app import EmulatorApp
from emulator.context import Call, Reply
from emulator.errors import NotFound
from emulator.registry import Registry
from emulator.runtime import Runtime
from emulator.settings import Settings
from emulator.state.records import Record, TableSpec
from tests.conftest import fail_on_violations


class EchoedItem(Record):
    """What the test `createInventoryItem` stores: the body the edge handed it."""

    body: dict[str, Any]


ITEMS = TableSpec("items", EchoedItem)


def edge_registry() -> Registry:
    """Handlers that echo what the edge handed them, so tests can see binding and isolation."""
    registry = Registry()
    registry.table(ITEMS)

    @registry.operation("createInventoryItem")
    def create_item(call: Call) -> dict:
        call.tenant.table(ITEMS).put(call.body["sellerSku"], EchoedItem(body=dict(call.body)))
        return {}

    @registry.operation("getInventorySummaries")
    def summaries(call: Call) -> dict:
        skus = [{"sellerSku": sku} for sku, _ in call.tenant.table(ITEMS).items()]
        return {
            "payload": {
                "granularity": {
                    "granularityType": "Marketplace",
                    "granularityId": call.params["granularityId"],
                },
                "inventorySummaries": skus,
            }
        }

    @registry.operation("getFulfillmentOrder")
    def order(call: Call) -> dict:
        raise NotFound(details=f"no order {call.params['sellerFulfillmentOrderId']}")

    @registry.operation("getFeatures")
    def broken(call: Call) -> dict:
        return {"payload": {"features": [{"featureName": 7}]}}

    @registry.operation("getDestinations")
    def destinations(call: Call) -> dict:
        return {"payload": []}

    @registry.operation("cancelOrder")
    def cancel(call: Call) -> Reply:
        return Reply({}, 202)

    return registry


@pytest.fixture(scope="session")
def edge_app(catalog) -> EmulatorApp:
    return EmulatorApp(Runtime(Settings(strict_responses=True, seed=99), catalog, edge_registry()))


@pytest.fixture
def edge(edge_app) -> TestClient:
    """A client of the edge-only emulator, reset; the test fails on violations it left untaken."""
    edge_app.runtime.reset()
    edge_app.edge.violations.clear()
    with TestClient(edge_app, base_url="http://127.0.0.1:8787") as test_client:
        yield test_client
    fail_on_violations(edge_app)  # a test that provokes one on purpose takes it first
