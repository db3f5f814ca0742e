"""THE request path of every SP-API call, as one ordered list of steps.

    request id -> route -> authenticate -> inject fault -> rate limit -> validate request -> dispatch
    -> validate response -> mark stale

then delivery (`edge/delivery.py`, where delivery faults act) and the journal tap (`edge/journal.py`).

Each step (`edge/steps.py`, `edge/fault_engine.py`) is built here with exactly the parts it uses and
takes the `Exchange` (what is known about this request so far); it either fills in more of the
exchange or raises an SpApiError, which ends the pipeline and is sent in SP-API's error envelope.
Nothing else in the emulator touches HTTP for SP-API paths.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from emulator.catalog import Catalog
from emulator.context import Ports
from emulator.edge.delivery import deliver
from emulator.edge.exchange import Exchange, Step
from emulator.edge.fault_engine import FaultEngine, InjectFault, MarkStale
from emulator.edge.http import encode, error_body, origin_of, read_body
from emulator.edge.invoke import Invoker
from emulator.edge.journal import REGION_SCOPE_KEY, Journal
from emulator.edge.ratelimit import RateLimiter
from emulator.edge.routing import Router
from emulator.edge.sandbox_static import AnswerStatic, StaticCases
from emulator.edge.steps import (
    AssignRequestId,
    Authenticate,
    Dispatch,
    RateLimit,
    Route,
    ValidateRequest,
    ValidateResponse,
)
from emulator.edge.validation import RequestBinder
from emulator.edge.violations import Violations
from emulator.errors import InternalFailure, SpApiError
from emulator.lwa.accounts import Accounts
from emulator.protocol import RATE_LIMIT, REQUEST_ID
from emulator.registry import Handler
from emulator.settings import Settings
from emulator.state import Clock, IdFactory, Store
from emulator.state.clock import iso

log = logging.getLogger("mcf_emulator")


class SpApiEdge:
    """The ASGI app behind every SP-API path, and the parts of it the control plane drives: fault rules,
    the rate limiter, the journal, recorded violations and in-process invocation."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog,
        handlers: Mapping[str, Handler],
        store: Store,
        clock: Clock,
        ids: IdFactory,
        accounts: Accounts,
        settle: Callable[[], int],
        ports: Ports,
    ) -> None:
        self.faults = FaultEngine(ids.seed, settings.fault_header, frozenset(catalog.operations))
        self.limiter = RateLimiter(settings.rate_limits, settings.sandbox_rate_cap)
        self.journal = Journal(settings.journal_size)
        self.violations = Violations(settings.strict_responses)
        self._clock = clock
        self._max_body = settings.max_body_bytes
        router = Router(catalog)
        binder = RequestBinder()
        live: tuple[Step, ...] = (
            ValidateRequest(binder),
            Dispatch(handlers, store, clock, ids, settle, ports),
            ValidateResponse(self.violations),
        )
        static = StaticCases(catalog) if settings.sandbox_mode == "static" else None
        handling = live if static is None else (AnswerStatic(static, binder, live),)
        self.steps: tuple[Step, ...] = (
            AssignRequestId(ids),
            Route(router),
            Authenticate(accounts, clock),
            InjectFault(self.faults, clock),
            RateLimit(self.limiter, clock, static.operations if static else frozenset()),
            *handling,
            MarkStale(self.faults, clock),
        )
        self.invoke = Invoker(catalog, router, ids, accounts, live)  # seeding builds live state

    async def __call__(self, scope: Mapping[str, Any], receive: Any, send: Any) -> str | None:
        """Answer one SP-API call; returns `delivery.DROPPED` when a fault drops the connection."""
        body, too_large = await read_body(receive, self._max_body)
        raw_path = scope.get("raw_path") or scope["path"].encode()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        x = Exchange(
            scope["method"],
            raw_path.decode("latin-1"),
            scope.get("query_string", b""),
            headers,
            body,
            too_large,
            origin_of(scope, headers),
        )
        self._run(x)
        x.response_headers[REQUEST_ID] = x.request_id
        spec = x.operation.responses.get(x.status) if x.operation else None
        if x.rate_limit and spec is not None and RATE_LIMIT in spec.headers:
            x.response_headers[RATE_LIMIT] = x.rate_limit
        payload = encode(x.response)
        dropped = await deliver(send, x, payload)
        latency_ms = (time.perf_counter() - x.started) * 1000
        region = scope.get(REGION_SCOPE_KEY)
        self.journal.record(x, payload, iso(self._clock.now()), latency_ms, bool(dropped), region)
        return dropped

    def _run(self, x: Exchange) -> None:
        """Every step in order; an SpApiError (or a bug, as a recorded 500) becomes the response."""
        try:
            for step in self.steps:
                step(x)
        except SpApiError as error:
            self._answer(x, error)
            checked = error.status != 501 and not x.faults  # injected faults are deliberate
            if x.operation is not None and checked:
                self.violations.check(x.operation, x.status, x.response, x.request_id)
        except Exception as exc:  # a bug in the emulator: report it, never leak a traceback
            log.exception("unhandled error in %s", x.operation.operation_id if x.operation else x.raw_path)
            self.violations.record(x.request_id, x.operation, 500, [f"unhandled {type(exc).__name__}: {exc}"])
            failure = InternalFailure(details=f"mcf-emulator failed on this request ({type(exc).__name__}).")
            self._answer(x, failure)

    @staticmethod
    def _answer(x: Exchange, error: SpApiError) -> None:
        x.status, x.response = error.status, error_body(error)
        x.response_headers.update(error.headers)
