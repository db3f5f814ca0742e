"""`EmulatorHandle`: what a test holds to drive one emulator — reset, clock, sellers, clients, violations.

Every method acts on the app in-process (no HTTP), so setup costs microseconds. Control-plane
actions (seed, faults, journal, events, snapshots) live in `emulator.testing.control`, notification helpers
(outbox, waiting, delivery faults) in `emulator.testing.notifications`; both are mixed in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from emulator.edge.violations import Violation
from emulator.lwa.accounts import DEFAULTS, NA_MARKETPLACES
from emulator.testing.clients import async_httpx_client, httpx_client, sp_api_client, spapi_client
from emulator.testing.control import ControlActions
from emulator.testing.credentials import Credentials
from emulator.testing.notifications import NotificationActions

if TYPE_CHECKING:
    import httpx

    from emulator.app import EmulatorApp


class ContractViolation(AssertionError):
    """The emulator answered with a body that breaks the model, or failed internally."""


class EmulatorHandle(ControlActions, NotificationActions):
    """One emulator seen from a test: its app (runtime, edge, control plane), its URL and the default
    seller's credentials."""

    def __init__(self, app: EmulatorApp, url: str) -> None:
        self.app = app
        self.runtime = app.runtime
        self.control = app.control
        self.url = url.rstrip("/")
        self.credentials = Credentials.for_emulator(self.url)

    # lifecycle ----------------------------------------------------------------------------------
    def reset(self) -> None:
        """Fresh state: no seller data, no faults, empty journal and violations, and the clock back at
        the settings' `clock_start` (default: now) running at `clock_speed` (0 = frozen)."""
        rt = self.runtime
        rt.clock.set(rt.settings.clock_start or datetime.now(UTC))
        if rt.settings.clock_speed > 0:
            rt.clock.run(rt.settings.clock_speed)
        else:
            rt.clock.freeze()
        self.control.reset(faults=True, journal=True)
        self.app.edge.violations.clear()

    def violations(self) -> list[Violation]:
        """Contract violations and internal errors recorded since the last reset."""
        return list(self.app.edge.violations)

    def check(self) -> None:
        """Raise `ContractViolation` listing every recorded violation (and forget them)."""
        found = self.app.edge.violations.take()
        if found:
            lines = [
                f"  {v.operation_id} -> {v.status} (request {v.request_id}): " + "; ".join(v.problems)
                for v in found
            ]
            raise ContractViolation("the emulator recorded contract violations:\n" + "\n".join(lines))

    # clock --------------------------------------------------------------------------------------
    def now(self) -> datetime:
        """Emulator time."""
        return self.runtime.clock.now()

    def advance(self, by: float | str | timedelta) -> datetime:
        """Move emulator time forwards (seconds, `"2h"`, `"1d12h"`, a timedelta) and fire every due
        transition in order; returns the new emulator time."""
        self.control.advance(by.total_seconds() if isinstance(by, timedelta) else by)
        return self.now()

    @contextmanager
    def frozen_clock(self, at: datetime | str | None = None) -> Iterator[datetime]:
        """Stop emulator time (at `at`, or now) inside the block; it runs again afterwards. `at` is a
        datetime (naive means UTC) or ISO-8601 text, as `clock set` and the API take it."""
        speed = self.runtime.clock.speed or 1.0
        if isinstance(at, datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        self.control.freeze()
        try:
            if at is not None:
                self.control.set_clock(at)
            yield self.now()
        finally:
            self.control.run(speed)

    # sellers and clients ------------------------------------------------------------------------
    def add_seller(self, seller_id: str, marketplace_ids: tuple[str, ...] = NA_MARKETPLACES) -> Credentials:
        """Register a seller who authorized the default application; returns credentials acting for it."""
        accounts = self.runtime.accounts
        accounts.add_seller(seller_id, marketplace_ids)
        token = accounts.add_refresh_token(DEFAULTS.client_id, seller_id)
        return Credentials.for_emulator(self.url, token, seller_id, tuple(marketplace_ids))

    def client(self, credentials: Credentials | None = None, **kwargs: Any) -> httpx.Client:
        """An httpx client on this emulator acting for the default seller (or `credentials`)."""
        return httpx_client(credentials or self.credentials, **kwargs)

    def asgi_client(self, credentials: Credentials | None = None, **kwargs: Any) -> httpx.AsyncClient:
        """An asyncio httpx client that calls the app in-process (no socket), tokens handled."""
        import httpx

        # the app's __call__ may return `delivery.DROPPED` for uvicorn; httpx ignores what it returns
        transport = httpx.ASGITransport(app=cast("Any", self.app))
        return async_httpx_client(credentials or self.credentials, transport=transport, **kwargs)

    def spapi(self, credentials: Credentials | None = None, **config: Any) -> Any:
        """Amazon's official SDK client (`spapi.SPAPIClient`) on this emulator."""
        return spapi_client(credentials or self.credentials, **config)

    def sp_api(self, api: type[Any], credentials: Credentials | None = None, **kwargs: Any) -> Any:
        """A `python-amazon-sp-api` client of class `api` on this emulator."""
        return sp_api_client(api, credentials or self.credentials, **kwargs)
