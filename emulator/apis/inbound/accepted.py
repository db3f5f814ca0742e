"""Accepting one of the transport side's asynchronous operations: a job of kind `inbound.<operationId>`.

The job runs `IN_PROGRESS` for the `operation` time of `timings`, then its finisher (bound with
`jobs.finishes(kind(...))`) applies the request. A request's typed content travels to the finisher as
JSON text in the job's params (`carry`/`carried`), so nothing half-applied is visible before `SUCCESS`.
"""

from __future__ import annotations

from typing import TypeVar

import msgspec

from emulator.apis import jobs
from emulator.apis.inbound import timings
from emulator.apis.jobs import Job, Problem, Severity
from emulator.context import Call, Reply

T = TypeVar("T")
PREFIX = "inbound."
REQUEST = "request"


def kind(operation_id: str) -> str:
    """The job kind of an Inbound operation."""
    return PREFIX + operation_id


def accept(call: Call, subject: str, request: object = None, status: int = 202) -> Reply:
    """Start the calling operation's job on `subject` carrying `request`; the reply names its operationId."""
    params = {REQUEST: msgspec.json.encode(request).decode()} if request is not None else {}
    job = jobs.start(
        call,
        kind(call.operation.operation_id),
        subject,
        [("IN_PROGRESS", 0.0)],
        timings.load(call.store).operation,
        params,
    )
    return Reply({"operationId": job.job_id}, status)


def carried(job: Job, kind_of: type[T]) -> T:
    """The request `accept` carried for `job`, typed again."""
    return msgspec.json.decode(job.params[REQUEST], type=kind_of)


def failed(code: str, message: str) -> jobs.Outcome:
    """A FAILED outcome with one ERROR problem."""
    return jobs.Outcome("FAILED", (Problem(code=code, message=message, severity=Severity.ERROR),))


SUCCESS = jobs.Outcome("SUCCESS")
