"""Durable state: kill -9 the server amid concurrent writes, restart it, lose nothing acknowledged.

The server runs as a real subprocess (`mcf-emulator serve --state sqlite:PATH`). Writers create
fulfillment orders (each reserves one unit) and issue LWA tokens from several threads; the test
SIGKILLs the server while they run, starts it again on the same file and checks that every write
acknowledged with a 2xx is there and that inventory still adds up.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.control.support import V2020, free_port, order_body, stock_levels, token

STOCK = 100_000
WRITERS = 4


def start(db: Path, port: int) -> subprocess.Popen[bytes]:
    log = db.with_suffix(".log")
    with log.open("ab") as sink:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "emulator",
                "serve",
                "--port",
                str(port),
                "--state",
                f"sqlite:{db}",
                "--seed",
                "11",
            ],
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    process.wait(10)
    pytest.fail(f"the emulator did not start: {log.read_text()}")


def reserved_and_fulfillable(http: httpx.Client, auth: dict[str, str]) -> tuple[int, int]:
    details = stock_levels(http, auth)["MUG-01"]["inventoryDetails"]
    return details["reservedQuantity"]["totalReservedQuantity"], details["fulfillableQuantity"]


def all_orders(http: httpx.Client, auth: dict[str, str]) -> dict[str, str]:
    """Every order of the default seller: id -> status."""
    found: dict[str, str] = {}
    params: dict[str, str] = {}
    while True:
        payload = http.get(f"{V2020}/fulfillmentOrders", headers=auth, params=params).json()["payload"]
        found.update(
            (o["sellerFulfillmentOrderId"], o["fulfillmentOrderStatus"]) for o in payload["fulfillmentOrders"]
        )
        if not payload.get("nextToken"):
            return found
        params = {"nextToken": payload["nextToken"]}


def all_events(http: httpx.Client) -> list[dict[str, Any]]:
    """Every retained domain event, oldest first, paged with `after`."""
    events: list[dict[str, Any]] = []
    after = 0
    while True:
        page = http.get("/_emulator/events", params={"after": after, "limit": 500}).json()
        events.extend(page["events"])
        if not page["events"]:
            return events
        after = page["events"][-1]["sequence"]


def assert_every_change_has_its_event(
    http: httpx.Client, orders: dict[str, str], stock: dict[str, Any]
) -> None:
    """After a restart: each order's newest OrderStatusChanged names its status, no event names an order that
    is not there, and MUG-01's newest InventoryAvailabilityChanged holds its quantities now."""
    events = all_events(http)
    sequences = [e["sequence"] for e in events]
    assert sequences == sorted(set(sequences)), "events are not in one strictly increasing order"
    newest_status: dict[str, str] = {}
    newest_stock: dict[str, Any] | None = None
    for event in events:
        if event["type"] == "OrderStatusChanged":
            newest_status[event["data"]["order_id"]] = event["data"]["status"]
        elif event["type"] == "InventoryAvailabilityChanged" and event["data"]["seller_sku"] == "MUG-01":
            newest_stock = event["data"]["buckets"]
    assert newest_status == orders, "an order's state and its events disagree after the restart"
    assert newest_stock is not None
    details = stock["inventoryDetails"]
    assert newest_stock.get("fulfillable", 0) == details["fulfillableQuantity"]
    assert (
        newest_stock.get("pending_customer_order", 0)
        == details["reservedQuantity"]["pendingCustomerOrderQuantity"]
    )


def test_kill_9_under_concurrent_writes_loses_no_acknowledged_write(tmp_path):
    db, port = tmp_path / "state.db", free_port()
    url = f"http://127.0.0.1:{port}"
    server = start(db, port)
    try:
        with httpx.Client(base_url=url, timeout=5) as http:
            http.post("/_emulator/clock/freeze")  # no lifecycle progress: reservations stay countable
            assert (
                http.post(
                    "/_emulator/seed", json={"inventory": [{"sku": "MUG-01", "quantity": STOCK}]}
                ).status_code
                == 200
            )
            auth = {"x-amz-access-token": token(http)}
        acked_orders: list[str] = []
        acked_tokens: list[str] = []
        stop = threading.Event()

        def writer(n: int) -> None:
            with httpx.Client(base_url=url, timeout=5) as client:
                i = 0
                while not stop.is_set():
                    i += 1
                    try:
                        if i % 3 == 0:
                            acked_tokens.append(token(client))
                            continue
                        order_id = f"W{n}-{i}"
                        response = client.post(
                            f"{V2020}/fulfillmentOrders", json=order_body(order_id), headers=auth
                        )
                    except (httpx.HTTPError, AssertionError):
                        return  # the server died under us
                    if response.status_code == 200:
                        acked_orders.append(order_id)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while len(acked_orders) < 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill()  # SIGKILL, mid-load
        server.wait(10)
        stop.set()
        for thread in threads:
            thread.join(10)
        assert len(acked_orders) >= 60, "the writers did not get going"

        server = start(db, port)
        with httpx.Client(base_url=url, timeout=5) as http:
            present = all_orders(http, auth)
            assert set(acked_orders) <= set(present)
            assert_every_change_has_its_event(http, present, stock_levels(http, auth)["MUG-01"])
            for access_token in acked_tokens[-5:]:
                answer = http.get(
                    f"{V2020}/fulfillmentOrders/{acked_orders[0]}",
                    headers={"x-amz-access-token": access_token},
                )
                assert answer.status_code == 200
            reserved, fulfillable = reserved_and_fulfillable(http, auth)
            assert reserved == len(present)
            assert reserved + fulfillable == STOCK
            assert http.get("/_emulator/clock").json()["frozen"] is True
    finally:
        server.kill()
        server.wait(10)
