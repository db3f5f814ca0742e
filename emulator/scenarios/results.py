"""What a scenario run found: one result per step, and the readable report of what failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

_BODY_LIMIT = 2000


@dataclass(frozen=True)
class Exchange:
    """One SP-API call as sent and as answered."""

    method: str
    url: str
    request_body: Any
    status: int
    response_body: Any


@dataclass(frozen=True)
class StepResult:
    """One step: its label, what was exchanged (calls only) and what differed (empty: it passed)."""

    index: int
    label: str
    differences: tuple[str, ...] = ()
    exchange: Exchange | None = None

    @property
    def passed(self) -> bool:
        return not self.differences

    def report(self) -> str:
        """What was sent, what came back, what differed."""
        lines = [f"step {self.index + 1} ({self.label}) failed:"]
        if self.exchange is not None:
            x = self.exchange
            lines.append(f"  sent      {x.method} {x.url}")
            if x.request_body is not None:
                lines.append(f"  body      {_shown(x.request_body)}")
            lines.append(f"  received  {x.status} {_shown(x.response_body)}")
        lines += [f"  differed  {difference}" for difference in self.differences]
        return "\n".join(lines)


@dataclass
class ScenarioResult:
    """A scenario's run: its steps in order; a failing step ends the run."""

    name: str
    path: Path
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None  # the scenario could not be set up

    @property
    def passed(self) -> bool:
        return self.error is None and all(step.passed for step in self.steps)

    @property
    def failures(self) -> list[StepResult]:
        return [step for step in self.steps if not step.passed]

    def report(self) -> str:
        """The readable report of everything that failed (empty when it passed)."""
        head = f"FAILED {self.name} ({self.path})"
        if self.error is not None:
            return f"{head}\n  setup failed: {self.error}"
        if self.passed:
            return ""
        return "\n".join([head, *(step.report() for step in self.failures)])


def _shown(document: Any) -> str:
    text = document if isinstance(document, str) else orjson.dumps(document).decode()
    return text if len(text) <= _BODY_LIMIT else text[:_BODY_LIMIT] + f"... ({len(text)} characters)"
