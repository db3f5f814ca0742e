"""A seconds-long run of `mcf-emulator bench --smoke`: real processes, tiny worlds, no wrk, no Prism."""

from __future__ import annotations

import pytest

from emulator.bench.report import render
from emulator.bench.scenarios import SCENARIOS
from emulator.bench.suite import Options, Suite
from emulator.catalog import Catalog
from emulator.cli import main


@pytest.fixture(scope="module")
def smoke(catalog: Catalog) -> dict:
    return Suite(Options(models=catalog.models_dir).smoke_sized(), log=lambda line: None).run()


def test_smoke_measures_start_up_and_reset(smoke: dict) -> None:
    assert smoke["cold_start"]["median"] > 0
    assert smoke["reset"]["runtime.reset()"]["runs"] == 5


def test_smoke_world_is_built_by_the_operations_and_every_scenario_succeeds(smoke: dict) -> None:
    emulators = [t for t in smoke["targets"] if t["kind"].startswith("emulator")]
    assert [t["world"]["orders"] for t in emulators] == [3, 20]
    for target in emulators:
        assert target["world"]["outcomes"], target
        assert all(key.endswith((" 200", " 201")) for key in target["world"]["outcomes"]), target["world"]
        assert {name: p["status"] for name, p in target["probe"].items()} == {s.name: 200 for s in SCENARIOS}
        assert 0 < target["rss_mb"] < 1000


def test_smoke_bare_endpoint_answers_what_the_emulator_answered(smoke: dict) -> None:
    emulator, bare = smoke["targets"][0], next(t for t in smoke["targets"] if t["kind"] == "bare")
    assert (
        emulator["probe"]["getInventorySummaries/page"]["bytes"]
        > emulator["probe"]["getInventorySummaries"]["bytes"]
    )
    for name, probe in bare["probe"].items():
        assert probe["status"] == 200
        assert probe["bytes"] == emulator["probe"][name]["bytes"], name


def test_smoke_report_renders(smoke: dict) -> None:
    text = render(smoke)
    assert "cold start" in text and "## targets" in text and "cold start < 1 s" in text


def test_bench_command_explains_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "--connections", "0"])
    assert "connections must be positive" in capsys.readouterr().err
