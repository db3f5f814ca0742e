"""Durable state in SQLite (`--state sqlite:PATH`): every record a request changed, in one transaction.

The store stays the working copy; after each state-changing request the caller hands over
`store.drain_changes()` and this module writes exactly those records, plus the scheduler, the id
factory and the clock, in one transaction, before the response is sent. The database runs in WAL
mode with `synchronous=FULL`, so a write acknowledged to a client survives `kill -9` (and a power cut).
At start, `load()` rebuilds the store from the database. Records are stored as JSON.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from emulator.state.clock import Clock
from emulator.state.ids import IdFactory
from emulator.state.store import SHARED, SNAPSHOT_VERSION, Change, Store, TenantState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    part TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
    PRIMARY KEY (part, tbl, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""
_UPSERT = "INSERT OR REPLACE INTO records (part, tbl, key, value) VALUES (?, ?, ?, ?)"


def meta_of(store: Store, ids: IdFactory, clock: Clock) -> dict[str, Any]:
    """Everything besides records that a restart must get back."""
    return {
        "scheduler": store.scheduler.dump(),
        "ids": {"seed": ids.seed, "state": ids.state()},
        "clock": {"at": clock.timestamp(), "real": time.time(), "speed": clock.speed},
    }


def restore_meta(meta: dict[str, Any], store: Store, ids: IdFactory, clock: Clock) -> None:
    """Put back what `meta_of` saved (a running clock has kept running while the emulator was down)."""
    if "scheduler" in meta:
        store.scheduler.load(meta["scheduler"])
    if "ids" in meta:
        version, internal, gauss = meta["ids"]["state"]
        ids.seed = meta["ids"]["seed"]
        ids.restore((version, tuple(internal), gauss))
    if "clock" in meta:
        saved = meta["clock"]
        speed = float(saved["speed"])
        at = float(saved["at"]) + max(0.0, time.time() - float(saved["real"])) * speed
        if speed > 0:
            clock.run(speed)
        clock.set(datetime.fromtimestamp(at, UTC))
        if speed == 0:
            clock.freeze()


class SqliteState:
    """One SQLite database holding one emulator's state."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def load(self, store: Store, ids: IdFactory, clock: Clock) -> bool:
        """Replace the store (and ids, clock) with what the database holds; False when it is empty."""
        meta = {name: orjson.loads(value) for name, value in self._db.execute("SELECT name, value FROM meta")}
        if not meta:
            return False
        document: dict[str, Any] = {"version": SNAPSHOT_VERSION, "shared": {}, "tenants": {}}
        for part, tbl, key, value in self._db.execute("SELECT part, tbl, key, value FROM records"):
            tables = document["shared"] if part == SHARED else document["tenants"].setdefault(part, {})
            tables.setdefault(tbl, {})[key] = orjson.loads(value)
        store.restore(document)
        restore_meta(meta, store, ids, clock)
        store.drain_changes()
        return True

    def write(self, store: Store, changes: Iterable[Change], meta: dict[str, Any] | None) -> None:
        """Persist the current value of every changed record, and `meta`, in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            live = set(store.sellers())
            for part, tbl, key in changes:
                tenant = store.shared if part == SHARED else store.tenant(part) if part in live else None
                if tbl == "*" or key == "*":
                    self._rewrite(tenant, part, None if tbl == "*" else tbl)
                    continue
                record = tenant.table(tbl).get(key) if tenant is not None else None
                if record is None:
                    db.execute("DELETE FROM records WHERE part = ? AND tbl = ? AND key = ?", (part, tbl, key))
                else:
                    db.execute(_UPSERT, (part, tbl, key, orjson.dumps(record)))
            for name, value in (meta or {}).items():
                db.execute(
                    "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, orjson.dumps(value))
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _rewrite(self, tenant: TenantState | None, part: str, only: str | None) -> None:
        """Replace a whole partition (or one of its tables) with what the store holds now."""
        if only is None:
            self._db.execute("DELETE FROM records WHERE part = ?", (part,))
        else:
            self._db.execute("DELETE FROM records WHERE part = ? AND tbl = ?", (part, only))
        if tenant is None:
            return
        for tbl, rows in tenant.dump().items():
            if only is None or tbl == only:
                self._db.executemany(_UPSERT, [(part, tbl, k, orjson.dumps(v)) for k, v in rows.items()])

    def close(self) -> None:
        self._db.close()


def open_state(spec: str) -> SqliteState | None:
    """The durable backend a `--state` value names (`memory` -> None, `sqlite:PATH`)."""
    if spec == "memory":
        return None
    return SqliteState(spec.removeprefix("sqlite:"))
