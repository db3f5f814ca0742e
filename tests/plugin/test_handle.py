"""The handle used directly through the plugin's fixtures: snapshots, fault files, violations check."""

from __future__ import annotations

import pytest

from emulator.state.events import DomainEvent
from emulator.testing import ContractViolation

US = "ATVPDKIKX0DER"
QUERY = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}
SUMMARIES = "/fba/inventory/v1/summaries"


def skus(client):
    summaries = client.get(SUMMARIES, params=QUERY).json()["payload"]["inventorySummaries"]
    return [s["sellerSku"] for s in summaries]


def test_snapshot_and_restore_round_trip(spapi_emulator, spapi_client):
    spapi_emulator.seed({"inventory": [{"sku": "KEEP", "quantity": 1}]})
    saved = spapi_emulator.snapshot()
    spapi_emulator.seed({"inventory": [{"sku": "LATER", "quantity": 1}]})
    assert skus(spapi_client) == ["KEEP", "LATER"]
    spapi_emulator.restore(saved)
    assert skus(spapi_client) == ["KEEP"]


def test_faults_from_a_yaml_file_apply_only_inside_the_block(spapi_emulator, spapi_client, tmp_path):
    rules = tmp_path / "faults.yaml"
    rules.write_text(
        "rules:\n  - match: {operationId: getInventorySummaries}\n    effect: {type: error, status: 500}\n"
    )
    with spapi_emulator.faults(rules) as added:
        assert [rule["id"] for rule in added]
        assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 500
    assert spapi_client.get(SUMMARIES, params=QUERY).status_code == 200
    assert spapi_emulator.violations() == []  # injected faults are not contract violations


def test_check_reports_and_forgets_recorded_violations(spapi_emulator):
    spapi_emulator.app.edge.violations.record("req-1", None, 500, ["made up for this test"])
    with pytest.raises(ContractViolation, match="made up for this test"):
        spapi_emulator.check()
    spapi_emulator.check()


class Pinged(DomainEvent):
    """A test-only fact."""

    note: str


class Ponged(DomainEvent):
    """Another test-only fact."""

    note: str


def test_events_filter_by_type_or_class_and_seller(spapi_emulator):
    store, now = spapi_emulator.runtime.store, spapi_emulator.runtime.clock.timestamp()
    store.tenant("A1MCFEMULATOR1").record(now, Pinged(note="mine"))
    store.tenant("A2OTHER").record(now, Pinged(note="theirs"))
    store.tenant("A1MCFEMULATOR1").record(now, Ponged(note="pong"))
    assert [e.event for e in spapi_emulator.events(type=Pinged)] == [
        Pinged(note="mine"),
        Pinged(note="theirs"),
    ]
    assert [e.event.note for e in spapi_emulator.events(type="Pinged", seller="A2OTHER")] == ["theirs"]
    assert [e.type for e in spapi_emulator.events(type=[Ponged, "Pinged"], seller="A1MCFEMULATOR1")] == [
        "Pinged",
        "Ponged",
    ]
    first = spapi_emulator.events()[0].sequence
    assert [e.event.note for e in spapi_emulator.events(after=first)] == ["theirs", "pong"]
    spapi_emulator.reset()
    assert spapi_emulator.events() == []
