"""Counting a contract run: requests sent, failures by check, explained rejections, server errors, time.

A `Meter` validates each response with the suite's full check set without stopping at the first
failure, so a run at N examples per operation sends all of them; each failure is counted under its
check, or as explained when `allowances.py` declares the rejection. The test that owns the meter fails
at its end when anything is left unexplained. Tallies travel as JSON in pytest's `user_properties`, so
runs split over xdist workers add up in the controller.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from schemathesis.core.failures import Failure, FailureGroup

from contracts.allowances import error_of, explain
from contracts.checks import CHECKS

PROPERTY = "contract-tally"
_SAMPLES = 8  # distinct example messages kept per failing check


@dataclass
class Tally:
    """What one model's run (or a part of it) sent and found."""

    model: str
    requests: int = 0
    server_errors: int = 0
    seconds: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)
    explained: Counter[str] = field(default_factory=Counter)
    samples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def unexplained(self) -> int:
        return sum(self.failures.values())

    def add(self, other: Tally) -> None:
        """Fold another part of the same model's run into this one."""
        self.requests += other.requests
        self.server_errors += other.server_errors
        self.seconds += other.seconds
        self.failures.update(other.failures)
        self.explained.update(other.explained)
        for check, messages in other.samples.items():
            kept = self.samples.setdefault(check, [])
            kept.extend(messages[: _SAMPLES - len(kept)])

    def to_json(self) -> str:
        return orjson.dumps(self.__dict__).decode()

    @classmethod
    def from_json(cls, text: str) -> Tally:
        data = orjson.loads(text)
        return cls(
            model=data["model"],
            requests=data["requests"],
            server_errors=data["server_errors"],
            seconds=data["seconds"],
            failures=Counter(data["failures"]),
            explained=Counter(data["explained"]),
            samples=data["samples"],
        )


def _failures_in(error: BaseException) -> list[Failure]:
    if isinstance(error, FailureGroup):
        return list(error.exceptions)
    return [error] if isinstance(error, Failure) else []


def _describe(operation_id: str, response: Any, failure: Failure) -> str:
    code, message = error_of(response.content)
    answer = f" {code}: {message[:160]}" if code else ""
    found = failure.message.splitlines()[0]
    return f"{operation_id} {response.status_code}{answer} [{failure.title}: {found}]"


def check_name(failure: Failure) -> str:
    """The check that reported a failure (custom SP-API checks report under their function name)."""
    return failure.checks[0] if failure.checks else failure.title


class Meter:
    """Validates and counts every response of one test; `close` says what was left unexplained."""

    def __init__(self) -> None:
        self.tally = Tally("")
        self._started = time.perf_counter()

    def validate(
        self, model: str, case: Any, response: Any, checks: list[Any] = CHECKS, **kwargs: Any
    ) -> None:
        """Run the check set (the full one by default) on one response of `model` and count what it
        finds, raising nothing."""
        tally = self.tally
        tally.model = model
        tally.requests += 1
        if response.status_code >= 500:
            tally.server_errors += 1
        try:
            case.validate_response(response, checks=checks, **kwargs)
        except (Failure, FailureGroup) as error:
            operation_id = case.operation.definition.raw["operationId"]
            for failure in _failures_in(error):
                name = check_name(failure)
                if failure.code == "ST202" and explain(operation_id, response.content):
                    tally.explained[name] += 1
                    continue
                tally.failures[name] += 1
                kept = tally.samples.setdefault(name, [])
                sample = _describe(operation_id, response, failure)
                if len(kept) < _SAMPLES and sample not in kept:
                    kept.append(sample)

    def close(self) -> Tally:
        """The tally, with the time the test took."""
        self.tally.seconds = time.perf_counter() - self._started
        return self.tally

    def verdict(self) -> str | None:
        """What the test that owns this meter must fail with, or None."""
        tally = self.tally
        if not tally.unexplained:
            return None
        lines = [f"{tally.unexplained} unexplained contract failures on {tally.model}:"]
        for check, count in tally.failures.most_common():
            lines.append(f"  {check}: {count}")
            lines.extend(f"    {sample}" for sample in tally.samples.get(check, []))
        return "\n".join(lines)
