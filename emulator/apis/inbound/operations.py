"""Inbound's asynchronous operations: one job each, kind `inbound.<operationId>`, IN_PROGRESS until done.

`begin` refuses a plan that is voided or still busy with another operation, marks it busy and starts
the job; the finisher the operation's module binds with `finishes` runs when the clock reaches the job's
due time, applies the results (so they are visible only after SUCCESS) and frees the plan. `status`
renders any Inbound job for getInboundOperationStatus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from emulator.apis import jobs
from emulator.apis.inbound import timings
from emulator.apis.inbound.records import PLANS, InboundPlan, PlanStatus
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inbound.shipments import require_plan
from emulator.apis.jobs import Job, Outcome, Problem, Severity
from emulator.context import Call
from emulator.errors import NotFound
from emulator.state import TenantState

PREFIX = "inbound."
IN_PROGRESS, SUCCESS, FAILED = "IN_PROGRESS", "SUCCESS", "FAILED"
PlanFinisher = Callable[[TenantState, InboundPlan, Job, float], Outcome]


def start(call: Call, operation: str, subject: str, params: dict[str, str] | None = None) -> Job:
    """Start the job of `operation` on `subject` (a plan or shipment id); it runs `timings.operation`."""
    duration = timings.load(call.store).operation
    return jobs.start(call, PREFIX + operation, subject, [(IN_PROGRESS, 0.0)], duration, params)


def begin(call: Call, plan: InboundPlan, operation: str, params: dict[str, str] | None = None) -> Job:
    """Start `operation` on `plan`, which stays busy (refusing other operations) until it finishes."""
    ensure_open(call.tenant, plan)
    job = start(call, operation, plan.plan_id, params)
    busy = msgspec.structs.replace(plan, busy=job.job_id, updated_at=call.clock.timestamp())
    call.tenant.table(PLANS).put(plan.plan_id, busy)
    return job


def expiry(call: Call) -> dict[str, str]:
    """Job parameters carrying when the options an operation offers will expire (`timings.option_ttl`)."""
    found = timings.load(call.store)
    return {"expiresAt": repr(call.clock.timestamp() + found.operation + found.option_ttl)}


def open_plan(call: Call, plan_id: str) -> InboundPlan:
    """The caller's plan, if a step may be taken on it now (else 400, see `ensure_open`)."""
    plan = require_plan(call.tenant, plan_id)
    ensure_open(call.tenant, plan)
    return plan


def ensure_open(tenant: TenantState, plan: InboundPlan) -> None:
    """400 when the plan can no longer change, or another operation on it is still running."""
    if plan.status is PlanStatus.VOIDED:
        raise bad_request("The inbound plan is cancelled and can no longer be changed.", _about(plan))
    if plan.status is PlanStatus.ERRORED:
        raise bad_request("The inbound plan failed to be created and cannot be changed.", _about(plan))
    running = jobs.find(tenant, plan.busy) if plan.busy else None
    if running is not None and not running.finished:
        operation = running.kind.removeprefix(PREFIX)
        raise bad_request(
            f"Operation {operation} ({running.job_id}) is still in progress on this inbound plan; "
            "poll getInboundOperationStatus until it ends.",
            _about(plan),
        )


def _about(plan: InboundPlan) -> str:
    return f"inboundPlanId={plan.plan_id}"


def on_plan(operation: str) -> Callable[[PlanFinisher], PlanFinisher]:
    """Bind the finisher of `operation`: it gets the plan (freed from `busy` first) or the job FAILS."""

    def bind(finisher: PlanFinisher) -> PlanFinisher:
        @jobs.finishes(PREFIX + operation)
        def finish(tenant: TenantState, job: Job, due: float) -> Outcome:
            plan = tenant.table(PLANS).get(job.subject)
            if plan is None:
                return failed("PlanNotFound", "The inbound plan no longer exists.")
            if plan.busy == job.job_id:
                plan = tenant.table(PLANS).put(plan.plan_id, msgspec.structs.replace(plan, busy=None))
            return finisher(tenant, plan, job, due)

        return finisher

    return bind


def failed(code: str, message: str, details: str | None = None) -> Outcome:
    return Outcome(FAILED, (Problem(code=code, message=message, severity=Severity.ERROR, details=details),))


def warning(code: str, message: str, details: str | None = None) -> Problem:
    return Problem(code=code, message=message, severity=Severity.WARNING, details=details)


def accepted(job: Job, **ids: str) -> dict[str, Any]:
    """The 202 body: the operation's id plus the ids the request created."""
    return {**ids, "operationId": job.job_id}


def status(call: Call, operation_id: str) -> dict[str, Any]:
    """getInboundOperationStatus: any Inbound job of the calling seller; 404 for anything else."""
    job = jobs.find(call.tenant, operation_id)
    if job is None or not job.kind.startswith(PREFIX):
        raise NotFound("The requested operation does not exist.", f"operationId={operation_id}")
    problems = [
        {"code": p.code, "message": p.message, "severity": str(p.severity)} | _details(p.details)
        for p in job.problems
    ]
    return {
        "operation": job.kind.removeprefix(PREFIX),
        "operationId": job.job_id,
        "operationStatus": job.status_at(call.clock.timestamp()),
        "operationProblems": problems,
    }


def _details(details: str | None) -> dict[str, str]:
    return {} if details is None else {"details": details}
