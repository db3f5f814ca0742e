"""What the operator chooses at start: `--faults FILE`, `--state`, and the always-open health endpoint."""

from __future__ import annotations

import argparse

import pytest
import yaml
from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.cli import build_parser
from emulator.cli.serve import state_spec
from emulator.errors import EmulatorError
from emulator.settings import Settings
from tests.control.support import Pinged


def test_faults_file_installs_rules_at_start(catalog, tmp_path):
    rules = tmp_path / "faults.yaml"
    rules.write_text(
        yaml.safe_dump(
            {
                "rules": [
                    {
                        "id": "boom",
                        "match": {"operationId": "getInventorySummaries"},
                        "effect": {"type": "error", "status": 500},
                    }
                ]
            }
        )
    )
    app = create_app(Settings(seed=3, faults_file=rules), catalog)
    with TestClient(app) as client:
        assert [r["id"] for r in client.get("/_emulator/faults").json()["rules"]] == ["boom"]


@pytest.mark.parametrize("content", ["[{effect: {type: nope}}]", "rules: 5", "{not: [valid"])
def test_a_bad_faults_file_stops_start_with_an_operator_error(catalog, tmp_path, content):
    rules = tmp_path / "faults.yaml"
    rules.write_text(content)
    with pytest.raises(EmulatorError, match="--faults"):
        create_app(Settings(seed=3, faults_file=rules), catalog)


def test_state_option_is_checked(tmp_path):
    assert state_spec("memory") == "memory"
    assert state_spec(f"sqlite:{tmp_path}/x.db") == f"sqlite:{tmp_path}/x.db"
    for bad in ("redis:x", "sqlite:", f"sqlite:{tmp_path}/missing/x.db"):
        with pytest.raises(argparse.ArgumentTypeError):
            state_spec(bad)
    with pytest.raises(ValueError):
        Settings(state="postgres")


def test_health_and_coverage_over_http(http):
    health = http.get("/_emulator/health").json()
    assert health["status"] == "ok" and health["state"] == "memory" and health["rateLimits"] == "report"
    coverage = http.get("/_emulator/coverage").json()
    assert coverage["total"] == 102 and coverage["implemented"] >= 4


def test_an_unreadable_state_file_stops_start_with_an_operator_error(catalog, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database " * 100)
    with pytest.raises(EmulatorError, match="cannot load the state"):
        create_app(Settings(seed=3, state=f"sqlite:{bad}"), catalog)


def test_sqlite_state_survives_a_new_emulator_on_the_same_file(catalog, tmp_path):
    settings = Settings(seed=3, state=f"sqlite:{tmp_path / 'w.db'}")
    first = create_app(settings, catalog)
    with TestClient(first) as client:
        client.post(
            "/_emulator/seed", json={"sellers": [{"sellerId": "A2KEPT", "refreshToken": "Atzr|kept"}]}
        )
        client.post("/_emulator/clock/freeze")
        client.post("/_emulator/clock/set", json={"to": "2030-01-01T00:00:00Z"})
    first.runtime.durable.close()
    second = create_app(settings, catalog)
    assert second.runtime.accounts.seller("A2KEPT") is not None
    assert second.runtime.accounts.refresh_token("Atzr|kept").seller_id == "A2KEPT"
    assert second.runtime.clock.describe()["now"] == "2030-01-01T00:00:00.000Z"
    assert second.runtime.clock.frozen


def test_event_retention_keeps_only_the_newest_events(catalog):
    app = create_app(Settings(seed=3, event_retention=2), catalog)
    tenant = app.runtime.store.tenant("A1MCFEMULATOR1")
    for note in ("one", "two", "three"):
        tenant.record(0.0, Pinged(note=note))
    with TestClient(app) as client:
        page = client.get("/_emulator/events").json()
    assert [e["data"]["note"] for e in page["events"]] == ["two", "three"] and page["lastSequence"] == 3


def test_serve_takes_the_event_retention():
    args = build_parser().parse_args(["serve", "--event-retention", "50"])
    assert args.event_retention == 50
