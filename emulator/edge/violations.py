"""Contract violations: responses that break the model, and internal failures the edge answered with 500.

The edge records them; test harnesses read them and fail the test that caused them. Strict mode
(`--strict-responses`) checks every response body before it is sent.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from emulator.catalog import Operation
from emulator.edge.validation import ResponseChecker

CAPACITY = 1000  # newest violations kept


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

    def __init__(self, strict: bool, capacity: int = CAPACITY) -> None:
        self.strict = strict
        self._checker = ResponseChecker()
        self._found: deque[Violation] = deque(maxlen=capacity)

    def record(self, request_id: str, op: Operation | None, status: int, problems: list[str]) -> None:
        self._found.append(Violation(request_id, op.operation_id if op else None, status, tuple(problems)))

    def check(self, op: Operation, status: int, body: Any, request_id: str) -> list[str]:
        """Strict mode: the ways `body` breaks the model, each recorded; always [] otherwise."""
        if not self.strict:
            return []
        problems = self._checker.problems(op, status, body)
        if problems:
            self.record(request_id, op, status, problems)
        return problems

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
