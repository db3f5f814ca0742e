"""What the contract suite talks to: the in-process emulator, or a URL with LWA credentials.

A `Target` gives schemathesis its transport (`call_kwargs`), the access-token header an
operation needs, a plain HTTP client for hand-built requests, and which operations it serves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, cast

import httpx
from starlette.testclient import TestClient

from emulator.catalog import Catalog, Operation
from emulator.edge.auth import GRANTLESS_SCOPES
from emulator.edge.violations import Violation
from emulator.protocol import ACCESS_TOKEN, CONTROL_PREFIX
from emulator.testing import Credentials

if TYPE_CHECKING:  # the emulator is only built when the suite targets it
    from emulator.app import EmulatorApp

EMULATOR_BASE = "http://127.0.0.1:8787"


class Target(ABC):
    """Base: token handling shared by both kinds of target."""

    exact_sandbox_parity = False  # see sandbox.py

    def __init__(self, catalog: Catalog, credentials: Credentials, http: Any) -> None:
        self.catalog = catalog
        self.credentials = credentials
        self.http = http
        self._tokens: dict[str | None, str] = {}

    def _token(self, scope: str | None) -> str:
        found = self._tokens.get(scope)
        if found is None:
            creds = self.credentials
            form = (
                creds.token_form()
                if scope is None
                else {
                    "grant_type": "client_credentials",
                    "scope": scope,
                    "client_id": creds.client_id,
                    "client_secret": creds.client_secret,
                }
            )
            response = self.http.post(creds.token_url, data=form)
            if response.status_code != 200:
                raise RuntimeError(f"LWA refused the contract suite's credentials: {response.text}")
            found = self._tokens[scope] = str(response.json()["access_token"])
        return found

    def headers(self, op: Operation) -> dict[str, str]:
        """The access-token header this operation needs (a grantless token for grantless operations)."""
        scope = GRANTLESS_SCOPES.get(op.api) if op.grantless else None
        return {ACCESS_TOKEN: self._token(scope)}

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
        super().__init__(runtime.catalog, Credentials.for_emulator(EMULATOR_BASE), client)
        self.app = app
        self.runtime = runtime

    def call_kwargs(self) -> dict[str, Any]:
        return {"app": self.app}

    def missing_behaviour(self, op: Operation) -> str | None:
        if op.operation_id in self.runtime.registry.handlers:
            return None
        return (
            f"{op.operation_id} has no behaviour in the emulator yet "
            "(501 NotImplemented, see /_emulator/coverage)"
        )

    def reset(self) -> None:
        self.runtime.reset()
        self.app.edge.violations.clear()

    def violations(self) -> list[Violation]:
        return self.app.edge.violations.take()


class RemoteTarget(Target):
    """Any SP-API endpoint (Amazon's sandbox, another emulator, a proxy) reached over HTTPS."""

    exact_sandbox_parity = True

    def __init__(self, catalog: Catalog, credentials: Credentials) -> None:
        super().__init__(catalog, credentials, httpx.Client(base_url=credentials.endpoint, timeout=60.0))
        self._missing: frozenset[str] | None = None

    def call_kwargs(self) -> dict[str, Any]:
        return {"base_url": self.credentials.endpoint}

    def missing_behaviour(self, op: Operation) -> str | None:
        """Another mcf-emulator lists what it lacks at `/_emulator/coverage`; other endpoints serve all."""
        if self._missing is None:
            self._missing = _missing_operations(self.http)
        if op.operation_id in self._missing:
            return (
                f"{op.operation_id} has no behaviour at {self.credentials.endpoint} (its /_emulator/coverage)"
            )
        return None


def _missing_operations(http: httpx.Client) -> frozenset[str]:
    try:
        response = http.get(f"{CONTROL_PREFIX}/coverage")
        models = response.json()["models"] if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        models = {}
    return frozenset(op for entry in models.values() for op in entry.get("missing", []))
