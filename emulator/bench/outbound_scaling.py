"""Does reading an order, or a page of orders, get slower as orders pile up? Prints per-call costs.

    python -m emulator.bench.outbound_scaling [--sizes 10,10000] [--calls 300]

For each size an in-process emulator is filled with that many orders through createFulfillmentOrder,
then getFulfillmentOrder and one page of listAllFulfillmentOrders are called through the whole ASGI
pipeline, socket-free: the first page (10 orders with 10 in state, 50 otherwise) and the page
selected by a queryStartDate that matches the ten newest orders (10 orders at every size).
Orders are keyed by id and listed from a sorted update index, so the costs should not grow with size.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from emulator.app import create_app
from emulator.bench.world import asgi_request, world_token
from emulator.settings import Settings
from emulator.state.clock import iso

ORDERS = "/fba/outbound/2020-07-01/fulfillmentOrders"
DEEP_PAGE = 10  # the queryStartDate page holds the ten newest orders whatever the size
ADDRESS = {
    "name": "Bench",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
}


async def _fill(app: Any, headers: dict[str, str], orders: int) -> float:
    """Create `orders` orders; returns the emulator time just before the last ten were created."""
    rt = app.runtime
    await asgi_request(
        app,
        "POST",
        "/fba/inventory/v1/items",
        headers,
        orjson.dumps({"sellerSku": "BENCH", "marketplaceId": "ATVPDKIKX0DER", "productName": "Bench"}),
    )
    await asgi_request(
        app,
        "POST",
        "/fba/inventory/v1/items/inventory",
        {**headers, "x-amzn-idempotency-token": "bench"},
        orjson.dumps(
            {"inventoryItems": [{"sellerSku": "BENCH", "marketplaceId": "ATVPDKIKX0DER", "quantity": orders}]}
        ),
    )
    deep: float = rt.clock.timestamp()
    for n in range(orders):
        if n == max(0, orders - DEEP_PAGE):
            rt.clock.advance(1)
            deep = rt.clock.timestamp()
        body = {
            "sellerFulfillmentOrderId": f"B-{n}",
            "displayableOrderId": f"B-{n}",
            "displayableOrderDate": "2026-01-01T00:00:00Z",
            "displayableOrderComment": "bench",
            "shippingSpeedCategory": "Standard",
            "destinationAddress": ADDRESS,
            "items": [{"sellerSku": "BENCH", "sellerFulfillmentOrderItemId": "1", "quantity": 1}],
        }
        status, text = await asgi_request(app, "POST", ORDERS, headers, orjson.dumps(body))
        if status != 200:
            raise RuntimeError(f"creating order {n} failed: {status} {text[:200]!r}")
    return deep


async def _per_call(calls: int, request: Callable[[], Awaitable[tuple[int, bytes]]]) -> float:
    """Microseconds per call: the best of five timed batches (a shared machine adds noise, never speed)."""
    for _ in range(10):
        status, text = await request()
        if status != 200:
            raise RuntimeError(f"benchmark call failed: {status} {text[:200]!r}")
    batch = max(1, calls // 5)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(batch):
            await request()
        best = min(best, (time.perf_counter() - start) / batch * 1e6)
    return best


async def measure(orders: int, calls: int) -> dict[str, float]:
    """Per-call costs with `orders` orders in state."""
    app = create_app(
        Settings.from_env(seed=7, clock_start=datetime(2026, 6, 1, tzinfo=UTC), clock_speed=0.0001)
    )
    app.runtime.clock.freeze()
    headers = {"x-amz-access-token": world_token(app.runtime, 10 * 86400), "content-type": "application/json"}
    deep = await _fill(app, headers, orders)
    gc.collect()  # start the timing without the garbage the fill left behind
    since = iso(datetime.fromtimestamp(deep, UTC)).replace(":", "%3A")
    middle = f"B-{orders // 2}"
    return {
        "getFulfillmentOrder": await _per_call(
            calls, lambda: asgi_request(app, "GET", f"{ORDERS}/{middle}", headers)
        ),
        "listAllFulfillmentOrders (first page, 10|50 orders)": await _per_call(
            calls, lambda: asgi_request(app, "GET", ORDERS, headers)
        ),
        "listAllFulfillmentOrders (queryStartDate, 10 orders)": await _per_call(
            calls, lambda: asgi_request(app, "GET", f"{ORDERS}?queryStartDate={since}", headers)
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,10000", help="comma-separated order counts (default 10,10000)")
    parser.add_argument("--calls", type=int, default=1000, help="timed calls per measurement (default 1000)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {size: asyncio.run(measure(size, args.calls)) for size in sizes}
    names = list(results[sizes[0]])
    print(f"{'per call (µs)':52}" + "".join(f"{f'{s:,} orders':>16}" for s in sizes))
    for name in names:
        print(f"{name:52}" + "".join(f"{results[s][name]:16.0f}" for s in sizes))
    if len(sizes) > 1:
        same_work = [n for n in names if "first page" not in n]  # rows that return the same amount of data
        worst = max(results[sizes[-1]][n] / results[sizes[0]][n] for n in same_work)
        print(f"largest ratio {sizes[-1]:,} vs {sizes[0]:,} orders (same-size answers): {worst:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
