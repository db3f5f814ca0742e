"""Inbound plans in the seed document: made by the operations, brought to the status asked for."""

from __future__ import annotations

import pytest

from emulator.apis.inbound import shipments
from emulator.lwa.accounts import DEFAULTS

SEED = "/_emulator/seed"


def seeded(inbound, client, status, units=24):
    document = {
        "inventory": [{"sku": "MUG-1", "quantity": 0}],
        "inbound": [{"items": {"MUG-1": units}, "status": status, "name": "Seeded"}],
    }
    answered = client.post(SEED, json=document)
    assert answered.status_code == 200, answered.text
    tenant = inbound.runtime.store.tenant(DEFAULTS.seller_id)
    return list(shipments.all_shipments(tenant))


def test_a_shipment_in_transit_with_24_units(inbound, client):
    [shipment] = seeded(inbound, client, "IN_TRANSIT")
    assert shipment.status == "IN_TRANSIT"
    details = inbound.details("MUG-1")
    assert (details["inboundShippedQuantity"], details["totalQuantity"]) == (24, 24)
    inbound.advance(7 * 24 * 3600)  # the clock takes it on, with the usual timings
    assert inbound.shipment(shipment.plan_id, shipment.shipment_id)["status"] == "CLOSED"
    assert inbound.details("MUG-1")["fulfillableQuantity"] == 24
    assert (
        inbound.runtime.store.shared.table(
            __import__("emulator.state.config", fromlist=["CONFIG"]).CONFIG
        ).get("inbound.timings")
        is None
    )


@pytest.mark.parametrize(
    ("status", "bucket"),
    [
        ("WORKING", "inboundWorkingQuantity"),
        ("READY_TO_SHIP", "inboundWorkingQuantity"),
        ("SHIPPED", "inboundShippedQuantity"),
        ("RECEIVING", "inboundReceivingQuantity"),
        ("CLOSED", "fulfillableQuantity"),
    ],
)
def test_any_status_on_the_path(inbound, client, status, bucket):
    [shipment] = seeded(inbound, client, status, units=5)
    assert shipment.status == status
    assert inbound.details("MUG-1")[bucket] == 5


def test_a_plan_only(inbound, client):
    assert seeded(inbound, client, "ACTIVE") == []
    [plan] = inbound.call("GET", "/inbound/fba/2024-03-20/inboundPlans").json()["inboundPlans"]
    assert (plan["name"], plan["status"]) == ("Seeded", "ACTIVE")


def test_a_bad_inbound_entry_fails_the_seed(inbound, client):
    bad = client.post(SEED, json={"inbound": [{"items": {"NOPE": 1}}]})
    assert bad.status_code == 422 and "createInboundPlan failed" in bad.json()["message"]
    assert bad.json()["detail"]["operationProblems"][0]["code"] == "InvalidMSKU"
    wrong = client.post(
        SEED,
        json={
            "inventory": [{"sku": "MUG-1", "quantity": 0}],
            "inbound": [{"items": {"MUG-1": 1}, "status": "LOST"}],
        },
    )
    assert wrong.status_code == 400  # the control document names the statuses
