"""`mcf-emulator coverage [--url URL]`: which operations have behaviour and which do not, in these local
models or, with --url, in a running emulator (its `GET /_emulator/coverage`)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from emulator.cli.admin_client import client


def register(commands: Any) -> None:
    cmd = commands.add_parser("coverage", help="list operations with and without behaviour")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")
    cmd.add_argument("--url", default=None, help="ask this running emulator instead of reading local models")
    cmd.add_argument(
        "--admin-token", default=None, help="the emulator's admin token (default $MCF_EMULATOR_ADMIN_TOKEN)"
    )
    cmd.set_defaults(run=run)


def collect(models: Path | None) -> dict[str, Any]:
    from emulator import apis
    from emulator.catalog import load_catalog
    from emulator.registry import registry

    apis.load()
    return registry.coverage(load_catalog(models))


def render(report: dict[str, Any]) -> str:
    lines = [f"{report['implemented']}/{report['total']} operations have behaviour"]
    for model, entry in sorted(report["models"].items()):
        done = len(entry["implemented"])
        lines.append(f"\n{model}: {done}/{done + len(entry['missing'])}")
        lines += [
            f"  + {e['operationId']}" + (f"  ({e['note']})" if e["note"] else "")
            for e in entry["implemented"]
        ]
        lines += [f"  - {op}" for op in entry["missing"]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    report = client(args).call("GET", "/coverage") if args.url else collect(args.models)
    print(json.dumps(report, indent=2) if args.format == "json" else render(report))
    return 0
