"""`mcf-emulator record`: Amazon's official SDK drives an order flow through the recorder; the draft
it writes replays green against a fresh emulator."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
import yaml

from emulator.app import create_app
from emulator.scenarios.loader import load
from emulator.settings import Settings
from emulator.testing.clients import spapi_client
from emulator.testing.credentials import Credentials
from emulator.testing.server import EmulatorServer
from tests.api.outbound.support import ADDRESS
from tests.scenarios.support import STARTER, replay_on


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def upstream(catalog):
    """A running emulator holding the starter world, as a connector's test environment would."""
    app = create_app(Settings(strict_responses=True), catalog)
    app.control.seed(yaml.safe_load(STARTER.read_text()))
    with EmulatorServer(app) as server:
        yield server


@pytest.fixture
def recorder(upstream, catalog, tmp_path):
    port, out = free_port(), tmp_path / "recorded.scenario.yaml"
    command = [sys.executable, "-m", "emulator", "record", "--upstream", upstream.url, "--out", str(out)]
    command += ["--port", str(port), "--models", str(catalog.models_dir), "--world", str(STARTER)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(url + "/_emulator/health", timeout=1)
            break
        except httpx.TransportError:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()[0]
            time.sleep(0.05)
    yield url, process, out
    if process.poll() is None:
        process.kill()
        process.communicate()


def drive_an_order_flow(proxy_url: str, token_url: str) -> None:
    """What a connector does, through Amazon's SDK: preview, create, read, ship, track, list."""
    from spapi import FbaInventoryApi, FbaOutboundApi

    client = spapi_client(Credentials(endpoint=proxy_url, token_url=token_url))
    try:
        outbound, inventory = FbaOutboundApi(client.api_client), FbaInventoryApi(client.api_client)
        line = {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "line-1", "quantity": 2}
        outbound.get_fulfillment_preview({"address": ADDRESS, "items": [line]})
        order = {
            "sellerFulfillmentOrderId": "REC-1",
            "displayableOrderId": "REC-1",
            "displayableOrderDate": "2026-11-20T09:00:00Z",
            "displayableOrderComment": "Recorded",
            "shippingSpeedCategory": "Standard",
            "destinationAddress": ADDRESS,
            "items": [line],
        }
        outbound.create_fulfillment_order(order)
        assert outbound.get_fulfillment_order("REC-1").payload.fulfillment_order.fulfillment_order_status
        outbound.submit_fulfillment_order_status_update("REC-1", {"fulfillmentOrderStatus": "Complete"})
        shipped = outbound.get_fulfillment_order("REC-1").payload
        package = shipped.fulfillment_shipments[0].fulfillment_shipment_package[0].package_number
        assert outbound.get_package_tracking_details(package).payload.package_number == package
        outbound.list_all_fulfillment_orders()
        inventory.get_inventory_summaries("Marketplace", "ATVPDKIKX0DER", ["ATVPDKIKX0DER"], details=True)
    finally:
        client.api_client.rest_client.pool_manager.clear()


def test_a_recorded_sdk_flow_replays_green_on_a_fresh_emulator(upstream, recorder, catalog):
    proxy_url, process, out = recorder
    drive_an_order_flow(proxy_url, upstream.url + "/auth/o2/token")
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=20)[0]
    assert process.returncode == 0, output
    assert "recorded 8 call(s)" in output
    text = out.read_text()
    assert "${packageNumber}" in text  # the package number came back, and went out again
    scenario = load(out)
    assert [step.operation_id for step in scenario.steps][:3] == [
        "getFulfillmentPreview",
        "createFulfillmentOrder",
        "getFulfillmentOrder",
    ]
    with EmulatorServer(create_app(Settings(strict_responses=True), catalog)) as fresh:
        result = replay_on(fresh, catalog, out)
    assert result.passed, result.report()
    assert len(result.steps) == 8
