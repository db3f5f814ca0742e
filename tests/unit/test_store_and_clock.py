"""Store partitions, journaling, snapshots, reset; the clock; the scheduler's ordering."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from emulator.state import Clock, IdFactory, Store
from emulator.state.clock import iso, parse_iso
from emulator.state.records import Record, RecordError, Schema, TableSpec


class Row(Record):
    """A test record."""

    id: str = ""
    n: int = 0
    items: list[int] = []


class App(Record):
    client_id: str


ORDERS = TableSpec("orders", Row)
APPS = TableSpec("applications", App)
SCHEMA = Schema([ORDERS, APPS])


def test_partitions_are_separate_per_seller():
    store = Store()
    store.tenant("A1").table(ORDERS).put("o1", Row(id="o1"))
    assert store.tenant("A1").table(ORDERS).get("o1") == Row(id="o1")
    assert store.tenant("B2").table(ORDERS).get("o1") is None
    assert len(store.tenant("B2").table(ORDERS)) == 0


def test_writes_are_journaled_until_drained():
    store = Store()
    table = store.tenant("A1").table(ORDERS)
    table.put("o1", Row(n=1))
    table.delete("o2")
    assert store.drain_changes() == {("A1", "orders", "o1"), ("A1", "orders", "o2")}
    assert store.drain_changes() == set()
    table.put("o3", Row())
    assert store.drain_changes() == {("A1", "orders", "o3")}


def test_reset_forgets_sellers_but_keeps_the_shared_partition():
    store = Store()
    store.shared.table(APPS).put("c", App(client_id="c"))
    store.tenant("A1").table(ORDERS).put("o1", Row())
    store.tenant("B2").table(ORDERS).put("o1", Row())
    store.scheduler.schedule(1.0, "k", "A1", {})
    store.scheduler.schedule(2.0, "k", "B2", {})
    store.reset("A1")
    assert len(store.tenant("A1").table(ORDERS)) == 0 and len(store.tenant("B2").table(ORDERS)) == 1
    assert store.scheduler.pending() == 1
    store.reset()
    assert store.sellers() == [] and store.scheduler.pending() == 0
    assert store.shared.table(APPS).get("c") == App(client_id="c")


def test_snapshot_round_trips_and_is_detached():
    store = Store()
    store.tenant("A1").table(ORDERS).put("o1", Row(items=[1, 2]))
    store.scheduler.schedule(5.0, "outbound.advance", "A1", {"id": "o1"})
    document = store.snapshot()
    store.tenant("A1").table(ORDERS).get("o1").items.append(3)
    other = Store(SCHEMA)
    other.restore(document)
    assert other.tenant("A1").table(ORDERS).get("o1") == Row(items=[1, 2])
    assert other.scheduler.dump() == [[5.0, "outbound.advance", "A1", {"id": "o1"}]]


def test_restore_rejects_unknown_versions():
    with pytest.raises(RecordError, match="written by another emulator version"):
        Store().restore({"version": 99})


def test_restore_names_a_record_that_does_not_fit_its_type():
    document = Store(SCHEMA).snapshot()
    document["tenants"] = {"A1": {"orders": {"o1": {"n": "many"}}}}
    with pytest.raises(RecordError, match=r"orders.*\$\.n"):
        Store(SCHEMA).restore(document)


def test_scheduler_fires_due_events_in_time_order_including_ones_they_schedule():
    store = Store()
    fired: list[tuple[float, str]] = []

    def handler(store_, seller_id, payload, due):
        fired.append((due, payload["name"]))
        if payload["name"] == "b":
            store_.scheduler.schedule(due + 1, "k", seller_id, {"name": "b+1"})

    store.scheduler.schedule(30.0, "k", "A1", {"name": "c"})
    store.scheduler.schedule(10.0, "k", "A1", {"name": "a"})
    store.scheduler.schedule(20.0, "k", "A1", {"name": "b"})
    assert store.scheduler.run_due(25.0, store, {"k": handler}) == 3
    assert fired == [(10.0, "a"), (20.0, "b"), (21.0, "b+1")]
    assert store.scheduler.next_due() == 30.0


def test_clock_freezes_advances_and_sets():
    start = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    clock = Clock(start)
    clock.freeze()
    frozen = clock.timestamp()
    assert clock.timestamp() == frozen
    clock.advance(86_400)
    assert clock.now() == datetime.fromtimestamp(frozen, UTC) + timedelta(days=1)
    clock.set(start)
    assert clock.now() == start
    with pytest.raises(ValueError):
        clock.advance(-1)
    clock.run(10.0)
    assert clock.speed == 10.0 and not clock.frozen


def test_iso_formats_like_sp_api_and_parses_back():
    instant = datetime(2025, 3, 2, 14, 5, 11, 420_000, tzinfo=UTC)
    assert iso(instant) == "2025-03-02T14:05:11.420Z"
    assert parse_iso("2025-03-02T14:05:11.420Z") == instant
    assert parse_iso("2025-03-02T14:05:11") == instant.replace(microsecond=0)


def test_ids_are_reproducible_from_a_seed():
    first, second = IdFactory(42), IdFactory(42)
    assert [first.uuid(), first.token("Atza|", 10), first.upper(10)] == [
        second.uuid(),
        second.token("Atza|", 10),
        second.upper(10),
    ]
    assert IdFactory(1).uuid() != IdFactory(2).uuid()
