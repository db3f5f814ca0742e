"""Do MCF calls get slower, and the process bigger, as orders pile up? Prints per-call CPU and RSS.

    python -m emulator.bench.outbound_scaling [--sizes 10,100000] [--calls 1000]

Each size runs in a fresh process: an in-process emulator gets the benchmark's world (`world.py`: 1,000
SKUs, the orders spread over 30 days, so they sit at every stage of their lifecycle), the collector is
tuned as `serve` tunes it, and the resident memory is read. Then, on a frozen clock, ten more orders are
placed one second later, and these calls go through the whole ASGI pipeline, socket-free:
getFulfillmentOrder of a random order, getFulfillmentPreview of two lines, the listAllFulfillmentOrders
page selected by a queryStartDate that matches exactly those ten orders, and createFulfillmentOrder with
a new id each time. Every call does the same work at every size, so the costs should not grow with it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emulator.bench.scenarios import ORDER_BODY, OUTBOUND, PREVIEW_BODY, fill, order_name
from emulator.bench.world import asgi_request, build_world, world_token

SKUS = 1000
NEWEST = 10
OPERATIONS = (
    "getFulfillmentOrder",
    "getFulfillmentPreview",
    f"listAllFulfillmentOrders ({NEWEST} orders)",
    "createFulfillmentOrder",
)


def rss_mb() -> float:
    """Resident memory of this process (MiB), from /proc; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def _cpu_per_call(calls: int, request: Callable[[], Awaitable[tuple[int, bytes]]]) -> float:
    """CPU microseconds per call: the best of five timed batches (other work on the machine adds, never
    removes)."""
    for _ in range(10):
        status, body = await request()
        if status != 200:
            raise RuntimeError(f"benchmark call failed: {status} {body[:200]!r}")
    batch = max(1, calls // 5)
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for _ in range(batch):
            await request()
        best = min(best, (time.process_time() - started) / batch * 1e6)
    return best


async def measure(orders: int, calls: int) -> dict[str, Any]:
    """RSS with the world of `orders` orders, and per-call CPU of the operations above."""
    from emulator.app import create_app
    from emulator.edge.tuning import tune_gc
    from emulator.settings import Settings

    app = create_app(Settings.from_env(seed=7))
    await build_world(app, SKUS, orders)
    tune_gc()
    rss = rss_mb()
    clock = app.runtime.clock
    clock.freeze()
    headers = {"x-amz-access-token": world_token(app.runtime, 86400), "content-type": "application/json"}
    newest_at = datetime.fromtimestamp(int(clock.timestamp()) + 1, UTC)  # a whole second: exact as text
    clock.set(newest_at)
    since = newest_at.isoformat().replace("+00:00", "Z")
    for n in range(NEWEST):
        body = fill(ORDER_BODY, n + 1, SKUS, "", f"NEWEST-{n}").encode()
        await asgi_request(app, "POST", OUTBOUND, headers, body)
    rng, created = random.Random(1), iter(range(10**9))

    def get() -> Awaitable[tuple[int, bytes]]:
        return asgi_request(app, "GET", f"{OUTBOUND}/{order_name(rng.randint(1, max(orders, 1)))}", headers)

    def preview() -> Awaitable[tuple[int, bytes]]:
        body = fill(PREVIEW_BODY, rng.randint(1, SKUS), SKUS, "", "").encode()
        return asgi_request(app, "POST", f"{OUTBOUND}/preview", headers, body)

    def newest() -> Awaitable[tuple[int, bytes]]:
        return asgi_request(app, "GET", f"{OUTBOUND}?queryStartDate={since.replace(':', '%3A')}", headers)

    def create() -> Awaitable[tuple[int, bytes]]:
        body = fill(ORDER_BODY, rng.randint(1, SKUS), SKUS, "", f"NEW-{next(created)}").encode()
        return asgi_request(app, "POST", OUTBOUND, headers, body)

    status, page = await newest()
    listed = len(json.loads(page)["payload"]["fulfillmentOrders"]) if status == 200 else -1
    if listed != NEWEST:
        raise RuntimeError(f"the queryStartDate page holds {listed} orders, not {NEWEST}")
    costs = [await _cpu_per_call(calls, call) for call in (get, preview, newest, create)]
    return {"orders": orders, "rss_mb": round(rss, 1), "cpu_us": dict(zip(OPERATIONS, costs, strict=True))}


def _in_child(orders: int, calls: int) -> dict[str, Any]:
    """`measure` in a fresh interpreter, so each size's RSS is its own."""
    command = [
        sys.executable,
        "-m",
        "emulator.bench.outbound_scaling",
        "--one",
        str(orders),
        "--calls",
        str(calls),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes", default="10,100000", help="comma-separated order counts (default 10,100000)"
    )
    parser.add_argument("--calls", type=int, default=1000, help="timed calls per measurement (default 1000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process of one size
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(asyncio.run(measure(args.one, args.calls))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {size: _in_child(size, args.calls) for size in sizes}
    print(f"{'CPU per call (µs)':44}" + "".join(f"{f'{s:,} orders':>16}" for s in sizes))
    for name in OPERATIONS:
        print(f"{name:44}" + "".join(f"{results[s]['cpu_us'][name]:16.0f}" for s in sizes))
    print(
        f"{'RSS after building the world (MiB)':44}" + "".join(f"{results[s]['rss_mb']:16.1f}" for s in sizes)
    )
    if len(sizes) > 1:
        worst = max(results[sizes[-1]]["cpu_us"][n] / results[sizes[0]]["cpu_us"][n] for n in OPERATIONS)
        print(f"largest ratio {sizes[-1]:,} vs {sizes[0]:,} orders: {worst:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
