"""What the contract suite talks to: the in-process emulator (dynamic or static), or a URL.

A `Target` gives schemathesis its transport (`call_kwargs`), the access-token header an operation
needs, a plain HTTP client for hand-built requests, which operations it serves and how it answers them:
a target in static sandbox mode (an emulator run with `--sandbox-mode static`, or Amazon's sandbox)
answers the operations that have documented static cases from those cases (`canned`), throttles the
rest at the sandbox's plan (`throttled`) and is held to exact sandbox parity.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, cast

import httpx
from starlette.testclient import TestClient

from contracts.checks import CHECKS, MODEL_FREE_CHECKS
from emulator.catalog import Catalog, Operation
from emulator.catalog.sandbox import static_operations
from emulator.edge.violations import Violation
from emulator.parity.target import Tokens
from emulator.protocol import CONTROL_PREFIX
from emulator.testing import Credentials

if TYPE_CHECKING:  # the emulator is only built when the suite targets it
    from emulator.app import EmulatorApp

EMULATOR_BASE = "http://127.0.0.1:8787"
STATIC, DYNAMIC = "static", "dynamic"
QUOTA_EXCEEDED = 429


class Target(ABC):
    """Base: token handling and the expectations that follow from the sandbox mode."""

    def __init__(self, catalog: Catalog, credentials: Credentials, http: Any, mode: str) -> None:
        self.catalog = catalog
        self.credentials = credentials
        self.http = http
        self.mode = mode
        self._tokens = Tokens(credentials, http)
        self._static = static_operations(catalog)

    @property
    def exact_sandbox_parity(self) -> bool:
        """Whether every static case must be answered exactly as documented (see sandbox.py)."""
        return self.mode == STATIC

    @property
    def throttled(self) -> bool:
        """Whether the target enforces the sandbox's rate limits: a 429 answers the suite's pace."""
        return self.mode == STATIC

    def canned(self, op: Operation) -> bool:
        """Whether this operation answers from documented static cases rather than from its model."""
        return self.mode == STATIC and op.operation_id in self._static

    def checks(self, op: Operation, status: int) -> list[Any]:
        """The checks an answer of `op` with `status` is held to on this target."""
        if self.canned(op) or (self.throttled and status == QUOTA_EXCEEDED):
            return MODEL_FREE_CHECKS
        return CHECKS

    def headers(self, op: Operation) -> dict[str, str]:
        """The access-token header this operation needs (a grantless token for grantless operations)."""
        return self._tokens.headers(op)

    @abstractmethod
    def call_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for schemathesis' `case.call` (the transport)."""

    def missing_behaviour(self, op: Operation) -> str | None:
        """Why this operation cannot be contract-tested on this target, or None when it can."""
        return None

    def reset(self) -> None:  # noqa: B027 - remote targets are never reset; the emulator overrides it
        """Start a test from a clean world where the target allows it."""

    def violations(self) -> list[Violation]:
        """Problems the target itself recorded (the emulator's strict mode); none for remote targets."""
        return []

    def close(self) -> None:
        self.http.close()


class EmulatorTarget(Target):
    """The emulator in-process (ASGI), strict response validation on; reset before every test."""

    def __init__(self, app: EmulatorApp) -> None:
        runtime = app.runtime
        # the app may return `delivery.DROPPED` to uvicorn; the in-process client ignores what it returns
        client = TestClient(cast("Any", app), base_url=EMULATOR_BASE)
        credentials = Credentials.for_emulator(EMULATOR_BASE)
        super().__init__(runtime.catalog, credentials, client, runtime.settings.sandbox_mode)
        self.app = app
        self.runtime = runtime

    def call_kwargs(self) -> dict[str, Any]:
        return {"app": self.app}

    def missing_behaviour(self, op: Operation) -> str | None:
        if self.canned(op) or op.operation_id in self.runtime.registry.handlers:
            return None
        return (
            f"{op.operation_id} has no behaviour in the emulator yet "
            "(501 NotImplemented, see /_emulator/coverage)"
        )

    def reset(self) -> None:
        self.runtime.reset()
        self.app.edge.limiter.refill()
        self.app.edge.violations.clear()

    def violations(self) -> list[Violation]:
        return self.app.edge.violations.take()


class RemoteTarget(Target):
    """Any SP-API endpoint (Amazon's sandbox, another emulator, a proxy) reached over HTTP(S).

    Another mcf-emulator says its sandbox mode in `/_emulator/health`; any other endpoint is taken
    for Amazon's sandbox (static)."""

    def __init__(self, catalog: Catalog, credentials: Credentials) -> None:
        http = httpx.Client(base_url=credentials.endpoint, timeout=60.0)
        super().__init__(catalog, credentials, http, remote_mode(http))
        self._missing: frozenset[str] | None = None

    def call_kwargs(self) -> dict[str, Any]:
        return {"base_url": self.credentials.endpoint}

    def missing_behaviour(self, op: Operation) -> str | None:
        """Another mcf-emulator lists what it lacks at `/_emulator/coverage`; other endpoints serve all."""
        if self.canned(op):
            return None
        if self._missing is None:
            self._missing = _missing_operations(self.http)
        if op.operation_id in self._missing:
            return (
                f"{op.operation_id} has no behaviour at {self.credentials.endpoint} (its /_emulator/coverage)"
            )
        return None


def remote_mode(http: httpx.Client) -> str:
    """The sandbox mode of the endpoint behind `http`: an mcf-emulator's own word, else static."""
    try:
        response = http.get(f"{CONTROL_PREFIX}/health", timeout=10.0)
        health = response.json() if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError):
        health = None
    if not isinstance(health, dict):
        return STATIC
    return STATIC if health.get("sandboxMode") == STATIC else DYNAMIC


def _missing_operations(http: httpx.Client) -> frozenset[str]:
    try:
        response = http.get(f"{CONTROL_PREFIX}/coverage")
        models = response.json()["models"] if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        models = {}
    return frozenset(op for entry in models.values() for op in entry.get("missing", []))
