"""`python -m emulator.bench.server`: an emulator with a benchmark world, served like `mcf-emulator serve`.

It builds the world in-process (see `world.py`), prints one JSON line describing it, then serves on
loopback with the production settings: one worker, uvloop + httptools, no access log, request
validation on, strict response validation off, the collector tuned (the `serve` defaults).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

import orjson


def serve(app: Any, port: int) -> None:
    """Run `app` on 127.0.0.1:`port` until SIGINT/SIGTERM, with `serve`'s process tuning (both the
    emulator and the bare endpoint get it, so they are compared on equal terms)."""
    import uvicorn

    from emulator.edge.tuning import tune_gc

    tune_gc()
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level="warning",
        lifespan="off",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m emulator.bench.server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--span-days", type=float, default=30.0)
    parser.add_argument("--models", type=Path, default=None)
    args = parser.parse_args(argv)

    from emulator.app import create_app
    from emulator.bench.world import build_world
    from emulator.settings import Settings

    app = create_app(Settings.from_env(port=args.port, models_dir=args.models))
    started = time.perf_counter()
    world = asyncio.run(build_world(app, args.skus, args.orders, args.span_days))
    world["build_seconds"] = round(time.perf_counter() - started, 3)
    sys.stdout.write(orjson.dumps(world).decode() + "\n")
    sys.stdout.flush()
    serve(app, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
