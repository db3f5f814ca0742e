"""Building the benchmark's world inside an emulator, through its own SP-API operations.

Every SKU, unit and order is created by calling the emulator's ASGI app in-process with the same
requests a client would send (createInventoryItem, addInventory, createFulfillmentOrder), so the world
is exactly what the real operations make of them, without the cost of a socket per call. Orders are
spread evenly over the past `span_days` on the emulator clock, which is then brought back to now,
so the world holds orders at every stage of their lifecycle.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from emulator.bench.scenarios import MARKETPLACE, ORDER_BODY, fill, order_name, sku_name
from emulator.lwa.accounts import DEFAULTS

UNITS_PER_SKU = 1_000_000
"""Stock per SKU: enough that neither the world nor a long load run ever sells out."""
ADD_BATCH = 100


async def asgi_request(
    app: Any, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> tuple[int, bytes]:
    """Send one HTTP request to an ASGI app without a socket; (status, body)."""
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8787),
    }
    sent = False
    status, chunks = 0, []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


def world_token(runtime: Any, valid_for: float) -> str:
    """An access token of the default seller that outlives the world's trip through time."""
    return str(
        runtime.accounts.add_access_token(
            DEFAULTS.client_id, DEFAULTS.seller_id, [], runtime.clock.timestamp() + valid_for
        )
    )


class WorldBuilder:
    """Calls the emulator's operations and counts the answers per operation and status."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self.headers = {"x-amz-access-token": token, "content-type": "application/json"}
        self.outcomes: Counter[str] = Counter()

    async def call(
        self, operation_id: str, method: str, path: str, body: Any, extra: dict[str, str] | None = None
    ) -> int:
        raw = body if isinstance(body, bytes) else orjson.dumps(body)
        status, _ = await asgi_request(self.app, method, path, {**self.headers, **(extra or {})}, raw)
        self.outcomes[f"{operation_id} {status}"] += 1
        return status

    async def stock(self, skus: int) -> None:
        for n in range(1, skus + 1):
            await self.call(
                "createInventoryItem",
                "POST",
                "/fba/inventory/v1/items",
                {
                    "sellerSku": sku_name(n),
                    "marketplaceId": MARKETPLACE,
                    "productName": f"Benchmark product {n}",
                },
            )
        for first in range(1, skus + 1, ADD_BATCH):
            items = [
                {"sellerSku": sku_name(n), "marketplaceId": MARKETPLACE, "quantity": UNITS_PER_SKU}
                for n in range(first, min(first + ADD_BATCH, skus + 1))
            ]
            await self.call(
                "addInventory",
                "POST",
                "/fba/inventory/v1/items/inventory",
                {"inventoryItems": items},
                {"x-amzn-idempotency-token": f"bench-stock-{first}"},
            )

    async def orders(self, runtime: Any, orders: int, skus: int, span_days: float) -> None:
        now = datetime.now(UTC)
        step = timedelta(days=span_days) / max(orders, 1)
        for n in range(1, orders + 1):
            runtime.clock.set(now - step * (orders - n + 1))
            body = fill(ORDER_BODY, (n - 1) % skus + 1, skus, "", order_name(n)).encode()
            await self.call(
                "createFulfillmentOrder", "POST", "/fba/outbound/2020-07-01/fulfillmentOrders", body
            )


async def build_world(app: Any, skus: int, orders: int, span_days: float = 30.0) -> dict[str, Any]:
    """Stock `skus` SKUs and place `orders` orders over the past `span_days`; what each call answered."""
    runtime = app.runtime
    runtime.clock.set(datetime.now(UTC) - timedelta(days=span_days, hours=1))
    builder = WorldBuilder(app, world_token(runtime, timedelta(days=span_days + 1).total_seconds()))
    await builder.stock(skus)
    await builder.orders(runtime, orders, skus, span_days)
    runtime.clock.set(datetime.now(UTC))
    fired = runtime.settle()
    return {
        "skus": skus,
        "orders": orders,
        "outcomes": dict(sorted(builder.outcomes.items())),
        "transitions_fired_at_end": fired,
    }
