"""The store: all emulator state, partitioned per seller, as tables of JSON-able records.

A record is a plain dict shaped close to what the API returns. Every `put`/`delete` is journaled,
so a durable backend can persist exactly what a request changed; snapshots are plain JSON.
Reset replaces the containers rather than clearing them one by one, so it costs microseconds.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from emulator.state.scheduler import Scheduler

Record = dict[str, Any]
Change = tuple[str, str, str]  # (partition, table, key)
SNAPSHOT_VERSION = 1
SHARED = "_shared"


class Table:
    """Records of one kind in one partition, by key, in insertion order."""

    __slots__ = ("name", "partition", "_rows", "_journal")

    def __init__(self, partition: str, name: str, journal: set[Change]) -> None:
        self.partition = partition
        self.name = name
        self._rows: dict[str, Record] = {}
        self._journal = journal

    def get(self, key: str) -> Record | None:
        return self._rows.get(key)

    def put(self, key: str, record: Record) -> Record:
        """Insert or replace; call it again after mutating a record so the change is journaled."""
        self._rows[key] = record
        self._journal.add((self.partition, self.name, key))
        return record

    def delete(self, key: str) -> Record | None:
        self._journal.add((self.partition, self.name, key))
        return self._rows.pop(key, None)

    def values(self) -> Iterator[Record]:
        return iter(self._rows.values())

    def items(self) -> Iterator[tuple[str, Record]]:
        return iter(self._rows.items())

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def dump(self) -> dict[str, Record]:
        return copy.deepcopy(self._rows)

    def load(self, rows: dict[str, Record]) -> None:
        self._rows = copy.deepcopy(rows)


class TenantState:
    """One partition: a seller's data (or the shared partition holding applications and sellers)."""

    __slots__ = ("seller_id", "_tables", "_journal")

    def __init__(self, seller_id: str, journal: set[Change]) -> None:
        self.seller_id = seller_id
        self._tables: dict[str, Table] = {}
        self._journal = journal

    def table(self, name: str) -> Table:
        """The named table, created empty on first use."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = Table(self.seller_id, name, self._journal)
        return found

    def dump(self) -> dict[str, dict[str, Record]]:
        return {name: t.dump() for name, t in self._tables.items() if len(t)}

    def load(self, tables: dict[str, dict[str, Record]]) -> None:
        for name, rows in tables.items():
            self.table(name).load(rows)


class Store:
    """All state of one emulator instance: seller partitions, the shared partition, due transitions."""

    def __init__(self) -> None:
        self._journal: set[Change] = set()
        self._tenants: dict[str, TenantState] = {}
        self.shared = TenantState(SHARED, self._journal)
        self.scheduler = Scheduler()

    def tenant(self, seller_id: str) -> TenantState:
        """The partition of `seller_id`, created on first use. Sellers never share a partition."""
        found = self._tenants.get(seller_id)
        if found is None:
            found = self._tenants[seller_id] = TenantState(seller_id, self._journal)
        return found

    def sellers(self) -> list[str]:
        return list(self._tenants)

    def reset(self, seller_id: str | None = None, *, keep_shared: bool = True) -> None:
        """Drop every seller's data (or one seller's), and their pending transitions.

        The shared partition (applications, sellers, tokens) survives unless keep_shared is False.
        """
        if seller_id is None:
            self._journal.update((s, "*", "*") for s in self._tenants)
            self._tenants = {}
            self.scheduler.clear()
            if not keep_shared:
                self._journal.add((SHARED, "*", "*"))
                self.shared = TenantState(SHARED, self._journal)
        else:
            self._journal.add((seller_id, "*", "*"))
            self._tenants.pop(seller_id, None)
            self.scheduler.clear(seller_id)

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
        }

    def restore(self, document: dict[str, Any]) -> None:
        """Replace the whole state with a snapshot taken by `snapshot()`."""
        if document.get("version") != SNAPSHOT_VERSION:
            raise ValueError(
                f"unsupported snapshot version {document.get('version')!r}; expected {SNAPSHOT_VERSION}"
            )
        self.reset(keep_shared=False)
        self.shared.load(document.get("shared", {}))
        for seller_id, tables in document.get("tenants", {}).items():
            self.tenant(seller_id).load(tables)
        self.scheduler.load(document.get("scheduler", []))
