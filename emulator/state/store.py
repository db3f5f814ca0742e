"""The store: all emulator state, partitioned per seller, as typed tables, plus the domain event log.

Every table is declared by a `TableSpec` (its record type); the store's `Schema` knows them all, so a
snapshot or a durable backend is decoded into the same typed records the APIs wrote. Every `put` and
`delete` is journaled, so a durable backend can persist exactly what a request changed, together with
the events recorded in the same step. Reset replaces the containers rather than clearing them one by
one, so it costs microseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Generic, cast

from emulator.state.events import DomainEvent, EventLog, EventRecord, EventTypes
from emulator.state.records import R, RecordError, Schema, TableSpec, to_builtins
from emulator.state.scheduler import Scheduler

Change = tuple[str, str, str]  # (partition, table, key)
SNAPSHOT_VERSION = 2
SHARED = "_shared"


class Table(Generic[R]):
    """Records of one kind in one partition, by key, in insertion order."""

    __slots__ = ("spec", "partition", "_rows", "_journal")

    def __init__(self, partition: str, spec: TableSpec[R], journal: set[Change]) -> None:
        self.partition = partition
        self.spec = spec
        self._rows: dict[str, Any] = {}
        self._journal = journal

    @property
    def name(self) -> str:
        return self.spec.name

    def get(self, key: str) -> R | None:
        """The record at `key`; a packed table returns a fresh copy, so put it back after a change."""
        return self._read(self._rows.get(key))

    def put(self, key: str, record: R) -> R:
        """Insert or replace; call it again after changing a record so the change is journaled (and kept)."""
        self._rows[key] = self.spec.pack(record) if self.spec.packed else record
        self._journal.add((self.partition, self.spec.name, key))
        return record

    def delete(self, key: str) -> R | None:
        self._journal.add((self.partition, self.spec.name, key))
        return self._read(self._rows.pop(key, None))

    def _read(self, stored: Any) -> R | None:
        """A stored row as a record: packed bytes decoded (a fresh copy), a live record as it is."""
        if stored is None or not self.spec.packed:
            return cast("R | None", stored)
        return self.spec.unpack(stored)

    def keys(self) -> Iterator[str]:
        return iter(self._rows)

    def values(self) -> Iterator[R]:
        if not self.spec.packed:
            return iter(self._rows.values())
        return (self.spec.unpack(v) for v in self._rows.values())

    def items(self) -> Iterator[tuple[str, R]]:
        if not self.spec.packed:
            return iter(self._rows.items())
        return ((k, self.spec.unpack(v)) for k, v in self._rows.items())

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def dump(self) -> dict[str, Any]:
        """Every record in its JSON-able form, by key."""
        return {key: to_builtins(record) for key, record in self.items()}

    def load(self, rows: dict[str, Any]) -> None:
        """Replace the records with a `dump()`; RecordError names the record and field that do not fit."""
        loaded: dict[str, Any] = {}
        for key, value in rows.items():
            record = self.spec.from_builtins(value)
            loaded[key] = self.spec.pack(record) if self.spec.packed else record
        self._rows = loaded


class TenantState:
    """One partition: a seller's data (or the shared partition holding applications and sellers)."""

    __slots__ = ("seller_id", "_tables", "_journal", "_schema", "_events")

    def __init__(self, seller_id: str, journal: set[Change], schema: Schema, events: EventLog) -> None:
        self.seller_id = seller_id
        self._tables: dict[str, Table[Any]] = {}
        self._journal = journal
        self._schema = schema
        self._events = events

    def table(self, spec: TableSpec[R]) -> Table[R]:
        """The table `spec` declares, created empty on first use."""
        found = self._tables.get(spec.name)
        if found is None:
            found = self._tables[spec.name] = Table(self.seller_id, spec, self._journal)
        return found

    def record(self, at: float, event: DomainEvent) -> EventRecord:
        """Record that this seller's state changed at emulator time `at` (call it with the change)."""
        return self._events.record(self.seller_id, at, event)

    def table_named(self, name: str) -> Table[Any] | None:
        """A table that exists in this partition, by name (backends and snapshots)."""
        return self._tables.get(name)

    def tables(self) -> Iterator[Table[Any]]:
        return iter(self._tables.values())

    def dump(self) -> dict[str, dict[str, Any]]:
        return {name: t.dump() for name, t in self._tables.items() if len(t)}

    def load(self, tables: dict[str, dict[str, Any]]) -> None:
        for name, rows in tables.items():
            self.table(self._schema.spec(name)).load(rows)


class Store:
    """All state of one emulator instance: seller partitions, the shared partition, due transitions and
    the domain event log."""

    def __init__(
        self,
        schema: Schema | None = None,
        event_types: EventTypes | None = None,
        event_retention: int = 10_000,
    ) -> None:
        self.schema = schema or Schema()
        self._journal: set[Change] = set()
        self.events = EventLog(event_types or EventTypes(), event_retention)
        self._tenants: dict[str, TenantState] = {}
        self.shared = self._partition(SHARED)
        self.scheduler = Scheduler()

    def _partition(self, seller_id: str) -> TenantState:
        return TenantState(seller_id, self._journal, self.schema, self.events)

    def tenant(self, seller_id: str) -> TenantState:
        """The partition of `seller_id`, created on first use. Sellers never share a partition."""
        found = self._tenants.get(seller_id)
        if found is None:
            found = self._tenants[seller_id] = self._partition(seller_id)
        return found

    def sellers(self) -> list[str]:
        return list(self._tenants)

    def reset(self, seller_id: str | None = None, *, keep_shared: bool = True) -> None:
        """Drop every seller's data (or one seller's), their pending transitions and their events.

        The shared partition (applications, sellers, tokens) survives unless keep_shared is False.
        """
        if seller_id is None:
            self._journal.update((s, "*", "*") for s in self._tenants)
            self._tenants = {}
            self.scheduler.clear()
            self.events.forget(None)
            if not keep_shared:
                self._journal.add((SHARED, "*", "*"))
                self.shared = self._partition(SHARED)
        else:
            self._journal.add((seller_id, "*", "*"))
            self._tenants.pop(seller_id, None)
            self.scheduler.clear(seller_id)
            self.events.forget(seller_id)

    def drain_changes(self) -> set[Change]:
        """What changed since the last drain (a `*` table or key means the whole partition or table)."""
        changes = set(self._journal)
        self._journal.clear()
        return changes

    def snapshot(self) -> dict[str, Any]:
        """The whole state as a JSON-able document."""
        return {
            "version": SNAPSHOT_VERSION,
            "shared": self.shared.dump(),
            "tenants": {sid: t.dump() for sid, t in self._tenants.items()},
            "scheduler": self.scheduler.dump(),
            "events": self.events.dump(),
        }

    def restore(self, document: dict[str, Any]) -> None:
        """Replace the whole state with a snapshot taken by `snapshot()`.

        ValueError (RecordError for a record) names what does not fit; the caller keeps a copy to put back.
        """
        version = document.get("version")
        if version != SNAPSHOT_VERSION:
            raise RecordError(
                f"state format {version!r} was written by another emulator version; "
                f"this one reads format {SNAPSHOT_VERSION}"
            )
        self.reset(keep_shared=False)
        self.shared.load(document.get("shared", {}))
        for seller_id, tables in document.get("tenants", {}).items():
            self.tenant(seller_id).load(tables)
        self.scheduler.load(document.get("scheduler", []))
        self.events.load(document.get("events", {}))
