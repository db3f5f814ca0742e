"""Unit checks of the control plane's building blocks: buckets, rule scopes, durations, SQLite flushes."""

from __future__ import annotations

import pytest

from emulator.catalog.operation import UsagePlan
from emulator.control.durations import parse_duration
from emulator.edge.fault_engine import FaultEngine
from emulator.edge.faults import Effect, FaultSpecError
from emulator.edge.ratelimit import RateLimiter
from emulator.errors import ControlError, QuotaExceeded
from emulator.state import Clock, IdFactory, Store
from emulator.state.records import Record, Schema, TableSpec
from emulator.state.sqlite import SqliteState


class Row(Record):
    n: int


ORDERS = TableSpec("orders", Row)
SCHEMA = Schema([ORDERS])

PLAN = UsagePlan(rate=2.0, burst=3)


def test_bucket_spends_burst_then_refills_at_rate():
    limiter = RateLimiter(mode="enforce")
    for _ in range(3):
        assert limiter.admit("op", PLAN, "app", "seller", 100.0) == "2.0"
    with pytest.raises(QuotaExceeded):
        limiter.admit("op", PLAN, "app", "seller", 100.0)
    limiter.admit("op", PLAN, "app", "seller", 100.5)  # one token back after 0.5 s at 2/s
    with pytest.raises(QuotaExceeded):
        limiter.admit("op", PLAN, "app", "seller", 100.5)
    assert limiter.admit("op", PLAN, "app", "other-seller", 100.5) == "2.0"


def test_bucket_never_exceeds_burst_and_ignores_a_clock_set_back():
    limiter = RateLimiter(mode="enforce")
    limiter.admit("op", PLAN, "app", "s", 0.0)
    limiter.admit("op", PLAN, "app", "s", 50.0)  # a long pause refills to the burst, not beyond
    limiter.admit("op", PLAN, "app", "s", 50.0)
    limiter.admit("op", PLAN, "app", "s", 10.0)  # clock set back: no refill, no crash
    with pytest.raises(QuotaExceeded):
        limiter.admit("op", PLAN, "app", "s", 10.0)


def test_report_and_off_modes_never_raise():
    assert RateLimiter(mode="report").admit("op", PLAN, "a", "s", 0.0) == "2.0"
    assert RateLimiter(mode="off").admit("op", PLAN, "a", "s", 0.0) is None
    assert RateLimiter(mode="enforce").admit("op", None, "a", "s", 0.0) is None
    with pytest.raises(ValueError):
        RateLimiter(mode="loud")


def test_rule_scope_first_n_every_nth_after_n():
    engine = FaultEngine(seed=1)
    engine.add({"effect": {"type": "empty"}, "times": 2, "after": 1, "every": 2})
    attrs = {"operation_id": "op", "path": "/p", "method": "GET", "seller_id": "s"}
    fired = [engine.select(attrs, b"", b"", 0.0) is not None for _ in range(9)]
    assert fired == [False, False, True, False, True, False, False, False, False]


def test_same_seed_same_draws_different_rule_id_different_draws():
    def draws(seed: int, rule_id: str) -> list[bool]:
        engine = FaultEngine(seed=seed)
        engine.add({"id": rule_id, "effect": {"type": "empty"}, "probability": 0.5})
        attrs = {"operation_id": "op", "path": "/p", "method": "GET", "seller_id": "s"}
        return [engine.select(attrs, b"", b"", 0.0) is not None for _ in range(40)]

    assert draws(3, "a") == draws(3, "a")
    assert draws(3, "a") != draws(3, "b")


def test_marketplace_match_reads_query_and_body():
    engine = FaultEngine(seed=1)
    engine.add({"effect": {"type": "empty"}, "match": {"marketplaceId": "M1"}})
    attrs = {"operation_id": "op", "path": "/p", "method": "POST", "seller_id": "s"}
    assert engine.select(attrs, b"marketplaceIds=M0,M1", b"", 0.0) is not None
    assert engine.select(attrs, b"", b'{"marketplaceId": "M1"}', 0.0) is not None
    assert engine.select(attrs, b"", b'{"marketplaceId": "M2"}', 0.0) is None
    assert engine.select(attrs, b"", b"{not json", 0.0) is None
    assert engine.select(attrs, b"", b'{"marketplaceIds": [{}, ["M1"], "M1"]}', 0.0) is not None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("503", "error"),
        ("latency:100-200", "latency"),
        ("drop", "drop"),
        ("content-type:text/plain", "content-type"),
        ("stale:5", "stale"),
    ],
)
def test_header_shorthand(text, kind):
    assert Effect.shorthand(text).kind == kind


@pytest.mark.parametrize("text", ["", "teapot", "latency:x", "error:99", "{bad json"])
def test_header_shorthand_rejects_nonsense(text):
    with pytest.raises(FaultSpecError):
        Effect.shorthand(text)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(30, 30), ("30", 30), ("1w", 604800), ("1h30m", 5400), ("PT45M", 2700), ("P2D", 172800), ("0.5s", 0.5)],
)
def test_durations(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["", "2 hours", "-5", "P", True, "1x"])
def test_bad_durations(value):
    with pytest.raises(ControlError):
        parse_duration(value)


def test_sqlite_writes_exactly_the_changes_and_whole_partitions_on_reset(tmp_path):
    store = Store(SCHEMA)
    backend = SqliteState(tmp_path / "s.db")
    store.tenant("S1").table(ORDERS).put("o1", Row(n=1))
    store.tenant("S2").table(ORDERS).put("o2", Row(n=2))
    store.scheduler.schedule(10.0, "kind", "S1", {"x": 1})
    backend.write(store, store.drain_changes(), [], {"scheduler": store.scheduler.dump()})
    store.tenant("S1").table(ORDERS).delete("o1")
    store.reset("S2")
    backend.write(store, store.drain_changes(), [], None)
    backend.close()

    again, again_ids, again_clock = Store(SCHEMA), IdFactory(0), Clock()
    assert SqliteState(tmp_path / "s.db").load(again, again_ids, again_clock)
    assert again.snapshot()["tenants"] == {}  # o1 deleted, S2's partition dropped
    assert again.scheduler.dump() == [[10.0, "kind", "S1", {"x": 1}]]


def test_sqlite_restore_of_a_snapshot_rewrites_everything(tmp_path):
    store = Store(SCHEMA)
    backend = SqliteState(tmp_path / "s.db")
    store.tenant("S1").table(ORDERS).put("o1", Row(n=1))
    backend.write(store, store.drain_changes(), [], None)
    document = store.snapshot()
    store.tenant("S1").table(ORDERS).put("o9", Row(n=9))
    backend.write(store, store.drain_changes(), [], None)
    store.restore(document)
    backend.write(store, store.drain_changes(), [], {"scheduler": []})
    again = Store(SCHEMA)
    SqliteState(tmp_path / "s.db").load(again, IdFactory(0), Clock())
    assert again.snapshot()["tenants"] == {"S1": {"orders": {"o1": {"n": 1}}}}
