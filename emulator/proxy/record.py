"""What the proxy saw: counts of calls per operation and every contract finding, with a summary."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

MAX_FINDINGS = 10_000


@dataclass(frozen=True)
class Finding:
    """One contract violation: a request the client got wrong or a response the upstream got wrong."""

    side: str  # "request" or "response"
    operation_id: str | None
    method: str
    path: str
    status: int | None
    problems: tuple[str, ...]

    def line(self) -> str:
        target = self.operation_id or "unknown operation"
        status = f" -> {self.status}" if self.status is not None else ""
        return f"[{self.side}] {self.method} {self.path} ({target}){status}: {'; '.join(self.problems)}"


class ProxyRecord:
    """Thread-safe tally of forwarded calls and findings; kept in memory for the proxy's lifetime."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: Counter[str] = Counter()
        self.findings: list[Finding] = []
        self.upstream_errors = 0

    def call(self, operation_id: str | None) -> None:
        with self._lock:
            self.calls[operation_id or "(unknown)"] += 1

    def add(self, finding: Finding) -> None:
        with self._lock:
            if len(self.findings) < MAX_FINDINGS:
                self.findings.append(finding)

    def upstream_failed(self) -> None:
        with self._lock:
            self.upstream_errors += 1

    def of_side(self, side: str) -> list[Finding]:
        return [f for f in self.findings if f.side == side]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-able report."""
        return {
            "calls": dict(self.calls),
            "upstreamErrors": self.upstream_errors,
            "violations": [asdict(f) for f in self.findings],
        }

    def summary(self) -> str:
        """A human-readable report for the end of a proxy run."""
        total = sum(self.calls.values())
        requests, responses = len(self.of_side("request")), len(self.of_side("response"))
        lines = [
            f"mcf-emulator proxy: {total} call(s) forwarded, {requests} request violation(s), "
            f"{responses} response violation(s), {self.upstream_errors} upstream error(s)"
        ]
        lines += [f"  {name}: {count}" for name, count in sorted(self.calls.items())]
        lines += [f"  {finding.line()}" for finding in self.findings]
        return "\n".join(lines)
