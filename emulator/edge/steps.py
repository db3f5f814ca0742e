"""The pipeline's steps other than the fault steps (`edge/fault_engine.py`), each holding only what it needs.

A step is a callable taking the `Exchange`: it fills in more of it or raises an SpApiError. The order
they run in is set in one place, `edge/pipeline.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from emulator.context import Call, Ports, Reply
from emulator.edge import auth
from emulator.edge.exchange import Exchange
from emulator.edge.ratelimit import RateLimiter
from emulator.edge.routing import Router
from emulator.edge.validation import RequestBinder
from emulator.edge.violations import Violations
from emulator.errors import InternalFailure, NotImplementedOperation
from emulator.lwa.accounts import Accounts
from emulator.protocol import ACCESS_TOKEN, SERVICE_ID
from emulator.registry import Handler
from emulator.state import Clock, IdFactory, Store


@dataclass(frozen=True, slots=True)
class AssignRequestId:
    """`x-amzn-RequestId` for the response, success or error."""

    ids: IdFactory

    def __call__(self, x: Exchange) -> None:
        x.request_id = self.ids.uuid()


@dataclass(frozen=True, slots=True)
class Route:
    """Method + raw path -> operation and path parameters (unknown ones answer 403)."""

    router: Router

    def __call__(self, x: Exchange) -> None:
        x.operation, x.path_params = self.router.match(x.method, x.raw_path)


@dataclass(frozen=True, slots=True)
class Authenticate:
    """The access token -> the caller (seller or grantless application)."""

    accounts: Accounts
    clock: Clock

    def __call__(self, x: Exchange) -> None:
        assert x.operation is not None
        x.caller = auth.authenticate(
            x.operation, x.headers.get(ACCESS_TOKEN), self.accounts, self.clock.timestamp()
        )


@dataclass(frozen=True, slots=True)
class RateLimit:
    """One token from the caller's bucket for this operation; the header value to send, or 429."""

    limiter: RateLimiter
    clock: Clock

    def __call__(self, x: Exchange) -> None:
        op, caller = x.operation, x.caller
        assert op is not None and caller is not None
        x.rate_limit = self.limiter.admit(
            op.operation_id,
            op.usage_plan,
            caller.application_id or caller.client_id,
            caller.seller_id,
            self.clock.timestamp(),
        )


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    """Path, query, headers and body bound and checked against the model."""

    binder: RequestBinder

    def __call__(self, x: Exchange) -> None:
        assert x.operation is not None
        x.params, x.body = self.binder.bind(
            x.operation, x.path_params, x.query_string, x.headers, x.body_bytes, x.body_too_large
        )


@dataclass(frozen=True, slots=True)
class Dispatch:
    """Fire the transitions that fell due, then run the operation's handler (none: 501 naming it)."""

    handlers: Mapping[str, Handler]
    store: Store
    clock: Clock
    ids: IdFactory
    settle: Callable[[], int]
    ports: Ports

    def __call__(self, x: Exchange) -> None:
        op = x.operation
        assert op is not None and x.caller is not None
        handler = self.handlers.get(op.operation_id)
        if handler is None:
            raise NotImplementedOperation(
                f"{op.operation_id} ({op.model}) is not emulated yet.",
                f"mcf-emulator has no behaviour for {op.operation_id}; see GET /_emulator/coverage.",
            )
        self.settle()
        call = Call(
            op,
            x.params,
            x.body,
            x.caller,
            self.store,
            self.clock,
            self.ids,
            x.request_id,
            self.ports,
            x.origin,
        )
        result = handler(call)
        if isinstance(result, Reply):
            x.status = result.status or op.success_status
            x.response = result.body
            x.response_headers.update(result.headers)
        else:
            x.status = op.success_status
            spec = op.responses.get(x.status)
            x.response = None if spec is not None and spec.schema is None else result
        echoed = x.headers.get(SERVICE_ID)  # the model writes it lower-case, as headers are read
        spec = op.responses.get(x.status)
        if echoed and spec is not None and SERVICE_ID in spec.headers:
            x.response_headers[SERVICE_ID] = echoed


@dataclass(frozen=True, slots=True)
class ValidateResponse:
    """Strict mode: a body that breaks the model is never sent; the client gets a loud 500 instead."""

    violations: Violations

    def __call__(self, x: Exchange) -> None:
        if x.operation is None:
            return
        problems = self.violations.check(x.operation, x.status, x.response, x.request_id)
        if problems:
            raise InternalFailure(
                "mcf-emulator produced a response that violates the model.",
                f"{x.operation.operation_id} {x.status}: " + "; ".join(problems),
            )
