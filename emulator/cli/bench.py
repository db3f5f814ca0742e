"""`mcf-emulator bench`: the performance suite (cold start, reset, load vs Prism and bare Starlette)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def _connections(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(v) for v in text.split(",") if v.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("connections must be positive")
    return values


def register(commands: Any) -> None:
    cmd = commands.add_parser(
        "bench",
        help="measure start-up, reset and throughput against Prism and Starlette",
        description=__doc__,
    )
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument("--duration", type=int, default=3, help="whole seconds per load run (default 3)")
    cmd.add_argument(
        "--repeats", type=int, default=3, help="load runs per figure, the best one counts (default 3)"
    )
    cmd.add_argument("--warmup", type=int, default=1, help="warm-up seconds per scenario (default 1)")
    cmd.add_argument(
        "--connections", type=_connections, default=(16, 64), help="concurrencies (default 16,64)"
    )
    cmd.add_argument("--skus", type=int, default=1000, help="SKUs in the world (default 1000)")
    cmd.add_argument(
        "--orders", type=int, default=10_000, help="orders in the realistic world (default 10000)"
    )
    cmd.add_argument("--large-orders", type=int, default=100_000, help="orders in the large world (0: skip)")
    cmd.add_argument(
        "--baseline-orders",
        type=int,
        default=10,
        help="orders in the scaling baseline world (0: skip; default 10)",
    )
    cmd.add_argument("--no-prism", dest="prism", action="store_false", help="do not compare with Prism")
    cmd.add_argument("--cold-runs", type=int, default=5, help="cold starts to take the median of (default 5)")
    cmd.add_argument("--reset-rounds", type=int, default=200, help="per-test resets to time (default 200)")
    cmd.add_argument(
        "--server-cpu",
        type=int,
        default=0 if (os.cpu_count() or 1) > 1 else None,
        help="CPU to pin the emulator server to (default 0 on a multi-core machine)",
    )
    cmd.add_argument(
        "--load-cpu",
        type=int,
        default=1 if (os.cpu_count() or 1) > 1 else None,
        help="CPU to pin the load generator to (default 1 on a multi-core machine)",
    )
    cmd.add_argument(
        "--no-install",
        dest="install",
        action="store_false",
        help="never install wrk with apt-get; fail with instructions instead",
    )
    cmd.add_argument(
        "--smoke",
        action="store_true",
        help="a few seconds: tiny worlds, servers probed once, no wrk and no Prism",
    )
    cmd.add_argument("--json", type=Path, default=None, help="also write the raw figures to this file")
    cmd.set_defaults(run=run)


def options_from(args: argparse.Namespace) -> Any:
    from emulator.bench.suite import Options

    options = Options(
        models=args.models,
        duration=args.duration,
        repeats=args.repeats,
        warmup=args.warmup,
        connections=args.connections,
        skus=args.skus,
        orders=args.orders,
        large_orders=args.large_orders,
        baseline_orders=args.baseline_orders,
        prism=args.prism,
        cold_runs=args.cold_runs,
        reset_rounds=args.reset_rounds,
        server_cpu=args.server_cpu,
        load_cpu=args.load_cpu,
        install=args.install,
        smoke=args.smoke,
    )
    return options.smoke_sized() if args.smoke else options


def run(args: argparse.Namespace) -> int:
    import orjson

    from emulator.bench.report import render
    from emulator.bench.suite import Suite
    from emulator.bench.wrk import ToolMissing

    try:
        results = Suite(options_from(args), log=lambda line: print(line, file=sys.stderr, flush=True)).run()
    except ToolMissing as missing:
        print(f"mcf-emulator bench: {missing}", file=sys.stderr)
        return 3
    if args.json:
        args.json.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    print(render(results))
    return 0
