"""The control plane as a Python API: what `/_emulator/*`, the CLI and test harnesses all drive.

    plane = app.control
    plane.seed({...}); plane.add_fault({...}); plane.advance("1d"); doc = plane.snapshot()

It is built where the app is assembled, over the runtime (the world) and the SP-API edge (faults,
throttling, journal, in-process calls). Every state-changing method commits to the durable backend
(when there is one) before returning. Bad input raises `ControlError` (HTTP status + code + message),
never a half-applied change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from emulator import __version__
from emulator.control import overview, registration, snapshot
from emulator.control.durations import parse_duration
from emulator.control.seed import Seeder, SeedError
from emulator.edge.faults import FaultSpecError
from emulator.edge.pipeline import SpApiEdge
from emulator.errors import ControlError
from emulator.lwa.accounts import DEFAULTS
from emulator.notifications import Notifier
from emulator.runtime import Runtime
from emulator.state.clock import reachable
from emulator.state.config import CONFIG, Setting
from emulator.state.events import EventQuery, EventRecord


class ControlPlane:
    """Reset, seed, snapshots, clock, faults, rate limits, the journal, the events and the notification
    outbox (with delivery faults) of one emulator."""

    def __init__(self, runtime: Runtime, edge: SpApiEdge, notifications: Notifier) -> None:
        self.rt = runtime
        self.edge = edge
        self.notifications = notifications
        self._seeder = Seeder(runtime.store, runtime.accounts, runtime.ids, edge.invoke, runtime.clock)

    # about -------------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        """Version, operation count, clock, state backend, throttling mode and response checks."""
        return {
            "status": "ok",
            "version": __version__,
            "operations": len(self.rt.catalog),
            "clock": self.rt.clock.describe(),
            "state": self.rt.settings.state.split(":")[0],
            "rateLimits": self.edge.limiter.mode,
            "responseChecks": self.edge.violations.describe(),
        }

    def coverage(self) -> dict[str, Any]:
        """Which operations have behaviour, per model."""
        return self.rt.registry.coverage(self.rt.catalog)

    def violations(self) -> dict[str, Any]:
        """Contract violations and internal failures the edge recorded (kept until a harness takes them)."""
        return {"violations": [found.describe() for found in self.edge.violations]}

    # state -------------------------------------------------------------------------------------
    def reset(self, seller_id: str | None = None, *, faults: bool = False, journal: bool = False) -> None:
        """Forget sellers' data (all, or one seller's); optionally fault rules and the journal too."""
        self.rt.reset(seller_id)
        self.notifications.forget(seller_id)
        self.edge.limiter.refill()
        self.edge.faults.forget_stale()
        if faults:
            self.edge.faults.clear()
            self.notifications.faults.clear()
        if journal:
            self.edge.journal.clear()
        self.rt.commit(meta=True)

    def seed(self, document: Any) -> dict[str, int]:
        try:
            counts = self._seeder.apply(document)
        except SeedError as error:
            raise ControlError(422, "SeedFailed", str(error), error.detail) from None
        self.rt.commit(meta=True)
        return counts

    def config(self) -> dict[str, Any]:
        """Every behaviour setting record (e.g. `outbound.timings`), by key."""
        return {key: s.value for key, s in self.rt.store.shared.table(CONFIG).items()}

    def set_config(self, key: str, record: dict[str, Any]) -> dict[str, Any]:
        """Replace one behaviour setting record; the API that reads `key` documents its fields."""
        if not isinstance(record, dict):
            raise ControlError(400, "InvalidBody", "a config record is a JSON object")
        self.rt.store.shared.table(CONFIG).put(key, Setting(value=record))
        self.rt.commit(meta=True)
        return record

    def delete_config(self, key: str) -> None:
        """Back to the defaults of `key`."""
        if self.rt.store.shared.table(CONFIG).delete(key) is None:
            raise ControlError(404, "UnknownConfig", f"no config record {key!r}")
        self.rt.commit(meta=True)

    def snapshot(self) -> dict[str, Any]:
        return snapshot.take(self.rt.store, self.rt.ids, self.rt.clock)

    def restore(self, document: Any) -> None:
        rt = self.rt
        try:
            snapshot.restore(document, rt.store, rt.ids, rt.clock, rt.registry.transitions)
        except ValueError as error:
            raise ControlError(400, "InvalidSnapshot", str(error)) from None
        self.edge.limiter.refill()
        self.edge.faults.forget_stale()
        rt.commit(meta=True)

    # applications and sellers ------------------------------------------------------------------
    def applications(self) -> list[dict[str, Any]]:
        return [registration.describe_application(a) for a in self.rt.accounts.applications()]

    def register_application(self, document: dict[str, Any]) -> dict[str, Any]:
        """Register (or replace) an application with its LWA credentials and redirect URIs."""
        app = registration.register(self.rt.accounts, document)
        self.rt.commit(meta=True)
        return registration.describe_application(app)

    def sellers(self) -> list[dict[str, Any]]:
        return [registration.describe_seller(s) for s in self.rt.accounts.sellers()]

    def add_seller(self, document: dict[str, Any]) -> dict[str, Any]:
        seller = registration.add_seller(self.rt.accounts, document)
        self.rt.commit(meta=True)
        return registration.describe_seller(seller)

    def authorize_self(self, client_id: str, seller_id: str) -> dict[str, Any]:
        """Self-authorization of a private application: a seller's new refresh token for it."""
        granted = registration.authorize_self(self.rt.accounts, client_id, seller_id)
        self.rt.commit(meta=True)
        return granted

    def overview(self, seller_id: str | None = None) -> dict[str, Any]:
        """One seller's stock by bucket, listings and recent MCF orders, read through the operations."""
        seller = self.rt.accounts.seller(seller_id or DEFAULTS.seller_id)
        if seller is None:
            raise ControlError(404, "UnknownSeller", f"no seller {seller_id!r}")
        invoke, marketplace = self.edge.invoke, seller.marketplaces[0] if seller.marketplaces else ""
        return {
            "sellerId": seller.seller_id,
            "marketplaceId": marketplace,
            "inventory": overview.inventory(invoke, seller.seller_id, marketplace),
            "listings": overview.listings(invoke, seller.seller_id, marketplace),
            "orders": overview.orders(invoke, seller.seller_id),
        }

    # clock -------------------------------------------------------------------------------------
    def clock(self) -> dict[str, Any]:
        return self.rt.clock.describe() | {"pendingTransitions": self.rt.store.scheduler.pending()}

    def _moved(self) -> dict[str, Any]:
        fired = self.rt.settle()
        self.rt.commit(meta=True)
        return self.clock() | {"fired": fired}

    def advance(self, duration: str | float) -> dict[str, Any]:
        """Move the clock forwards and fire every transition that fell due, in order."""
        try:
            self.rt.clock.advance(parse_duration(duration))
        except ValueError as error:
            raise ControlError(400, "InvalidDuration", str(error)) from None
        return self._moved()

    def set_clock(self, instant: str | datetime) -> dict[str, Any]:
        try:
            self.rt.clock.set(datetime.fromtimestamp(reachable(instant), UTC))
        except ValueError as error:
            raise ControlError(400, "InvalidInstant", str(error)) from None
        return self._moved()

    def freeze(self) -> dict[str, Any]:
        self.rt.clock.freeze()
        return self._moved()

    def run(self, speed: float = 1.0) -> dict[str, Any]:
        try:
            if not isinstance(speed, int | float) or isinstance(speed, bool):
                raise ValueError("speed must be a number")
            self.rt.clock.run(float(speed))
        except ValueError as error:
            raise ControlError(400, "InvalidSpeed", str(error)) from None
        return self._moved()

    # faults ------------------------------------------------------------------------------------
    def faults(self) -> dict[str, Any]:
        return self.edge.faults.describe()

    def add_fault(self, rule: Any) -> dict[str, Any]:
        try:
            return self.edge.faults.add(rule).describe()
        except FaultSpecError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None

    def replace_faults(self, rules: Any) -> dict[str, Any]:
        if not isinstance(rules, list):
            raise ControlError(400, "InvalidFault", "expected a list of fault rules")
        try:
            self.edge.faults.replace(rules)
        except FaultSpecError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None
        return self.faults()

    def fault(self, rule_id: str) -> dict[str, Any]:
        for rule in self.edge.faults.rules:
            if rule.id == rule_id:
                return rule.describe()
        raise ControlError(404, "UnknownFault", f"no fault rule {rule_id!r}")

    def remove_fault(self, rule_id: str) -> None:
        if not self.edge.faults.remove(rule_id):
            raise ControlError(404, "UnknownFault", f"no fault rule {rule_id!r}")

    def clear_faults(self) -> None:
        self.edge.faults.clear()

    # rate limits -------------------------------------------------------------------------------
    def rate_limits(self) -> dict[str, Any]:
        return self.edge.limiter.describe()

    def configure_rate_limits(
        self,
        mode: str | None = None,
        sandbox_cap: bool | None = None,
        header_on_429: bool | None = None,
        overrides: dict[str, dict[str, float]] | None = None,
    ) -> dict[str, Any]:
        """Change throttling at run time; every bucket starts full again."""
        unknown = sorted(set(overrides or {}) - set(self.rt.catalog.operations))
        if unknown:
            raise ControlError(400, "UnknownOperation", f"the models declare no operations {unknown}")
        try:
            self.edge.limiter.configure(mode, sandbox_cap, header_on_429, overrides)
        except ValueError as error:
            raise ControlError(400, "InvalidRateLimits", str(error)) from None
        return self.rate_limits()

    # observation -------------------------------------------------------------------------------
    def journal(self, *, bodies: bool = True, **filters: Any) -> dict[str, Any]:
        """Recent SP-API calls; filters: operation_id, seller_id, status, method, faulted, since, limit."""
        journal = self.edge.journal
        entries = [e.describe(bodies) for e in journal.query(**filters)]
        return {"entries": entries, "lastSeq": journal.last_seq, "capacity": journal.size}

    def clear_journal(self) -> None:
        self.edge.journal.clear()

    def events(self, query: EventQuery) -> list[EventRecord]:
        """The newest retained domain events that `query` selects (at most `query.limit`), oldest first."""
        found = self.rt.store.events.query(replace(query, limit=None))
        return found if query.limit is None else found[max(0, len(found) - query.limit) :]

    @property
    def last_event_sequence(self) -> int:
        """The sequence number of the newest event recorded (0: none yet)."""
        return self.rt.store.events.last_sequence
