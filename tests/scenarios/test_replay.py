"""`mcf-emulator replay` and the pytest plugin run the same scenario files through the same engine."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from emulator.app import create_app
from emulator.cli import main
from emulator.scenarios.loader import discover, load
from emulator.settings import Settings
from emulator.testing.server import EmulatorServer
from tests.scenarios.support import LIBRARY

FAILING = """\
name: failing
description: two steps pass, the third expects the wrong status
world: {inventory: [{sku: MUG-01, quantity: 1}]}
steps:
  - call: getInventorySummaries
    params: {granularityType: Marketplace, granularityId: ATVPDKIKX0DER, marketplaceIds: [ATVPDKIKX0DER]}
  - advance: 1d
  - call: getFulfillmentOrder
    params: {sellerFulfillmentOrderId: NOPE}
    expect:
      status: 200
      body: {$.payload.fulfillmentOrder.fulfillmentOrderStatus: Complete}
"""


@pytest.fixture(autouse=True)
def _models(catalog, monkeypatch):
    monkeypatch.setenv("MCF_EMULATOR_MODELS", str(catalog.models_dir.resolve()))


def test_replay_of_the_library_passes_and_the_junit_report_lists_every_scenario(tmp_path, capsys):
    report = tmp_path / "report.xml"
    assert main(["replay", str(LIBRARY), "--junit", str(report)]) == 0
    out = capsys.readouterr().out
    names = sorted(load(path).name for path in discover([LIBRARY]))
    assert f"{len(names)} passed, 0 failed" in out
    suite = ET.parse(report).getroot()
    assert suite.get("tests") == str(len(names)) and suite.get("failures") == "0"
    assert sorted(case.get("name") for case in suite.iter("testcase")) == names


def test_a_failing_step_is_reported_readably_with_a_junit_failure_and_exit_1(tmp_path, capsys):
    (tmp_path / "bad.scenario.yaml").write_text(FAILING)
    (tmp_path / "broken.scenario.yaml").write_text("name: broken\n")
    report = tmp_path / "report.xml"
    assert main(["replay", str(tmp_path), "--junit", str(report)]) == 1
    out = capsys.readouterr().out
    assert "step 3 (getFulfillmentOrder) failed:" in out
    assert "sent      GET http://127.0.0.1:" in out and "/fulfillmentOrders/NOPE" in out
    assert "received  404 " in out
    assert "differed  status: expected 200, got 404" in out
    assert (
        "$.payload.fulfillmentOrder.fulfillmentOrderStatus: expected equals 'Complete', found nothing" in out
    )
    assert "broken.scenario.yaml:1: (top level): 'description' is a required property" in out
    assert "0 passed, 2 failed" in out
    cases = {case.get("name"): case for case in ET.parse(report).getroot().iter("testcase")}
    assert set(cases) == {"failing", "broken"}
    assert len(cases["failing"].findall("failure")) == 1
    assert cases["failing"].find("failure").get("message").startswith("step 3 (getFulfillmentOrder): status")


def test_replay_against_a_running_emulator_with_an_admin_token(catalog, capsys):
    app = create_app(Settings(strict_responses=True, admin_token="t0ken"), catalog)
    happy = str(LIBRARY / "happy-path-2020.scenario.yaml")
    with EmulatorServer(app) as server:
        assert main(["replay", happy, "--target", server.url]) == 1
        assert "answered 401" in capsys.readouterr().out
        assert main(["replay", happy, "--target", server.url, "--admin-token", "t0ken"]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


def test_replay_with_nothing_to_run_says_so(tmp_path, capsys):
    assert main(["replay", str(tmp_path)]) == 2
    assert "no *.scenario.yaml files found" in capsys.readouterr().out


def test_the_plugin_collects_scenario_files_as_tests(pytester):
    pytester.makefile(".scenario.yaml", good=(LIBRARY / "happy-path-2020.scenario.yaml").read_text())
    pytester.makefile(".scenario.yaml", bad=FAILING)
    worlds = pytester.mkdir("worlds")
    (worlds / "mcf-starter.yaml").write_text((LIBRARY / "worlds" / "mcf-starter.yaml").read_text())
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*step 3 (getFulfillmentOrder) failed:*", "*differed  status: expected 200, got 404*"]
    )
