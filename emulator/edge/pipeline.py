"""THE request path of every SP-API call, as one ordered list of steps.

    request id -> route -> authenticate -> inject fault -> rate limit -> validate request -> dispatch
    -> validate response -> mark stale

then delivery (`edge/delivery.py`, where delivery faults act) and the journal tap (`edge/journal.py`).

Each step takes the `Exchange` (what is known about this request so far) and the `Runtime`, and
either fills in more of the exchange or raises an SpApiError, which ends the pipeline and is sent
in SP-API's error envelope. Nothing else in the emulator touches HTTP for SP-API paths.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from emulator.context import Call, Caller, Reply
from emulator.edge import auth
from emulator.edge.delivery import deliver
from emulator.edge.fault_engine import inject_fault, mark_stale
from emulator.edge.http import encode, error_body, read_body
from emulator.errors import InternalFailure, NotImplementedOperation, SpApiError
from emulator.state.clock import iso

if TYPE_CHECKING:
    from emulator.catalog import Operation
    from emulator.edge.faults import Injection
    from emulator.runtime import Runtime

log = logging.getLogger("mcf_emulator")
RATE_HEADER = "x-amzn-RateLimit-Limit"
SERVICE_ID_HEADER = "x-amzn-fulfillment-service-id"


class Exchange:
    """One SP-API request and, as the steps run, its operation, caller, inputs and response."""

    __slots__ = (
        "method",
        "raw_path",
        "query_string",
        "headers",
        "body_bytes",
        "body_too_large",
        "request_id",
        "operation",
        "path_params",
        "caller",
        "rate_limit",
        "params",
        "body",
        "status",
        "response",
        "response_headers",
        "faults",
        "injection",
        "started",
    )

    def __init__(
        self,
        method: str,
        raw_path: str,
        query_string: bytes,
        headers: dict[str, str],
        body_bytes: bytes,
        body_too_large: bool,
    ) -> None:
        self.method = method
        self.raw_path = raw_path
        self.query_string = query_string
        self.headers = headers
        self.body_bytes = body_bytes
        self.body_too_large = body_too_large
        self.request_id = ""
        self.operation: Operation | None = None
        self.path_params: dict[str, str] = {}
        self.caller: Caller | None = None
        self.rate_limit: str | None = None
        self.params: dict[str, Any] = {}
        self.body: Any = None
        self.status = 200
        self.response: Any = None
        self.response_headers: dict[str, str] = {}
        self.faults: list[str] = []
        self.injection: Injection | None = None
        self.started = time.perf_counter()


def assign_request_id(x: Exchange, rt: Runtime) -> None:
    x.request_id = rt.ids.uuid()


def route(x: Exchange, rt: Runtime) -> None:
    x.operation, x.path_params = rt.router.match(x.method, x.raw_path)


def authenticate(x: Exchange, rt: Runtime) -> None:
    assert x.operation is not None
    x.caller = auth.authenticate(
        x.operation, x.headers.get("x-amz-access-token"), rt.accounts, rt.clock.timestamp()
    )


def rate_limit(x: Exchange, rt: Runtime) -> None:
    op, caller = x.operation, x.caller
    assert op is not None and caller is not None
    x.rate_limit = rt.limiter.admit(
        op.operation_id,
        op.usage_plan,
        caller.application_id or caller.client_id,
        caller.seller_id,
        rt.clock.timestamp(),
    )


def validate_request(x: Exchange, rt: Runtime) -> None:
    assert x.operation is not None
    x.params, x.body = rt.binder.bind(
        x.operation, x.path_params, x.query_string, x.headers, x.body_bytes, x.body_too_large
    )


def dispatch(x: Exchange, rt: Runtime) -> None:
    op = x.operation
    assert op is not None and x.caller is not None
    handler = rt.registry.handlers.get(op.operation_id)
    if handler is None:
        raise NotImplementedOperation(
            f"{op.operation_id} ({op.model}) is not emulated yet.",
            f"mcf-emulator has no behaviour for {op.operation_id}; see GET /_emulator/coverage.",
        )
    rt.settle()
    result = handler(Call(op, x.params, x.body, x.caller, rt.store, rt.clock, rt.ids, x.request_id, rt.ports))
    if isinstance(result, Reply):
        x.status = result.status or op.success_status
        x.response = result.body
        x.response_headers.update(result.headers)
    else:
        x.status = op.success_status
        x.response = None if op.responses.get(x.status) and op.responses[x.status].schema is None else result
    echoed = x.headers.get(SERVICE_ID_HEADER)
    spec = op.responses.get(x.status)
    if echoed and spec is not None and SERVICE_ID_HEADER in spec.headers:
        x.response_headers[SERVICE_ID_HEADER] = echoed


def validate_response(x: Exchange, rt: Runtime) -> None:
    """Strict mode: a body that breaks the model is never sent; the client gets a loud 500 instead."""
    if rt.settings.strict_responses and x.operation is not None:
        problems = rt.response_problems(x.operation, x.status, x.response, x.request_id)
        if problems:
            raise InternalFailure(
                "mcf-emulator produced a response that violates the model.",
                f"{x.operation.operation_id} {x.status}: " + "; ".join(problems),
            )


STEPS: tuple[Callable[[Exchange, Runtime], None], ...] = (
    assign_request_id,
    route,
    authenticate,
    inject_fault,
    rate_limit,
    validate_request,
    dispatch,
    validate_response,
    mark_stale,
)


class SpApiEdge:
    """The ASGI app behind every SP-API path."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> str | None:
        rt = self.rt
        body, too_large = await read_body(receive, rt.settings.max_body_bytes)
        raw_path = scope.get("raw_path") or scope["path"].encode()
        x = Exchange(
            scope["method"],
            raw_path.decode("latin-1"),
            scope.get("query_string", b""),
            {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body,
            too_large,
        )
        try:
            for step in STEPS:
                step(x, rt)
        except SpApiError as error:
            x.status, x.response = error.status, error_body(error)
            x.response_headers.update(error.headers)
            checked = error.status != 501 and not x.faults  # injected faults are deliberate
            if x.operation is not None and rt.settings.strict_responses and checked:
                rt.response_problems(x.operation, x.status, x.response, x.request_id)
        except Exception as exc:  # a bug in the emulator: report it, never leak a traceback
            log.exception("unhandled error in %s", x.operation.operation_id if x.operation else x.raw_path)
            rt.record_violation(x.request_id, x.operation, 500, [f"unhandled {type(exc).__name__}: {exc}"])
            error = InternalFailure(details=f"mcf-emulator failed on this request ({type(exc).__name__}).")
            x.status, x.response = error.status, error_body(error)
        x.response_headers["x-amzn-RequestId"] = x.request_id
        spec = x.operation.responses.get(x.status) if x.operation else None
        if x.rate_limit and spec is not None and RATE_HEADER in spec.headers:
            x.response_headers[RATE_HEADER] = x.rate_limit
        payload = encode(x.response)
        dropped = await deliver(send, x, payload)
        latency_ms = (time.perf_counter() - x.started) * 1000
        rt.journal.record(x, payload, iso(rt.clock.now()), latency_ms, bool(dropped))
        return dropped
