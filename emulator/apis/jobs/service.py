"""Start, finish and cancel asynchronous operations.

    @finishes("reports.generate")
    def generate(tenant, job, due) -> Outcome: ...

    job = start(call, "reports.generate", subject=report_id, phases=[("IN_QUEUE", 0), ("IN_PROGRESS", 5)],
                duration=30)

`begin` does the same for a job its caller built (a clock-driven transition has no call to start from).

`start` stores the job and schedules its kind's transition `duration` seconds of emulator time later. When
the clock reaches it, the finisher decorated with `finishes(kind)` decides the outcome (and applies the
operation's results in the same step); the job keeps its final status, finish time and problems. A job
cancelled before then is not finished again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import msgspec

from emulator.apis.jobs.records import JOBS, Job, Phase, Problem
from emulator.context import Call
from emulator.registry import transition
from emulator.state import Store, TenantState


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a finished operation ends: its final status and what it found."""

    status: str
    problems: tuple[Problem, ...] = ()


Finisher = Callable[[TenantState, Job, float], Outcome]


def start(
    call: Call,
    kind: str,
    subject: str,
    phases: Iterable[tuple[str, float]],
    duration: float,
    params: dict[str, str] | None = None,
) -> Job:
    """Accept an operation now: phases are (status, seconds after now); it finishes `duration` seconds on."""
    job = Job(
        job_id=call.ids.uuid(),
        kind=kind,
        seller_id=call.seller_id,
        subject=subject,
        phases=(),
        due_at=0.0,
        params=params or {},
    )
    return begin(call.store, job, call.clock.timestamp(), phases, duration)


def begin(store: Store, job: Job, now: float, phases: Iterable[tuple[str, float]], duration: float) -> Job:
    """Accept `job` at emulator time `now` where no call is at hand (a clock-driven transition starts it):
    its phases and due time are set from `now`, it is stored and its kind's transition scheduled."""
    job = msgspec.structs.replace(
        job,
        phases=tuple(Phase(status=status, starts_at=now + after) for status, after in phases),
        due_at=now + duration,
    )
    store.tenant(job.seller_id).table(JOBS).put(job.job_id, job)
    store.scheduler.schedule(job.due_at, job.kind, job.seller_id, {"job_id": job.job_id})
    return job


def find(tenant: TenantState, job_id: str) -> Job | None:
    return tenant.table(JOBS).get(job_id)


def cancel(tenant: TenantState, job: Job, now: float, status: str) -> Job:
    """End `job` now with `status` (the caller has checked that its API allows cancelling it)."""
    ended = msgspec.structs.replace(job, final_status=status, finished_at=now)
    return tenant.table(JOBS).put(job.job_id, ended)


def finishes(kind: str) -> Callable[[Finisher], Finisher]:
    """Bind the finisher of `kind`: it runs once, at the job's due time, unless the job ended before."""

    def bind(finisher: Finisher) -> Finisher:
        def finish(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
            tenant = store.tenant(seller_id)
            job = find(tenant, str(payload["job_id"]))
            if job is None or job.finished:
                return
            outcome = finisher(tenant, job, due)
            done = msgspec.structs.replace(
                job, final_status=outcome.status, finished_at=due, problems=outcome.problems
            )
            tenant.table(JOBS).put(job.job_id, done)

        transition(kind)(finish)
        return finisher

    return bind
