"""The benchmark's parts that need no server: scenarios, wrk's script and report, the printed report."""

from __future__ import annotations

import random

import orjson
from starlette.testclient import TestClient

from emulator.bench.bare import bare_app
from emulator.bench.report import render, verdicts
from emulator.bench.scenarios import SCENARIOS, fill, order_name, sku_name
from emulator.bench.wrk import lua_script, parse_report

WRK_REPORT = """Running 5s test @ http://127.0.0.1:4010
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.94ms  718.43us  21.11ms   94.07%
    Req/Sec     8.25k   556.55     9.37k    86.67%
  Latency Distribution
     50%  812.00us
     75%    1.23ms
     90%    1.58ms
     99%    4.10ms
  41234 requests in 5.00s, 53.69MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   8246.72
Transfer/sec:     10.73MB
"""


def test_wrk_report_is_read_with_units_and_errors() -> None:
    result = parse_report(WRK_REPORT)
    assert result.requests_per_second == 8246.72
    assert result.p50_ms == 0.812 and result.p99_ms == 4.1
    assert (result.requests, result.non_2xx, result.socket_errors) == (41234, 7, 3)
    assert round(result.us_per_request, 1) == 121.3


def test_every_scenario_expands_to_a_valid_request() -> None:
    rng = random.Random(3)
    for scenario in SCENARIOS:
        path, body = scenario.expand(rng, 1000, 10_000, "NEW-1")
        assert "@" not in path and path.startswith("/")
        if body is not None:
            document = orjson.loads(body)
            assert "@" not in body
            skus = [item["sellerSku"] for item in document["items"]]
            assert len(set(skus)) == 2 and all(s.startswith("BENCH-SKU-") for s in skus)
    assert SCENARIOS[2].expand(random.Random(1), 5, 1, "x")[0].endswith(order_name(1))


def test_the_next_sku_wraps_around() -> None:
    assert fill("@SKU@ @SKU2@ @SKU3@", 5, 5, "", "") == f"{sku_name(5)} {sku_name(1)} {sku_name(2)}"


def test_lua_script_quotes_templates_safely() -> None:
    create = next(s for s in SCENARIOS if s.operation_id == "createFulfillmentOrder")
    script = lua_script(create, {"x-amz-access-token": "Atza|]]tricky"}, 1000, 10, "L7")
    assert '"L7"' in script and "Atza|]]tricky" in script
    assert "%05d" in script and "%07d" in script
    assert "function request()" in script and script.count("[===[") == script.count("]===]")


def test_bare_endpoint_answers_the_canned_bodies() -> None:
    bodies = {
        "getFulfillmentOrder": {"payload": {"fulfillmentOrder": {"id": "A"}}},
        "getFulfillmentPreview": {"payload": {"fulfillmentPreviews": []}},
    }
    with TestClient(bare_app(bodies)) as client:
        got = client.get("/fba/outbound/2020-07-01/fulfillmentOrders/ANY-ORDER")
        assert got.json() == bodies["getFulfillmentOrder"]
        assert (
            client.post("/fba/outbound/2020-07-01/fulfillmentOrders/preview", content=b"{}").json()
            == bodies["getFulfillmentPreview"]
        )


def _load(rps: float, p99: float = 2.0, errors: int = 0) -> dict[str, float]:
    return {
        "requests_per_second": rps,
        "p50_ms": 1.0,
        "p99_ms": p99,
        "requests": 1000,
        "non_2xx": errors,
        "socket_errors": 0,
    }


def test_report_computes_ratios_and_verdicts() -> None:
    ops = ("getInventorySummaries", "getFulfillmentPreview")

    sizes = {"emulator": 3102, "prism-static": 1024, "prism-dynamic": 47_000}

    def target(kind: str, rps: float, orders: int = 0, rss: float | None = None, errors: int = 0) -> dict:
        return {
            "name": kind,
            "kind": kind,
            "world": {"orders": orders, "rss_mb": rss},
            "probe": {op: {"status": 200, "bytes": sizes.get(kind, 3102)} for op in ops},
            "rss_mb": rss,
            "load": {
                op: {"16": _load(rps, errors=errors), "64": _load(rps * 0.9, errors=errors)} for op in ops
            },
            "error": None,
        }

    results = {
        "machine": {
            "cpu": "test",
            "cores": 2,
            "memory_gib": 1,
            "os": "x",
            "python": "3.11",
            "mcf_emulator": "0",
            "packages": {"uvicorn": "1"},
            "wrk": "4.1",
            "node": "20",
            "prism": "5.14",
        },
        "options": {
            "server_cpu": 0,
            "load_cpu": 1,
            "duration": 5,
            "warmup": 1,
            "skus": 1000,
            "connections": [16, 64],
        },
        "cold_start": {"median": 0.4, "best": 0.3, "worst": 0.5, "runs": 3},
        "reset": {"runtime.reset()": {"median": 2e-6, "best": 1e-6, "worst": 3e-6, "runs": 10}},
        "targets": [
            target("emulator", 7000, 10_000),
            target("bare", 18000),
            target("prism-static", 3000),
            target("prism-dynamic", 200),
            target("emulator-large", 6000, 100_000, rss=150.0),
            {**target("emulator-baseline", 7000), "world": {"orders": 10, "orders_after_load": 41_234}},
        ],
        "notes": [],
    }
    marks = {label: met for label, _, met in verdicts(results)}
    assert marks["getInventorySummaries >= 2x Prism static"] is True
    assert marks["getFulfillmentPreview >= 35% of bare Starlette"] is True
    assert marks["cost with 100,000 orders <= 1.2x cost with 10"] is True
    assert marks["RSS < 200 MB with 100,000 orders"] is True
    text = render(results)
    assert "2.3x" in text and "39%" in text and "MISSED" not in text
    assert "answer bytes: emulator / Prism static / Prism dynamic" in text
    assert "3,102 / 1,024 / 47,000" in text
    assert (
        "CPU us/req @ 10 orders (41,234 after the creates)" in text
    )  # the baselines answer other bytes than the emulator

    results["targets"][0] = target("emulator", 7000, 10_000, errors=5)
    marks = {label: met for label, _, met in verdicts(results)}
    assert marks["getInventorySummaries >= 2x Prism static"] is None  # errors never count as throughput
