"""Replaying many scenarios with a live progress display (rich): one bar over every step."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from emulator.scenarios.engine import run
from emulator.scenarios.model import Scenario
from emulator.scenarios.results import ScenarioResult, StepResult
from emulator.scenarios.target import HttpTarget


def replay_all(target: HttpTarget, scenarios: Sequence[Scenario], console: Console) -> list[ScenarioResult]:
    """Run every scenario in order on `target`, showing progress; one line per finished scenario."""
    results = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("scenarios", total=sum(len(s.steps) for s in scenarios))
        for scenario in scenarios:
            progress.update(task, description=scenario.name)

            def advanced(step: StepResult) -> None:
                progress.advance(task)

            result = run(target, scenario, advanced)
            progress.advance(task, len(scenario.steps) - len(result.steps))
            mark = "[green]passed[/]" if result.passed else "[red]FAILED[/]"
            progress.console.print(
                f"{mark} {scenario.name}  ({len(result.steps)} steps, {result.seconds:.2f} s)"
            )
            results.append(result)
    return results
