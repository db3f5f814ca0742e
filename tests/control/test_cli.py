"""The CLI forms of every admin action, run against the live server as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from emulator.cli import main
from tests.control.support import OTHER, V2020, Pinged, Ponged, free_port, order_body, record, summaries


@pytest.fixture
def cli(live, live_url, capsys):
    def run(*argv: str, code: int = 0) -> object:
        capsys.readouterr()
        assert main([*argv, "--url", live_url]) == code
        out = capsys.readouterr().out
        try:
            return json.loads(out)
        except ValueError:
            return out

    return run


def test_health_command(cli):
    assert cli("health")["status"] == "ok"


def test_clock_commands(cli):
    assert cli("clock", "freeze")["frozen"] is True
    before = cli("clock", "show")["now"]
    assert cli("clock", "advance", "2h")["now"] > before
    assert cli("clock", "set", "2031-05-06T07:08:09Z")["now"] == "2031-05-06T07:08:09.000Z"
    assert cli("clock", "run", "--speed", "10")["speed"] == 10


def test_faults_commands(cli, http, auth, tmp_path):
    rule = cli("faults", "add", "--operation", "getInventorySummaries", "--status", "503", "--times", "2")
    assert rule["effect"] == {"type": "error", "status": 503, "code": "ServiceUnavailable"}
    assert [summaries(http, auth).status_code for _ in range(3)] == [503, 503, 200]
    cli("faults", "add", "--latency", "10-20", "--probability", "0.5", "--id", "slow")
    cli("faults", "add", "--method", "GET", "--truncate", "--delay", "5", "--after", "3")
    assert [r["id"] for r in cli("faults", "list")["rules"]] == ["f1", "slow", "f2"]
    cli("faults", "rm", "slow")
    assert len(cli("faults", "list")["rules"]) == 2
    cli("faults", "clear")
    rules = tmp_path / "faults.yaml"
    rules.write_text(yaml.safe_dump({"rules": [{"effect": {"type": "drop"}, "match": {"method": "DELETE"}}]}))
    assert cli("faults", "load", str(rules))["rules"][0]["effect"]["type"] == "drop"


def test_state_and_seed_commands(cli, http, auth, tmp_path):
    world = tmp_path / "world.yaml"
    world.write_text(yaml.safe_dump({"inventory": [{"sku": "MUG-01", "quantity": 9}]}))
    assert "1 inventory" in cli("seed", str(world))
    http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-C"), headers=auth)
    snapshot = tmp_path / "world.json"
    assert cli("state", "export", "-o", str(snapshot))["written"] == str(snapshot)
    assert cli("state", "reset")["reset"] == "all"
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-C", headers=auth).status_code == 404
    assert cli("state", "import", str(snapshot))["restored"] is True
    assert http.get(f"{V2020}/fulfillmentOrders/ORDER-C", headers=auth).status_code == 200
    assert cli("state", "reset", "--seller", "A1MCFEMULATOR1", "--journal")["reset"] == "A1MCFEMULATOR1"


def test_seed_reset_makes_seeding_the_same_world_repeatable(cli, live, live_url, capsys, http, auth):
    world = str(Path(__file__).resolve().parents[2] / "scenarios" / "worlds" / "mcf-starter.yaml")
    assert "4 inventory, 0 inbound, 2 calls" in cli("seed", world)
    capsys.readouterr()
    assert main(["seed", world, "--url", live_url]) == 2  # the SKUs already exist
    assert "createInventoryItem answered 400" in capsys.readouterr().err
    http.post(f"{V2020}/fulfillmentOrders", json=order_body("EXTRA-1", "MUG-01"), headers=auth)
    assert "4 inventory, 0 inbound, 2 calls" in cli("seed", "--reset", world)
    assert http.get(f"{V2020}/fulfillmentOrders/EXTRA-1", headers=auth).status_code == 404
    assert http.get(f"{V2020}/fulfillmentOrders/STARTER-1", headers=auth).status_code == 200


def test_journal_and_rate_limit_commands(cli, http, auth):
    summaries(http, auth)
    entries = cli("journal", "--operation", "getInventorySummaries")["entries"]
    assert len(entries) == 1 and "responseBody" not in entries[0]
    assert "responseBody" in cli("journal", "--bodies")["entries"][0]
    changed = cli(
        "rate-limits",
        "set",
        "--mode",
        "enforce",
        "--override",
        "getFulfillmentPreview=1/3",
        "--sandbox-cap",
        "off",
    )
    assert changed["mode"] == "enforce" and changed["overrides"] == {
        "getFulfillmentPreview": {"rate": 1.0, "burst": 3}
    }
    assert cli("rate-limits", "show")["mode"] == "enforce"


def test_events_command(cli, live):
    record(live, Pinged(note="one"))
    record(live, Ponged(note="two"), OTHER)
    record(live, Pinged(note="three"), OTHER)
    page = cli("events")
    assert [e["data"]["note"] for e in page["events"]] == ["one", "two", "three"]
    assert [e["data"]["note"] for e in cli("events", "--type", "Ponged", "--type", "Pinged")["events"]] == [
        "one",
        "two",
        "three",
    ]
    assert [e["data"]["note"] for e in cli("events", "--type", "Pinged", "--seller", OTHER)["events"]] == [
        "three"
    ]
    first = page["events"][0]["sequence"]
    assert [e["data"]["note"] for e in cli("events", "--after", str(first), "--limit", "1")["events"]] == [
        "three"
    ]


def test_cli_reports_errors_in_one_line(live, live_url, capsys, tmp_path):
    def fails(*argv: str) -> str:
        capsys.readouterr()
        assert main([*argv, "--url", live_url]) == 2
        return capsys.readouterr().err

    assert "UnknownFault" in fails("faults", "rm", "nope")
    assert "answered 400" in fails("clock", "advance", "soon")
    assert "cannot read" in fails("seed", str(tmp_path / "missing.yaml"))
    assert main(["clock", "show", "--url", f"http://127.0.0.1:{free_port()}"]) == 2
    assert "cannot reach the emulator" in capsys.readouterr().err
