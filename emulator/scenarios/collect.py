"""The pytest plugin's side of scenarios: every `*.scenario.yaml` pytest visits becomes one test that
runs the file through the same engine as `mcf-emulator replay`, on the session's emulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from emulator.scenarios.engine import run
from emulator.scenarios.loader import ScenarioError, load
from emulator.scenarios.model import Scenario
from emulator.scenarios.target import HttpTarget

if TYPE_CHECKING:
    from emulator.testing.handle import EmulatorHandle


def _scenario_test(scenario: Scenario) -> Callable[[EmulatorHandle], None]:
    def test_scenario(spapi_emulator: EmulatorHandle) -> None:
        target = HttpTarget(spapi_emulator.url, spapi_emulator.runtime.catalog)
        throttling = target.admin("GET", "/rate-limits")
        try:
            result = run(target, scenario)
        finally:
            target.configure_rate_limits(throttling)  # the handle's reset leaves throttling as it is
            target.close()
        if not result.passed:
            pytest.fail(result.report(), pytrace=False)

    test_scenario.__doc__ = scenario.description
    return test_scenario


class ScenarioFile(pytest.File):
    """One scenario file: a test named after the scenario, or a collection error naming file and line."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            scenario = load(self.path)
        except ScenarioError as error:
            raise self.CollectError(str(error)) from None
        yield pytest.Function.from_parent(self, name=scenario.name, callobj=_scenario_test(scenario))
