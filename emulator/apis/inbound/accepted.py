"""Accepting one of the transport side's asynchronous operations, with its request carried to the finisher.

`accept` starts the calling operation's job (`operations.start`: kind `inbound.<operationId>`) and answers
its operationId. The request's typed content travels to the finisher as JSON text in the job's params
(`carried` types it again), so nothing of it is visible before the operation succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import msgspec

from emulator.apis import jobs
from emulator.apis.inbound import operations
from emulator.apis.jobs import Job, Outcome
from emulator.context import Call, Reply
from emulator.state import TenantState

T = TypeVar("T")
REQUEST = "request"
DONE = Outcome(operations.SUCCESS)
Finisher = Callable[[TenantState, Job, float], Outcome]


def start(call: Call, subject: str, request: object) -> Job:
    """Start the calling operation on `subject`, carrying `request`."""
    params = {REQUEST: msgspec.json.encode(request).decode()}
    return operations.start(call, call.operation.operation_id, subject, params)


def accept(call: Call, subject: str, request: object, status: int = 202) -> Reply:
    """Start the calling operation on `subject` carrying `request`; the reply names its operationId."""
    return Reply(operations.accepted(start(call, subject, request)), status)


def carried(job: Job, kind_of: type[T]) -> T:
    """The request `accept` carried for `job`, typed again."""
    return msgspec.json.decode(job.params[REQUEST], type=kind_of)


def finishes(operation_id: str) -> Callable[[Finisher], Finisher]:
    """Bind the finisher of an Inbound operation (`jobs.finishes` on its kind)."""
    return jobs.finishes(operations.PREFIX + operation_id)
