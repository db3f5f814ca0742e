"""The typed record of one asynchronous operation and the problems it ends with."""

from __future__ import annotations

import enum

from emulator.registry import table
from emulator.state.records import Record, TableSpec


class Severity(enum.StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"


class Problem(Record):
    """Something an operation found: an ERROR fails it, a WARNING lets it succeed."""

    code: str
    message: str
    severity: Severity
    details: str | None = None


class Phase(Record):
    """A status the operation shows from emulator time `starts_at` on, until the next phase or its end."""

    status: str
    starts_at: float


class Job(Record):
    """One accepted request: its kind (the transition that finishes it), what it works on, its phases.

    `subject` names what the operation acts on (an inbound plan id, a report id); `params` carries what
    its finisher needs as plain text values, so the owning API keeps its own records typed.
    """

    job_id: str
    kind: str
    seller_id: str
    subject: str
    phases: tuple[Phase, ...]
    due_at: float
    params: dict[str, str] = {}
    final_status: str | None = None
    finished_at: float | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def finished(self) -> bool:
        return self.final_status is not None

    def status_at(self, now: float) -> str:
        """The final status once finished, else the latest phase that has begun by `now`."""
        if self.final_status is not None:
            return self.final_status
        current = self.phases[0].status
        for phase in self.phases:
            if phase.starts_at <= now:
                current = phase.status
        return current


JOBS = table(TableSpec("jobs", Job))
