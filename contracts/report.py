"""The volume report: a table per model (requests, failures by check, 5xx, time) and its JUnit form."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from contracts.volume import Tally


def collect(tallies: Iterable[Tally]) -> dict[str, Tally]:
    """Parts of runs (one per test, from any worker) added up per model, sorted by model."""
    models: dict[str, Tally] = {}
    for part in tallies:
        models.setdefault(part.model, Tally(part.model)).add(part)
    return dict(sorted(models.items()))


def _failures(tally: Tally) -> str:
    return ", ".join(f"{check} {count}" for check, count in sorted(tally.failures.items())) or "-"


def table(models: Mapping[str, Tally], examples: int) -> str:
    """The plain-text table, one row per model and a total."""
    rows = [("model", "requests", "unexplained", "explained", "5xx", "seconds", "failures by check")]
    for tally in models.values():
        rows.append(
            (
                tally.model,
                str(tally.requests),
                str(tally.unexplained),
                str(sum(tally.explained.values())),
                str(tally.server_errors),
                f"{tally.seconds:.1f}",
                _failures(tally),
            )
        )
    total = Tally("total")
    for tally in models.values():
        total.add(tally)
    rows.append(
        (
            "total",
            str(total.requests),
            str(total.unexplained),
            str(sum(total.explained.values())),
            str(total.server_errors),
            f"{total.seconds:.1f}",
            "",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [f"contract volume: {examples} examples per operation and phase"]
    for row in rows:
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def junit_xml(models: Mapping[str, Tally]) -> ET.ElementTree:
    """One testsuite per model; one testcase per check that failed there, or one passing case."""
    root = ET.Element("testsuites", name="mcf-emulator contract volume")
    for tally in models.values():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=tally.model,
            tests=str(max(1, len(tally.failures))),
            failures=str(len(tally.failures)),
            errors="0",
            time=f"{tally.seconds:.3f}",
        )
        properties = ET.SubElement(suite, "properties")
        for name, value in (
            ("requests", tally.requests),
            ("server_errors", tally.server_errors),
            ("explained", sum(tally.explained.values())),
        ):
            ET.SubElement(properties, "property", name=name, value=str(value))
        if not tally.failures:
            ET.SubElement(suite, "testcase", classname=tally.model, name="all checks")
        for check, count in sorted(tally.failures.items()):
            case = ET.SubElement(suite, "testcase", classname=tally.model, name=check)
            failure = ET.SubElement(case, "failure", message=f"{count} failures", type=check)
            failure.text = "\n".join(tally.samples.get(check, []))
    ET.indent(root)
    return ET.ElementTree(root)


def write_junit(models: Mapping[str, Tally], path: Path) -> None:
    """Write the JUnit report to `path`."""
    junit_xml(models).write(path, encoding="utf-8", xml_declaration=True)
