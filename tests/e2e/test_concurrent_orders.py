"""Many clients placing orders for scarce stock at the same moment, over TCP, against a `serve` process.

Eight threads, each with its own connection, are released together by a barrier, so requests really
overlap on the server: no unit may be promised twice, and every order gets an answer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import V2020, order_body
from tests.processes import emulator_serve

US = "ATVPDKIKX0DER"
STOCK, ORDERS, THREADS = 10, 40, 8


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with emulator_serve("--seed", "5", "--strict-responses") as base:
        yield base


def access_token(base: str) -> str:
    answer = httpx.post(
        f"{base}/auth/o2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": DEFAULTS.refresh_token,
            "client_id": DEFAULTS.client_id,
            "client_secret": DEFAULTS.client_secret,
        },
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def test_concurrent_creates_over_http_never_oversell(base_url):
    headers = {"x-amz-access-token": access_token(base_url)}
    with httpx.Client(base_url=base_url, headers=headers) as http:
        item = {"sellerSku": "SCARCE", "marketplaceId": US, "productName": "Scarce"}
        assert http.post("/fba/inventory/v1/items", json=item).status_code == 200
        added = http.post(
            "/fba/inventory/v1/items/inventory",
            headers={"x-amzn-idempotency-token": "scarce-1"},
            json={"inventoryItems": [{"sellerSku": "SCARCE", "marketplaceId": US, "quantity": STOCK}]},
        )
        assert added.status_code == 200, added.text
    start = threading.Barrier(THREADS)

    def place(worker: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
            http.get("/fba/outbound/2020-07-01/features", params={"marketplaceId": US})  # connect first
            start.wait()
            for n in range(worker, ORDERS, THREADS):
                body = order_body(f"RUSH-{n}", "SCARCE", 1)
                codes.append(http.post(f"{V2020}/fulfillmentOrders", json=body).status_code)
        return codes

    with ThreadPoolExecutor(THREADS) as pool:
        codes = [code for batch in pool.map(place, range(THREADS)) for code in batch]
    assert codes == [200] * ORDERS
    with httpx.Client(base_url=base_url, headers=headers) as http:
        statuses = [
            http.get(f"{V2020}/fulfillmentOrders/RUSH-{n}").json()["payload"]["fulfillmentOrder"][
                "fulfillmentOrderStatus"
            ]
            for n in range(ORDERS)
        ]
        summary = http.get(
            "/fba/inventory/v1/summaries",
            params={
                "details": "true",
                "granularityType": "Marketplace",
                "granularityId": US,
                "marketplaceIds": US,
                "sellerSku": "SCARCE",
            },
        ).json()["payload"]["inventorySummaries"][0]["inventoryDetails"]
    assert sorted(set(statuses)) == ["Invalid", "Received"]
    assert statuses.count("Received") == STOCK
    assert summary["fulfillableQuantity"] == 0
    assert summary["reservedQuantity"]["pendingCustomerOrderQuantity"] == STOCK
