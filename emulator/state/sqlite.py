"""Durable state in SQLite (`--state sqlite:PATH`): every record a request changed, in one transaction.

The store stays the working copy; after each state-changing request the caller hands over
`store.drain_changes()` and the domain events recorded with them, and this module writes exactly those
records and events, plus the scheduler, the id factory and the clock, in one transaction, before the
response is sent. So a change is never durable without its event, nor an event without its change.
The database runs in WAL mode with `synchronous=FULL`, so a write acknowledged to a client survives
`kill -9` (and a power cut); a clean `close()` checkpoints the WAL into the main file.

At start, `load()` rebuilds the store from the database, decoding every record into its declared type
and the newest events into the event log. Records and events are stored as JSON. A file written by
another format version is refused with one line saying so.
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
from emulator.state.events import EventRecord
from emulator.state.ids import IdFactory
from emulator.state.records import RecordError, to_json
from emulator.state.store import SHARED, Change, Store, TenantState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    part TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
    PRIMARY KEY (part, tbl, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    sequence INTEGER PRIMARY KEY, at REAL NOT NULL, part TEXT NOT NULL, type TEXT NOT NULL,
    data BLOB NOT NULL);
"""
FORMAT = 2  # 1: untyped records, no events
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
        """Replace the store (and ids, clock) with what the database holds; False when it is empty.

        RecordError when the file was written in another format or holds a record that does not fit.
        """
        meta = {name: orjson.loads(value) for name, value in self._db.execute("SELECT name, value FROM meta")}
        if not meta:
            return False
        if meta.get("format") != FORMAT:
            raise RecordError(
                f"the state file is format {meta.get('format', 1)!r}, written by another emulator version; "
                f"this one reads format {FORMAT} (start with a new file)"
            )
        store.reset(keep_shared=False)
        for part, tbl, key, value in self._db.execute("SELECT part, tbl, key, value FROM records"):
            tenant = store.shared if part == SHARED else store.tenant(part)
            spec = store.schema.spec(tbl)
            tenant.table(spec).put(key, spec.from_json(value))
        store.drain_changes()
        newest = self._db.execute(
            "SELECT sequence, at, part, type, data FROM events ORDER BY sequence DESC LIMIT ?",
            (store.events.retention,),
        ).fetchall()
        decoded = [
            store.events.types.decode(seq, at, part, kind, orjson.loads(data))
            for seq, at, part, kind, data in reversed(newest)
        ]
        last = self._db.execute("SELECT MAX(sequence) FROM events").fetchone()[0] or 0
        store.events.restore_tail(int(last), decoded)
        restore_meta(meta, store, ids, clock)
        return True

    def write(
        self,
        store: Store,
        changes: Iterable[Change],
        events: Iterable[EventRecord],
        meta: dict[str, Any] | None,
    ) -> None:
        """Persist the current value of every changed record, the events, and `meta`, in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            live = set(store.sellers())
            for part, tbl, key in changes:
                tenant = store.shared if part == SHARED else store.tenant(part) if part in live else None
                if tbl == "*" or key == "*":
                    self._rewrite(tenant, part, None if tbl == "*" else tbl)
                    continue
                table = tenant.table_named(tbl) if tenant is not None else None
                record = table.get(key) if table is not None else None
                if record is None:
                    db.execute("DELETE FROM records WHERE part = ? AND tbl = ? AND key = ?", (part, tbl, key))
                else:
                    db.execute(_UPSERT, (part, tbl, key, to_json(record)))
            db.executemany(
                "INSERT INTO events (sequence, at, part, type, data) VALUES (?, ?, ?, ?, ?)",
                [(e.sequence, e.at, e.seller_id, e.type, to_json(e.event)) for e in events],
            )
            for name, value in ({"format": FORMAT} | (meta or {})).items():
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
            self._db.execute("DELETE FROM events WHERE part = ?", (part,))
        else:
            self._db.execute("DELETE FROM records WHERE part = ? AND tbl = ?", (part, only))
        if tenant is None:
            return
        for table in tenant.tables():
            if only is None or table.name == only:
                self._db.executemany(_UPSERT, [(part, table.name, k, to_json(v)) for k, v in table.items()])

    def close(self) -> None:
        """Checkpoint the write-ahead log into the main file, then close."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()


def open_state(spec: str) -> SqliteState | None:
    """The durable backend a `--state` value names (`memory` -> None, `sqlite:PATH`)."""
    if spec == "memory":
        return None
    return SqliteState(spec.removeprefix("sqlite:"))
