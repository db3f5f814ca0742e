"""Contract violations: responses that break the model, and internal failures the edge answered with 500.

The edge records them; test harnesses read them and fail the test that caused them. Strict mode
(`--strict-responses`) checks every response body before it is sent and turns a violation into a 500.
Without it one response in `SAMPLE_EVERY` is checked: a violation is still sent as it is, but it is
logged as an error, recorded and counted in `/_emulator/health`, so a default `serve` never hides one.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from emulator.catalog import Operation
from emulator.edge.validation import ResponseChecker

CAPACITY = 1000  # newest violations kept
SAMPLE_EVERY = 10  # without strict mode, one response in this many is checked

log = logging.getLogger("mcf_emulator")


@dataclass(frozen=True, slots=True)
class Violation:
    """One response the emulator should not have sent (or did not manage to produce)."""

    request_id: str
    operation_id: str | None
    status: int
    problems: tuple[str, ...]

    def describe(self) -> dict[str, Any]:
        """The JSON-able form."""
        return {
            "requestId": self.request_id,
            "operationId": self.operation_id,
            "status": self.status,
            "problems": list(self.problems),
        }


class Violations:
    """The newest violations, oldest first, and the strict-mode response check that finds most of them."""

    def __init__(self, strict: bool, capacity: int = CAPACITY, sample_every: int = SAMPLE_EVERY) -> None:
        self.strict = strict
        self.sample_every = 1 if strict else sample_every
        self.checked = 0  # responses checked
        self.total = 0  # violations recorded, including those already taken
        self._seen = 0
        self._checker = ResponseChecker()
        self._found: deque[Violation] = deque(maxlen=capacity)

    def record(self, request_id: str, op: Operation | None, status: int, problems: list[str]) -> None:
        self.total += 1
        self._found.append(Violation(request_id, op.operation_id if op else None, status, tuple(problems)))

    def check(self, op: Operation, status: int, body: Any, request_id: str) -> list[str]:
        """The ways `body` breaks the model, each recorded; [] when it conforms or is not sampled.

        Only strict mode's problems should stop the response; sampled ones are logged here."""
        self._seen += 1
        if self._seen % self.sample_every:
            return []
        self.checked += 1
        problems = self._checker.problems(op, status, body)
        if problems:
            self.record(request_id, op, status, problems)
            if not self.strict:
                log.error(
                    "RESPONSE VIOLATES THE MODEL: %s %s (%s): %s",
                    op.operation_id,
                    status,
                    request_id,
                    problems,
                )
        return problems if self.strict else []

    def describe(self) -> dict[str, Any]:
        """How responses are checked and what was found, for `/_emulator/health`."""
        return {
            "mode": "strict" if self.strict else "sampled",
            "checkEvery": self.sample_every,
            "checked": self.checked,
            "violations": self.total,
        }

    def take(self) -> list[Violation]:
        """Every recorded violation, forgotten as it is handed over."""
        found = list(self._found)
        self._found.clear()
        return found

    def clear(self) -> None:
        self._found.clear()

    def __iter__(self) -> Iterator[Violation]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)
