"""Behaviour settings records: held to the control API document, and the orders kept in Planning."""

from __future__ import annotations

from dataclasses import fields

import pytest
import yaml

from emulator.apis.inbound.timings import Timings as InboundTimings
from emulator.apis.outbound.timings import Timings
from emulator.apis.reports.timings import ReportTimings
from emulator.control.contract import SPEC
from tests.control.support import V2020, order_body, preview_body, stock, token

TIMINGS = "/_emulator/config/outbound.timings"
PLANNING = "/_emulator/config/outbound.planning"


@pytest.mark.parametrize(
    ("schema", "timings"),
    [("OutboundTimings", Timings), ("ReportsTimings", ReportTimings), ("InboundTimings", InboundTimings)],
)
def test_the_document_names_every_timing_the_lifecycle_reads(schema, timings):
    schemas = yaml.safe_load(SPEC.read_text())["components"]["schemas"]
    assert set(schemas[schema]["properties"]) == {f.name for f in fields(timings)}


@pytest.mark.parametrize(
    ("path", "body", "error", "named"),
    [
        (TIMINGS, {"planing_after": 5}, "InvalidBody", "did you mean 'planning_after'?"),
        (TIMINGS, {"planning_after": "5"}, "InvalidBody", "planning_after"),
        (TIMINGS, {"planning_after": True}, "InvalidBody", "planning_after"),
        (TIMINGS, {"ship_after": -1}, "InvalidBody", "ship_after"),
        (TIMINGS, {"ship_after": 1e300}, "InvalidBody", "ship_after"),
        (TIMINGS, [1], "InvalidBody", "object"),
        (PLANNING, {"stuck_skus": "MUG-01"}, "InvalidBody", "stuck_skus"),
        (PLANNING, {"stuck_orders": [""]}, "InvalidBody", "stuck_orders"),
        ("/_emulator/config/outbound.timing", {}, "UnknownConfig", "did you mean 'outbound.timings'?"),
        ("/_emulator/config/nothing", {}, "UnknownConfig", "'nothing'"),
    ],
)
def test_a_record_that_breaks_the_document_is_a_400_naming_it(http, path, body, error, named):
    response = http.put(path, json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"] == error and named in response.json()["message"]
    assert http.get("/_emulator/config").json() == {}  # nothing was stored


def test_valid_records_are_stored_and_echoed(http):
    assert http.put(TIMINGS, json={"planning_after": 0.5}).json() == {"planning_after": 0.5}
    assert http.put(PLANNING, json={"stuck_skus": ["MUG-02"]}).status_code == 200
    assert http.get("/_emulator/config").json() == {
        "outbound.timings": {"planning_after": 0.5},
        "outbound.planning": {"stuck_skus": ["MUG-02"]},
    }


def fresh(http) -> dict[str, str]:
    """A token issued now (the clock moved past the fixture's)."""
    return {"x-amz-access-token": token(http)}


def status(http, order_id: str) -> str:
    answer = http.get(f"{V2020}/fulfillmentOrders/{order_id}", headers=fresh(http))
    return str(answer.json()["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"])


def test_orders_named_by_sku_or_id_pass_the_preview_then_stay_in_planning(http, auth, live):
    for sku in ("MUG-01", "TEE-M"):
        stock(live, sku)
    http.put(PLANNING, json={"stuck_skus": ["MUG-01"], "stuck_orders": ["BY-ID"]})
    http.post("/_emulator/clock/freeze")
    preview = http.post(f"{V2020}/fulfillmentOrders/preview", json=preview_body("MUG-01"), headers=auth)
    assert all(p["isFulfillable"] for p in preview.json()["payload"]["fulfillmentPreviews"])
    for order_id, sku in (("BY-SKU", "MUG-01"), ("BY-ID", "TEE-M"), ("FREE", "TEE-M")):
        created = http.post(f"{V2020}/fulfillmentOrders", json=order_body(order_id, sku), headers=auth)
        assert created.status_code == 200, created.text
    http.post("/_emulator/clock/advance", json={"by": "30d"})
    assert [status(http, o) for o in ("BY-SKU", "BY-ID", "FREE")] == ["Planning", "Planning", "Complete"]
    cancelled = http.put(f"{V2020}/fulfillmentOrders/BY-SKU/cancel", headers=fresh(http))
    assert cancelled.status_code == 200 and status(http, "BY-SKU") == "Cancelled"
    moved = http.put(
        f"{V2020}/fulfillmentOrders/BY-ID/status",
        json={"fulfillmentOrderStatus": "Processing"},
        headers=fresh(http),
    )
    assert moved.status_code == 200, moved.text
    http.post("/_emulator/clock/advance", json={"by": "1d"})
    assert status(http, "BY-ID") == "Complete"  # a sandbox status update wakes a stuck order


def test_an_order_already_in_planning_sticks_when_its_picking_falls_due(http, auth, live):
    stock(live)
    http.post("/_emulator/clock/freeze")
    http.post(f"{V2020}/fulfillmentOrders", json=order_body("LATE"), headers=auth)
    http.post("/_emulator/clock/advance", json={"by": "15m"})
    assert status(http, "LATE") == "Planning"
    http.put(PLANNING, json={"stuck_orders": ["LATE"]})
    http.post("/_emulator/clock/advance", json={"by": "2d"})
    assert status(http, "LATE") == "Planning"
