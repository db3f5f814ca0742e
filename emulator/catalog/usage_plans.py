"""Default usage plans (rate, burst) read from each operation's Markdown description."""

from __future__ import annotations

import re

from emulator.catalog.operation import UsagePlan

# Two table layouts occur: `| Rate | Burst |` and `| Plan type | Rate | Burst |` (the `Default` row is used).
_PLAN = re.compile(
    r"\|\s*(?:Plan type\s*\|\s*)?Rate \(requests per second\)\s*\|\s*Burst\s*\|\s*\n"
    r"(?:\|[\s-]+)+\|\s*\n"
    r"\|\s*(?:Default\s*\|\s*)?([^|]+?)\s*\|\s*([^|]+?)\s*\|"
)


def parse_usage_plan(description: str) -> UsagePlan | None:
    """The plan in `description`, or None when it has none or only placeholders (`n | n`)."""
    match = _PLAN.search(description.replace("\\n", "\n"))
    if not match:
        return None
    try:
        return UsagePlan(rate=float(match.group(1)), burst=int(float(match.group(2))))
    except ValueError:
        return None
