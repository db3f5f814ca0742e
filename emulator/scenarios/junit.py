"""JUnit XML for a replay: one testsuite, one testcase per scenario, one failure per failing step."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from emulator.scenarios.results import ScenarioResult


def junit_xml(results: Sequence[ScenarioResult], suite: str = "mcf-emulator scenarios") -> ET.ElementTree:
    """The report as an element tree."""
    failed = sum(not result.passed for result in results)
    root = ET.Element(
        "testsuite",
        name=suite,
        tests=str(len(results)),
        failures=str(failed),
        errors="0",
        time=f"{sum(r.seconds for r in results):.3f}",
    )
    for result in results:
        case = ET.SubElement(
            root, "testcase", classname=str(result.path), name=result.name, time=f"{result.seconds:.3f}"
        )
        if result.error is not None:
            ET.SubElement(case, "failure", message="set-up failed", type="SetupFailed").text = result.error
        for step in result.failures:
            message = f"step {step.index + 1} ({step.label}): {step.differences[0]}"
            ET.SubElement(case, "failure", message=message, type="StepFailed").text = step.report()
    ET.indent(root)
    return ET.ElementTree(root)


def write_junit(results: Sequence[ScenarioResult], path: Path) -> None:
    """Write the report to `path`."""
    junit_xml(results).write(path, encoding="utf-8", xml_declaration=True)
