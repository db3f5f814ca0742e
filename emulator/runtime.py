"""One emulator's world: settings, catalog, behaviour registry, state, clock, ids and accounts.

The runtime knows nothing about HTTP: the edge (`edge/pipeline.py`) and the control plane
(`control/plane.py`) are built on top of it where the app is assembled (`app.py`).
"""

from __future__ import annotations

import sqlite3

from emulator.catalog import Catalog
from emulator.errors import EmulatorError
from emulator.lwa import accounts
from emulator.lwa.accounts import Accounts
from emulator.lwa.grants import TokenService
from emulator.registry import Registry
from emulator.settings import Settings
from emulator.state import Clock, IdFactory, Store
from emulator.state.config import CONFIG
from emulator.state.sqlite import meta_of, open_state


class Runtime:
    """Everything one running emulator keeps; no module-level state anywhere else."""

    def __init__(self, settings: Settings, catalog: Catalog, registry: Registry) -> None:
        registry.check(catalog)
        self.settings = settings
        self.catalog = catalog
        self.registry = registry
        self.store = Store(
            registry.schema(CONFIG, *accounts.TABLES), registry.event_types(), settings.event_retention
        )
        self.clock = Clock(settings.clock_start, settings.clock_speed)
        self.ids = IdFactory(settings.seed)
        self.accounts = Accounts(self.store, self.ids)
        self.accounts.ensure_defaults()
        self.tokens = TokenService(
            self.accounts, self.clock, settings.auth_mode, settings.access_token_lifetime
        )
        try:
            self.durable = open_state(settings.state)
            if self.durable is not None and self.durable.load(self.store, self.ids, self.clock):
                self.accounts.ensure_defaults()
        except (sqlite3.Error, ValueError, KeyError, TypeError) as error:
            raise EmulatorError(f"--state {settings.state}: cannot load the state ({error})") from None
        self.commit(meta=True)

    def commit(self, meta: bool = False) -> None:
        """Hand what changed since the last commit to the durable backend (one transaction), if any, then
        publish the committed events."""
        changes = self.store.drain_changes()
        events = self.store.events.drain_pending()
        if self.durable is not None and (changes or events or meta):
            self.durable.write(self.store, changes, events, meta_of(self.store, self.ids, self.clock))
        self.store.events.publish(events)

    def close(self) -> None:
        """Commit what is pending and close the durable backend (its WAL checkpointed into the main file)."""
        self.commit()
        if self.durable is not None:
            self.durable.close()
            self.durable = None

    def settle(self) -> int:
        """Fire every time-driven transition that is due by the emulator clock."""
        return self.store.scheduler.run_due(self.clock.timestamp(), self.store, self.registry.transitions)

    def reset(self, seller_id: str | None = None) -> None:
        """Forget sellers' data (all, or one); registered applications, sellers and tokens stay."""
        self.store.reset(seller_id)
        self.accounts.ensure_defaults()
