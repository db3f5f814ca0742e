"""What the operator chooses at start: `--faults FILE`, `--state`, and the always-open health endpoint."""

from __future__ import annotations

import argparse

import pytest
import yaml
from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.cli.serve import state_spec
from emulator.errors import EmulatorError
from emulator.settings import Settings


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
