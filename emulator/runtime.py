"""One emulator instance: settings, catalog, behaviour registry, state, clock, ids and accounts."""

from __future__ import annotations

import sqlite3
from collections import deque
from typing import Any

from emulator import notifications
from emulator.catalog import Catalog, Operation
from emulator.context import Ports
from emulator.control.files import load_faults_file
from emulator.control.invoke import invoke
from emulator.control.plane import ControlPlane
from emulator.edge.fault_engine import FaultEngine
from emulator.edge.journal import Journal
from emulator.edge.ratelimit import RateLimiter
from emulator.edge.routing import Router
from emulator.edge.validation import RequestBinder, ResponseChecker
from emulator.errors import EmulatorError
from emulator.lwa.accounts import TABLES as accounts_tables
from emulator.lwa.accounts import Accounts
from emulator.lwa.grants import TokenService
from emulator.registry import Registry
from emulator.settings import Settings
from emulator.state import Clock, IdFactory, Store
from emulator.state.config import CONFIG
from emulator.state.sqlite import meta_of, open_state

MAX_VIOLATIONS = 1000


class Runtime:
    """Everything one running emulator owns; no module-level state anywhere else."""

    def __init__(self, settings: Settings, catalog: Catalog, registry: Registry) -> None:
        registry.check(catalog)
        self.settings = settings
        self.catalog = catalog
        self.registry = registry
        self.store = Store(
            registry.schema(CONFIG, *accounts_tables.values()),
            registry.event_types(),
            settings.event_retention,
        )
        self.clock = Clock(settings.clock_start, settings.clock_speed)
        self.ids = IdFactory(settings.seed)
        self.accounts = Accounts(self.store, self.ids)
        self.accounts.ensure_defaults()
        self.tokens = TokenService(
            self.accounts, self.clock, settings.auth_mode, settings.access_token_lifetime
        )
        self.router = Router(catalog)
        self.binder = RequestBinder()
        self.checker = ResponseChecker()
        self.violations: deque[dict[str, Any]] = deque(maxlen=MAX_VIOLATIONS)
        self.faults = FaultEngine(self.ids.seed, settings.fault_header)
        self.limiter = RateLimiter(settings.rate_limits, settings.sandbox_rate_cap)
        self.journal = Journal(settings.journal_size)
        self.ports = Ports()
        self.notifications = notifications.attach(
            settings,
            self.store,
            self.clock,
            catalog.models_dir,
            self.ports,
            self._notification_problems,
            self.ids.seed,
        )
        try:
            self.durable = open_state(settings.state)
            if self.durable is not None and self.durable.load(self.store, self.ids, self.clock):
                self.accounts.ensure_defaults()
        except (sqlite3.Error, ValueError, KeyError, TypeError) as error:
            raise EmulatorError(f"--state {settings.state}: cannot load the state ({error})") from None
        self.commit(meta=True)
        self.control = ControlPlane(self)
        if settings.faults_file is not None:
            load_faults_file(self.faults, settings.faults_file)

    def commit(self, meta: bool = False) -> None:
        """Hand what changed since the last commit to the durable backend (one transaction), if any."""
        changes = self.store.drain_changes()
        events = self.store.events.drain_pending()
        if self.durable is not None and (changes or events or meta):
            self.durable.write(self.store, changes, events, meta_of(self.store, self.ids, self.clock))
        self.store.events.publish(events)

    def invoke(
        self, operation_id: str, seller_id: str | None, params: dict[str, Any] | None = None, body: Any = None
    ) -> tuple[int, Any]:
        """Run an operation in-process as `seller_id` through validation and its handler: (status, body)."""
        return invoke(self, operation_id, seller_id, params, body)

    def settle(self) -> int:
        """Fire every time-driven transition that is due by the emulator clock."""
        return self.store.scheduler.run_due(self.clock.timestamp(), self.store, self.registry.transitions)

    def reset(self, seller_id: str | None = None) -> None:
        """Forget sellers' data (all, or one); registered applications, sellers and tokens stay."""
        self.store.reset(seller_id)
        self.notifications.forget(seller_id)
        self.accounts.ensure_defaults()

    def record_violation(
        self, request_id: str, op: Operation | None, status: int, problems: list[str]
    ) -> None:
        self.violations.append(
            {
                "requestId": request_id,
                "operationId": op.operation_id if op else None,
                "status": status,
                "problems": problems,
            }
        )

    def _notification_problems(self, problems: list[str]) -> None:
        self.record_violation("notification", None, 0, problems)

    def response_problems(self, op: Operation, status: int, body: Any, request_id: str) -> list[str]:
        """Check a response against the model; any problem is recorded as a violation."""
        problems = self.checker.problems(op, status, body)
        if problems:
            self.record_violation(request_id, op, status, problems)
        return problems
