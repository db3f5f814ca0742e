"""`mcf-emulator replay PATH... [--target URL] [--junit FILE]`: run scenario files and report."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    cmd = commands.add_parser(
        "replay", help="run *.scenario.yaml files against an in-process emulator or a running one"
    )
    cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="scenario files or folders")
    cmd.add_argument(
        "--target", default=None, metavar="URL", help="a running emulator (default: one in this process)"
    )
    cmd.add_argument("--junit", type=Path, default=None, metavar="FILE", help="write JUnit XML here")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument(
        "--admin-token", default=None, help="the target's admin token (default $MCF_EMULATOR_ADMIN_TOKEN)"
    )
    cmd.set_defaults(run=run)


@contextmanager
def _target(args: argparse.Namespace) -> Iterator[Any]:
    from emulator.scenarios.target import HttpTarget

    if args.target is None:
        from emulator.scenarios.inprocess import local_emulator

        with local_emulator(args.models) as server:
            target = HttpTarget(server.url, server.app.runtime.catalog)
            yield target
    else:
        from emulator.catalog import load_catalog
        from emulator.settings import Settings

        token = args.admin_token or Settings.from_env().admin_token
        target = HttpTarget(args.target, load_catalog(args.models), token)
        yield target
    target.close()


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from emulator.scenarios.loader import ScenarioError, discover, load
    from emulator.scenarios.progress import replay_all
    from emulator.scenarios.results import ScenarioResult

    console = Console(highlight=False)
    scenarios, broken = [], []
    for path in discover(args.paths):
        try:
            scenarios.append(load(path))
        except ScenarioError as error:
            broken.append(ScenarioResult(path.name.removesuffix(".scenario.yaml"), path, error=str(error)))
    if not scenarios and not broken:
        console.print("no *.scenario.yaml files found in " + ", ".join(map(str, args.paths)))
        return 2
    with _target(args) as target:
        results = broken + replay_all(target, scenarios, console)
    return _finish(results, args.junit, console)


def _finish(results: Sequence[Any], junit: Path | None, console: Any) -> int:
    from emulator.scenarios.junit import write_junit

    for result in results:
        if not result.passed:
            console.print(result.report(), markup=False, soft_wrap=True)
    failed = sum(not r.passed for r in results)
    console.print(f"{len(results) - failed} passed, {failed} failed", markup=False)
    if junit is not None:
        write_junit(results, junit)
    return 1 if failed else 0
