"""Running one scenario against a target: set the world up, then run the steps in order.

A step fails when a call's answer differs from its expectations (or a control action is refused);
the first failing step ends the scenario, since later steps build on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from emulator.scenarios.matching import MatchError, capture, difference, substitute
from emulator.scenarios.model import AdvanceStep, CallStep, FaultsStep, RateLimitsStep, Scenario, Step
from emulator.scenarios.results import ScenarioResult, StepResult
from emulator.scenarios.target import HttpTarget, TargetError

#: Called after each step (for a progress display).
StepObserver = Callable[[StepResult], None]
#: Throttling at the start of every scenario, before its own `rateLimits`.
DEFAULT_RATE_LIMITS = {"mode": "report", "sandboxCap": False, "headerOn429": False, "overrides": {}}


def set_up(target: HttpTarget, scenario: Scenario) -> None:
    """A fresh world: seed and clock of the scenario, throttling, the world document, then the faults."""
    target.start_over(scenario.seed, scenario.start, scenario.speed)
    target.configure_rate_limits(DEFAULT_RATE_LIMITS | scenario.rate_limits)
    target.seed(scenario.world)
    target.replace_faults(list(scenario.faults))


def run(target: HttpTarget, scenario: Scenario, observe: StepObserver | None = None) -> ScenarioResult:
    """Run `scenario` on `target` and return what every step found."""
    began = time.monotonic()
    result = ScenarioResult(scenario.name, scenario.path)
    try:
        set_up(target, scenario)
    except TargetError as error:
        result.error = str(error)
        result.seconds = time.monotonic() - began
        return result
    captured: dict[str, Any] = {}
    for index, step in enumerate(scenario.steps):
        outcome = _run_step(target, index, step, captured)
        result.steps.append(outcome)
        if observe is not None:
            observe(outcome)
        if not outcome.passed:
            break
    result.seconds = time.monotonic() - began
    return result


def _run_step(target: HttpTarget, index: int, step: Step, captured: dict[str, Any]) -> StepResult:
    try:
        if isinstance(step, CallStep):
            return _call(target, index, step, captured)
        if isinstance(step, AdvanceStep):
            target.advance(step.by)
        elif isinstance(step, FaultsStep):
            target.replace_faults(substitute(list(step.rules), captured))
        elif isinstance(step, RateLimitsStep):
            target.configure_rate_limits(step.settings)
    except (TargetError, MatchError) as error:
        return StepResult(index, step.label, (str(error),))
    return StepResult(index, step.label)


def _call(target: HttpTarget, index: int, step: CallStep, captured: dict[str, Any]) -> StepResult:
    exchange = target.call(
        step.operation_id,
        substitute(step.params, captured),
        substitute(step.body, captured),
        substitute(step.refresh_token, captured),
        step.renew_token,
    )
    differences = []
    wanted = step.expect.statuses
    if exchange.status not in wanted if wanted else not 200 <= exchange.status < 300:
        differences.append(
            f"status: expected {' or '.join(map(str, wanted)) or '2xx'}, got {exchange.status}"
        )
    for path, expected in step.expect.body:
        try:
            found = difference(exchange.response_body, path, substitute(expected, captured))
        except MatchError as error:
            found = str(error)
        if found:
            differences.append(found)
    if not differences:
        for name, path in step.capture:
            try:
                captured[name] = capture(exchange.response_body, path)
            except MatchError as error:
                differences.append(f"capture {name}: {error}")
    return StepResult(index, step.label, tuple(differences), exchange)
