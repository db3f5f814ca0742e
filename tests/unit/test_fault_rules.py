"""Fault rules and effects below the control API: parsing, scopes, descriptions, the engine's bookkeeping."""

from __future__ import annotations

import random

import pytest

from emulator.context import Caller
from emulator.edge.exchange import Exchange
from emulator.edge.fault_engine import FaultEngine, MarkStale, _marketplaces
from emulator.edge.faults import MAX_DELAY_MS, Effect, FaultRule, FaultSpecError, Injection
from emulator.state import Clock
from emulator.state.clock import iso, reachable

ERROR = {"type": "error", "status": 500}


def rule(**fields: object) -> FaultRule:
    return FaultEngine(seed=1).parse({"effect": ERROR, **fields})


# effects -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ms", "delay"),
    [(250, (0.25, 0.25)), ([500, 100], (0.1, 0.5)), (0, (0.0, 0.0)), (MAX_DELAY_MS, (600.0, 600.0))],
)
def test_latency_is_milliseconds_or_a_sorted_pair(ms, delay):
    assert Effect.parse({"type": "latency", "ms": ms}).delay == delay


@pytest.mark.parametrize("ms", [-1, MAX_DELAY_MS + 1, True, "5", [1], [1, 2, 3], [1, -2]])
def test_latency_outside_its_range_is_refused(ms):
    with pytest.raises(
        FaultSpecError, match=r"ms/delayMs must be milliseconds \(0 to 600000\) or a \[min, max\]"
    ):
        Effect.parse({"type": "latency", "ms": ms})


def test_an_effect_names_its_type_and_fields():
    with pytest.raises(FaultSpecError, match="an effect needs a `type`, one of .*'error', 'latency'"):
        Effect.parse({"type": "boom"})
    with pytest.raises(FaultSpecError, match="an effect needs a `type`"):
        Effect.parse(["error"])
    with pytest.raises(FaultSpecError, match=r"unknown effect fields \['colour', 'size'\]"):
        Effect.parse({"type": "empty", "size": 1, "colour": "red"})


def test_every_documented_effect_field_is_accepted():
    effect = Effect.parse(
        {
            "type": "error",
            "status": 400,
            "code": "C",
            "message": "M",
            "details": "D",
            "delayMs": 5,
            "contentType": "x/y",
            "seconds": 2,
            "processed": True,
        }
    )
    assert (effect.status, effect.code, effect.message, effect.details) == (400, "C", "M", "D")
    assert (effect.delay, effect.content_type, effect.seconds, effect.processed) == (
        (0.005, 0.005),
        "x/y",
        2.0,
        True,
    )


def test_an_error_effect_defaults_to_503_and_others_have_no_status():
    assert Effect.parse({"type": "error"}).status == 503
    empty = Effect.parse({"type": "empty"})
    assert (empty.status, empty.delay, empty.details, empty.processed) == (None, None, "", False)
    assert (empty.content_type, empty.seconds) == ("text/html;charset=UTF-8", 30.0)


@pytest.mark.parametrize("status", [400, 599])
def test_error_statuses_span_400_to_599(status):
    assert Effect.parse({"type": "error", "status": status, "code": "C", "message": "M"}).status == status


@pytest.mark.parametrize("status", [399, 600, "500", None])
def test_an_error_status_outside_400_to_599_is_refused(status):
    with pytest.raises(FaultSpecError, match="^an error effect needs a status between 400 and 599$"):
        Effect.parse({"type": "error", "status": status})


@pytest.mark.parametrize("given", [{}, {"code": "Teapot"}, {"message": "short and stout"}])
def test_a_non_standard_status_needs_code_and_message(given):
    with pytest.raises(
        FaultSpecError, match="status 418 has no standard SP-API error: give `code` and `message`"
    ):
        Effect.parse({"type": "error", "status": 418, **given})


def test_stale_seconds_may_be_below_one():
    assert Effect.parse({"type": "stale", "seconds": 0.5}).seconds == 0.5


@pytest.mark.parametrize("seconds", [0, -1, "5"])
def test_stale_seconds_must_be_positive(seconds):
    with pytest.raises(FaultSpecError, match="^stale `seconds` must be a positive number$"):
        Effect.parse({"type": "stale", "seconds": seconds})


def test_a_latency_effect_needs_ms_and_other_effects_delay_by_delay_ms():
    with pytest.raises(FaultSpecError, match="^a latency effect needs `ms`$"):
        Effect.parse({"type": "latency", "delayMs": 5})
    assert Effect.parse({"type": "empty", "ms": 5}).delay is None
    assert Effect.parse({"type": "empty", "delayMs": [1, 3]}).delay == (0.001, 0.003)


@pytest.mark.parametrize(
    ("text", "kind", "field", "value"),
    [
        (" 429 ", "error", "status", 429),
        ("error", "error", "status", 503),
        ("error:404", "error", "status", 404),
        ("latency:200", "latency", "delay", (0.2, 0.2)),
        ("latency:100-500", "latency", "delay", (0.1, 0.5)),
        ("stale", "stale", "seconds", 30.0),
        ("stale:5", "stale", "seconds", 5.0),
        ("content-type", "content-type", "content_type", "text/html;charset=UTF-8"),
        ("content-type:text/plain", "content-type", "content_type", "text/plain"),
        ('{"type": "drop", "processed": true}', "drop", "processed", True),
    ],
)
def test_header_shorthand(text, kind, field, value):
    effect = Effect.shorthand(text)
    assert effect.kind == kind
    assert getattr(effect, field) == value


@pytest.mark.parametrize("text", ["latency:soon", "error:x", "stale:long"])
def test_a_bad_shorthand_argument_is_named(text):
    with pytest.raises(FaultSpecError, match=f"bad argument in fault header '{text}'"):
        Effect.shorthand(text)


def test_a_json_header_must_be_valid_json():
    with pytest.raises(FaultSpecError, match="^the fault header holds invalid JSON$"):
        Effect.shorthand("{nope")


def test_describe_round_trips_each_effect():
    docs = [
        {"type": "error", "status": 500, "code": "InternalFailure", "message": "m", "details": "d"},
        {"type": "error", "status": 503, "code": "ServiceUnavailable"},
        {"type": "latency", "ms": 5.0},
        {"type": "latency", "ms": [1.0, 2.0]},
        {"type": "empty", "delayMs": 7.0},
        {"type": "content-type", "contentType": "a/b"},
        {"type": "stale", "seconds": 3.0},
        {"type": "drop", "processed": True},
        {"type": "truncate"},
    ]
    assert [Effect.parse(doc).describe() for doc in docs] == docs


def test_describe_rounds_delays_to_microseconds():
    assert Effect.parse({"type": "latency", "ms": 1.23456}).describe()["ms"] == 1.235
    assert Effect.parse({"type": "empty", "delayMs": [0.0004, 2.5]}).describe()["delayMs"] == [0.0, 2.5]


def test_injection_labels_name_the_status_of_errors_only():
    assert Injection(Effect.parse(ERROR), "f1").label == "error:500@f1"
    assert Injection(Effect.parse({"type": "empty"}), "r").label == "empty@r"


# rules ---------------------------------------------------------------------------------------------
def test_matches_checks_every_field():
    attrs = {"operation_id": "op", "path": "/a/b", "method": "GET", "seller_id": "S"}
    hit = rule(
        match={"operationId": "op", "path": "/a/*", "method": "get", "sellerId": "S", "marketplaceId": "M"}
    )
    assert hit.matches(attrs, lambda: {"M"})
    assert not hit.matches(attrs, lambda: {"N"})
    assert not hit.matches({**attrs, "path": "/b/a"}, lambda: {"M"})
    assert not hit.matches({**attrs, "seller_id": None}, lambda: {"M"})
    assert rule(match={"path": "*"}).matches({**attrs, "path": None}, set)
    assert not rule(match={"path": "?*"}).matches({**attrs, "path": None}, set)


def test_a_rule_fires_inside_its_window_only():
    start, end = reachable("2030-01-01T00:00:00Z"), reachable("2030-01-02T00:00:00Z")
    windowed = rule(**{"from": iso(start), "until": iso(end)})
    assert [windowed.fires(t) for t in (start - 1, start, end - 1, end)] == [False, True, True, False]
    assert windowed.matched == 2


def test_times_limits_how_often_a_rule_fires():
    twice = rule(times=2)
    assert [twice.fires(0) for _ in range(4)] == [True, True, False, False]
    assert (twice.matched, twice.applied) == (4, 2)
    assert not rule(times=0).fires(0)


def test_probability_draws_from_the_rules_seed():
    def draws(seed: int) -> list[bool]:
        half = rule(probability=0.5, seed=seed)
        return [half.fires(0) for _ in range(40)]

    assert draws(3) == draws(3) != draws(4)
    assert 0 < draws(3).count(True) < 40
    assert not any(rule(probability=0).fires(0) for _ in range(20))


def test_only_draws_that_decide_something_use_the_rules_rng():
    """A certain rule draws no probability and a fixed delay draws nothing: the seed's draws are kept."""
    seeded = random.Random("1:f1")
    ranged = rule(effect={"type": "latency", "ms": [10, 20]}, probability=1.0)
    assert [ranged.fires(0) and ranged.inject().delay for _ in range(3)] == [
        seeded.uniform(0.01, 0.02) for _ in range(3)
    ]

    def fired(effect: dict[str, object]) -> list[bool]:
        half = rule(effect=effect, probability=0.5)
        return [half.fires(0) and half.inject().delay >= 0 for _ in range(30)]

    assert fired({"type": "error", "status": 500, "delayMs": 5}) == fired(ERROR)


def test_inject_draws_the_delay():
    assert rule().inject().delay == 0.0
    fixed = FaultEngine(seed=1).parse({"effect": {"type": "latency", "ms": 40}})
    assert fixed.inject().delay == 0.04
    ranged = FaultEngine(seed=1).parse({"effect": {"type": "latency", "ms": [10, 20]}})
    drawn = {ranged.inject().delay for _ in range(20)}
    assert len(drawn) > 1 and all(0.01 <= d <= 0.02 for d in drawn)


def test_describe_a_rule():
    described = rule(
        id="r",
        match={"operationId": "op", "method": "post"},
        times=3,
        every=2,
        after=1,
        seed="s",
        **{"from": "2030-01-01T00:00:00Z", "until": "2030-01-02T00:00:00Z"},
    ).describe()
    assert described == {
        "id": "r",
        "match": {"operationId": "op", "method": "POST"},
        "effect": {"type": "error", "status": 500, "code": "InternalFailure"},
        "probability": 1.0,
        "after": 1,
        "seed": "s",
        "matched": 0,
        "applied": 0,
        "times": 3,
        "every": 2,
        "from": "2030-01-01T00:00:00.000Z",
        "until": "2030-01-02T00:00:00.000Z",
    }
    plain = rule().describe()
    assert "times" not in plain and "every" not in plain and "from" not in plain and "until" not in plain
    assert plain["seed"] == 1 and plain["after"] == 0


# the engine ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "a fault rule must be a JSON object"),
        ({"effect": ERROR, "tims": 1}, r"unknown fault rule fields \['tims'\] \(did you mean 'times'\?\)"),
        (
            {"effect": ERROR, "tims": 1, "evry": 2},
            r"unknown fault rule fields \['evry', 'tims'\] "
            r"\(did you mean 'every'\?\) \(did you mean 'times'\?\)",
        ),
        ({"effect": ERROR, "match": ["op"]}, r"`match` may only name \['marketplaceId', 'method'"),
        ({"effect": ERROR, "match": {"colour": "red"}}, "`match` may only name"),
        (
            {"effect": ERROR, "match": {"operationId": "getThings"}},
            r"`match.operationId`: the models declare no operation 'getThings' \(did you mean 'getThing'\?\)",
        ),
        ({"effect": ERROR, "probability": 1.5}, "`probability` must be between 0 and 1"),
        ({"effect": ERROR, "probability": -0.1}, "`probability` must be between 0 and 1"),
        ({"effect": ERROR, "probability": "1"}, "`probability` must be between 0 and 1"),
        ({"effect": ERROR, "seed": True}, "`seed` must be an integer or a string"),
        ({"effect": ERROR, "seed": 1.5}, "`seed` must be an integer or a string"),
        (
            {"effect": ERROR, "from": "2030-01-01T00:00:00Z", "until": "2030-01-01T00:00:00Z"},
            "`until` must be later than `from`",
        ),
        ({"effect": ERROR, "from": "soon"}, "`from`: soon is not an ISO-8601"),
        ({"effect": ERROR, "times": -1}, "`times` must be an integer >= 0"),
        ({"effect": ERROR, "every": 0}, "`every` must be an integer >= 1"),
        ({"effect": ERROR, "after": True}, "`after` must be an integer >= 0"),
        ({"effect": ERROR, "after": 1.0}, "`after` must be an integer >= 0"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(doc, message):
    with pytest.raises(FaultSpecError, match=f"^{message}"):
        FaultEngine(seed=1, operation_ids=("getThing", "putThing")).parse(doc)


def test_parse_fills_in_defaults():
    engine = FaultEngine(seed=9)
    first = engine.parse({"effect": ERROR, "match": {"sellerId": "S", "path": None}, "probability": 0})
    assert (first.id, first.match, first.probability, first.seed) == ("f1", {"seller_id": "S"}, 0.0, 9)
    assert (first.times, first.every, first.after, first.start, first.end) == (None, None, 0, None, None)
    assert engine.parse({"effect": ERROR, "id": "", "probability": 1}).id == "f2"
    assert engine.parse({"effect": ERROR, "id": "mine"}).id == "mine"
    assert engine.parse({"effect": ERROR, "match": {"operationId": "anything"}}).match == {
        "operation_id": "anything"
    }


def test_add_replaces_a_rule_with_the_same_id_in_place():
    engine = FaultEngine(seed=1)
    engine.add({"id": "a", "effect": ERROR})
    engine.add({"id": "b", "effect": ERROR})
    replacement = engine.add({"id": "a", "effect": {"type": "empty"}})
    assert engine.rules == [replacement, engine.rules[1]] and [r.id for r in engine.rules] == ["a", "b"]


def test_replace_numbers_from_f1_and_a_bad_list_changes_nothing():
    engine = FaultEngine(seed=1)
    engine.add({"effect": ERROR})
    engine.add({"effect": ERROR})
    assert [r.id for r in engine.replace([{"effect": ERROR}, {"effect": ERROR}])] == ["f1", "f2"]
    kept = list(engine.rules)
    with pytest.raises(FaultSpecError, match="^fault rule ids must be unique$"):
        engine.replace([{"id": "x", "effect": ERROR}, {"id": "x", "effect": ERROR}])
    with pytest.raises(FaultSpecError):
        engine.replace([{"effect": ERROR}, {"effect": {"type": "boom"}}])
    assert engine.rules == kept
    assert engine.add({"effect": ERROR}).id == "f3"


def test_remove_and_clear():
    engine = FaultEngine(seed=1)
    engine.add({"effect": ERROR})
    assert engine.remove("f1") and not engine.remove("f1")
    engine.add({"effect": ERROR})
    engine.open_stale("S", ["X"], 10.0)
    engine.clear()
    assert (engine.rules, engine.has_stale) == ([], False)
    assert engine.add({"effect": ERROR}).id == "f1"


def test_stale_windows_close_and_are_forgotten():
    engine = FaultEngine(seed=1)
    engine.open_stale("S", ["A", "B"], 10.0)
    assert engine.is_stale("S", ["Z", "A"], 9.9)
    assert not engine.is_stale("T", ["A"], 0.0)
    assert not engine.is_stale("S", ["A"], 10.0)
    assert engine.has_stale  # B is still open
    assert not engine.is_stale("S", ["B"], 11.0)
    assert not engine.has_stale
    engine.open_stale("S", ["A"], 10.0)
    engine.forget_stale()
    assert not engine.is_stale("S", ["A"], 0.0)


def test_select_takes_the_first_rule_that_fires():
    engine = FaultEngine(seed=1)
    engine.add({"id": "other", "match": {"marketplaceId": "M2"}, "effect": ERROR})
    engine.add({"id": "once", "times": 1, "effect": {"type": "empty"}})
    engine.add({"id": "last", "effect": ERROR})
    attrs = {"operation_id": "op", "path": "/", "method": "GET", "seller_id": "S"}
    picks = [engine.select(attrs, b"marketplaceIds=M1", b"", 0.0) for _ in range(2)]
    assert [p.rule_id for p in picks if p] == ["once", "last"]
    assert engine.select(attrs, b"", b'{"marketplaceId": "M2"}', 0.0).rule_id == "other"
    assert FaultEngine(seed=1).select(attrs, b"", b"", 0.0) is None


def test_header_faults_are_off_unless_allowed():
    assert FaultEngine(seed=5).describe() == {"rules": [], "headerFaults": False}


def stale_write(status: int, caller: Caller | None) -> Exchange:
    exchange = Exchange("POST", "/things/T1", b"", {}, b"", False)
    exchange.path_params, exchange.status, exchange.caller = {"thingId": "T1"}, status, caller
    exchange.injection = Injection(Effect.parse({"type": "stale", "seconds": 5}), "r")
    return exchange


@pytest.mark.parametrize(
    ("status", "seller", "opens"),
    [(200, "S", True), (299, "S", True), (300, "S", False), (400, "S", False), (200, None, False)],
)
def test_only_a_successful_sellers_write_opens_a_stale_window(status, seller, opens):
    engine, clock = FaultEngine(seed=1), Clock()
    caller = Caller(client_id="c", application_id="a", seller_id=seller)
    MarkStale(engine, clock)(stale_write(status, caller))
    assert engine.is_stale("S", ["T1"], clock.timestamp()) is opens


def test_a_write_opens_windows_for_its_path_ids_and_id_like_body_strings_only():
    engine, clock = FaultEngine(seed=1), Clock()
    write = stale_write(200, Caller(client_id="c", application_id="a", seller_id="S"))
    write.body = {"sellerSku": "SKU-1", "orderId": 7, "comment": "T2", "items": ["T3"]}
    MarkStale(engine, clock)(write)
    now = clock.timestamp()
    assert engine.is_stale("S", ["T1"], now) and engine.is_stale("S", ["SKU-1"], now)
    assert not any(engine.is_stale("S", [other], now) for other in ("7", "T2", "T3"))


def test_a_write_without_a_caller_opens_nothing():
    engine = FaultEngine(seed=1)
    MarkStale(engine, Clock())(stale_write(200, None))
    assert not engine.has_stale


def test_header_delays_are_seeded():
    assert FaultEngine(seed=5).header_delay((0.1, 0.2)) == FaultEngine(seed=5).header_delay((0.1, 0.2))
    assert 0.1 <= FaultEngine(seed=5).header_delay((0.1, 0.2)) <= 0.2
    assert FaultEngine(seed=5, allow_header=True).describe() == {"rules": [], "headerFaults": True}


@pytest.mark.parametrize(
    ("query", "body", "found"),
    [
        (b"marketplaceIds=A,B&marketplaceId=C&other=D", b"", {"A", "B", "C"}),
        (b"", b'{"marketplaceId": "A", "marketplaceIds": ["B", 3]}', {"A", "B"}),
        (b"marketplaceId=A", b"{broken", {"A"}),
        (b"", b'["marketplaceId"]', set()),
    ],
)
def test_marketplaces_of_a_call(query, body, found):
    assert _marketplaces(query, body) == found
