"""The scenario format: bad files name file, line and field; expectations, captures and substitution;
ids and times are the same for the same seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emulator.scenarios.loader import ScenarioError, discover, library_file, load
from emulator.scenarios.matching import MatchError, capture, difference, substitute
from emulator.scenarios.model import AdvanceStep, CallStep, FaultsStep
from tests.scenarios.support import LIBRARY, replay_on

GOOD = """\
name: tiny
description: one call
seed: 3
start: "2026-02-03T04:05:06Z"
world: {inventory: [{sku: MUG-01, quantity: 5}]}
steps:
  - call: getInventorySummaries
    params: {granularityType: Marketplace, granularityId: ATVPDKIKX0DER, marketplaceIds: [ATVPDKIKX0DER]}
    expect:
      status: 200
      body:
        $.payload.inventorySummaries[0].sellerSku: MUG-01
    capture:
      fnsku: $.payload.inventorySummaries[0].fnSku
  - advance: 1h
  - faults: []
"""


def write(tmp_path: Path, text: str, name: str = "case.scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_good_file_loads_into_typed_steps(tmp_path):
    scenario = load(write(tmp_path, GOOD))
    assert (scenario.name, scenario.seed, scenario.start.isoformat()) == (
        "tiny",
        3,
        "2026-02-03T04:05:06+00:00",
    )
    call, advance, faults = scenario.steps
    assert isinstance(call, CallStep) and call.expect.statuses == (200,)
    assert call.capture == (("fnsku", "$.payload.inventorySummaries[0].fnSku"),)
    assert isinstance(advance, AdvanceStep) and advance.by == "1h"
    assert isinstance(faults, FaultsStep) and faults.rules == ()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("      status: 200", "      status: OK"), ":10: steps[0].expect.status: 'OK'"),
        (("  - advance: 1h", "  - advance: [1]"), ":15: steps[1].advance: [1]"),
        (
            ("    capture:", "    captures:"),
            ":7: steps[0]: Additional properties are not allowed ('captures'",
        ),
        (("seed: 3", "seed: -3"), ":3: seed: -3 is less than the minimum of 0"),
        (("name: tiny\n", ""), ":1: (top level): 'name' is a required property"),
        (('start: "2026-02-03T04:05:06Z"', "start: tomorrow"), ":4: start: not an ISO-8601 date-time"),
        (("  - faults: []", "  - faults: missing.yaml"), ":16: steps[2].faults: cannot read"),
        (("world: {inventory: [{sku: MUG-01, quantity: 5}]}", "world: 12"), ":5: world: 12 is not valid"),
    ],
)
def test_a_bad_file_names_the_file_the_line_and_the_field(tmp_path, change, where):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ScenarioError) as raised:
        load(path)
    assert str(raised.value).startswith(str(path) + where), str(raised.value)


def test_yaml_syntax_errors_name_the_line(tmp_path):
    with pytest.raises(ScenarioError, match=r"case.scenario.yaml:2: not valid YAML"):
        load(write(tmp_path, "name: x\n  description: indented\n"))


def test_discover_finds_scenario_files_in_folders_and_refuses_missing_paths(tmp_path):
    assert len(discover([LIBRARY])) >= 10
    with pytest.raises(ScenarioError, match="no such file"):
        discover([tmp_path / "nope"])


def test_the_schema_is_a_valid_json_schema_shipped_with_the_library():
    schema = json.loads(library_file("scenario.schema.json").read_text())
    assert schema["required"] == ["name", "description", "steps"]
    assert library_file("scenario.schema.json") == LIBRARY / "scenario.schema.json"


DOC = {"payload": {"items": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 5}], "status": "Received"}}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$.payload.status", "Received"),
        ("$.payload.items[*].sku", ["A", "B"]),
        ("$.payload.items[?(@.sku=='B')].qty", 5),
        ("$.payload.status", {"oneOf": ["New", "Received"]}),
        ("$.payload.status", {"matches": "^Rec"}),
        ("$.payload.items", {"length": 2}),
        ("$.payload.items[*].sku", {"contains": "B"}),
        ("$.payload.items[1].qty", {"gte": 5}),
        ("$.payload.missing", {"exists": False}),
        ("$.payload", {"equals": {"items": DOC["payload"]["items"], "status": "Received"}}),
    ],
)
def test_expectations_that_hold(path, expected):
    assert difference(DOC, path, expected) is None


def test_a_failed_expectation_says_what_differed():
    assert difference(DOC, "$.payload.status", "Shipped") == (
        "$.payload.status: expected equals 'Shipped', found 'Received'"
    )
    assert difference(DOC, "$.payload.nope", 1) == "$.payload.nope: expected equals 1, found nothing"
    with pytest.raises(MatchError, match="not a JSONPath"):
        difference(DOC, "$.[", 1)


def test_captures_substitute_keeping_types():
    captured = {"qty": capture(DOC, "$.payload.items[1].qty"), "sku": "B"}
    assert substitute({"n": "${qty}", "label": "${sku}-${qty}", "list": ["${sku}"]}, captured) == {
        "n": 5,
        "label": "B-5",
        "list": ["B"],
    }
    with pytest.raises(MatchError, match=r"\$\{nope\} was never captured"):
        substitute("${nope}", captured)
    with pytest.raises(MatchError, match="nothing at"):
        capture(DOC, "$.payload.none")


def test_the_same_seed_gives_the_same_ids_and_times(tmp_path, catalog):
    from emulator.app import create_app
    from emulator.settings import Settings
    from emulator.testing.server import EmulatorServer

    path = write(tmp_path, GOOD)
    with EmulatorServer(create_app(Settings(strict_responses=True), catalog)) as server:
        first, second = replay_on(server, catalog, path), replay_on(server, catalog, path)
    assert first.passed and second.passed
    assert first.steps[0].exchange == second.steps[0].exchange
    other = write(tmp_path, GOOD.replace("seed: 3", "seed: 4"), "other.scenario.yaml")
    with EmulatorServer(create_app(Settings(strict_responses=True), catalog)) as server:
        third = replay_on(server, catalog, other)
    assert third.steps[0].exchange.response_body != first.steps[0].exchange.response_body
