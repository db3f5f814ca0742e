"""Every file in scenarios/ applies cleanly to a fresh emulator and does what its comment says."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator.control.files import fault_rules, read_document
from tests.api.outbound.support import V2020, order_body
from tests.conftest import issue_token

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
WORLDS = sorted((SCENARIOS / "worlds").glob("*.yaml"))
FAULT_SETS = sorted((SCENARIOS / "faults").glob("*.yaml"))


@pytest.mark.parametrize("world", WORLDS, ids=lambda p: p.name)
def test_every_world_seeds_cleanly(app, world):
    counts = app.control.seed(read_document(world))
    assert sum(counts.values()) > 0


@pytest.mark.parametrize("fault_set", FAULT_SETS, ids=lambda p: p.name)
def test_every_fault_set_loads(app, fault_set):
    rules = fault_rules(read_document(fault_set))
    assert app.control.replace_faults(rules)["rules"]


def test_starter_world_has_a_scarce_sku_a_held_order_and_a_separate_second_shop(client, app):
    app.control.seed(read_document(SCENARIOS / "worlds" / "mcf-starter.yaml"))
    auth = {"x-amz-access-token": issue_token(client)}
    held = client.get(f"{V2020}/fulfillmentOrders/STARTER-HOLD", headers=auth).json()["payload"]
    assert held["fulfillmentOrder"]["fulfillmentAction"] == "Hold"
    scarce = client.post(
        f"{V2020}/fulfillmentOrders", json=order_body("TOO-MANY", "POSTER-LTD", 3), headers=auth
    )
    assert scarce.status_code == 200
    status = client.get(f"{V2020}/fulfillmentOrders/TOO-MANY", headers=auth).json()["payload"]
    assert status["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Invalid"
    second = {"x-amz-access-token": issue_token(client, "Atzr|second-shop")}
    assert client.get(f"{V2020}/fulfillmentOrders/STARTER-1", headers=second).status_code == 404


def test_flaky_outbound_fails_twice_then_serves_a_stale_read(client, app):
    app.control.seed(read_document(SCENARIOS / "worlds" / "mcf-starter.yaml"))
    app.control.replace_faults(fault_rules(read_document(SCENARIOS / "faults" / "flaky-outbound.yaml")))
    auth = {"x-amz-access-token": issue_token(client)}
    statuses = [
        client.post(f"{V2020}/fulfillmentOrders", json=order_body("RETRY-1"), headers=auth).status_code
        for _ in range(3)
    ]
    assert statuses == [503, 503, 200]
    assert client.get(f"{V2020}/fulfillmentOrders/RETRY-1", headers=auth).status_code == 404
    app.control.advance("11s")
    fresh = {"x-amz-access-token": issue_token(client)}
    assert client.get(f"{V2020}/fulfillmentOrders/RETRY-1", headers=fresh).status_code == 200
