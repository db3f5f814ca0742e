"""`mcf-emulator state export|import|reset` and `mcf-emulator seed [--reset] FILE` on a running emulator."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from emulator.cli.admin_client import add_options, client, show
from emulator.errors import EmulatorError


def register(commands: Any) -> None:
    cmd = commands.add_parser("state", help="export, import or reset the state of a running emulator")
    actions = cmd.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write a snapshot (JSON) to a file or stdout")
    export.add_argument("-o", "--output", type=Path, default=None, help="file to write (default stdout)")
    load = actions.add_parser("import", help="restore a snapshot written by `state export`")
    load.add_argument("file", type=Path, help="the snapshot file")
    reset = actions.add_parser("reset", help="forget all sellers' data, or one seller's")
    reset.add_argument("--seller", default=None, help="only this seller's data")
    reset.add_argument("--faults", action="store_true", help="also remove fault rules")
    reset.add_argument("--journal", action="store_true", help="also clear the request journal")
    for sub in (export, load, reset):
        add_options(sub)
    cmd.set_defaults(run=run)
    seed = commands.add_parser("seed", help="seed a running emulator from a JSON or YAML document")
    seed.add_argument("file", type=Path, help="the seed document (JSON or YAML); - reads standard input")
    seed.add_argument(
        "--reset",
        action="store_true",
        help="forget every seller's data first, so seeding the same file again gives the same world",
    )
    add_options(seed)
    seed.set_defaults(run=run_seed)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise EmulatorError(f"cannot read {path}: {error.strerror}") from None


def execute(args: argparse.Namespace) -> Any:
    admin = client(args)
    if args.action == "export":
        document = admin.call("GET", "/state")
        if args.output is None:
            return document
        args.output.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
        return {"written": str(args.output), "takenAt": document["takenAt"]}
    if args.action == "import":
        return admin.call("PUT", "/state", raw=_read(args.file))
    body = {"faults": args.faults, "journal": args.journal} | (
        {"sellerId": args.seller} if args.seller else {}
    )
    return admin.call("POST", "/reset", body)


def run(args: argparse.Namespace) -> int:
    return show(execute(args))


def run_seed(args: argparse.Namespace) -> int:
    if str(args.file) == "-":  # YAML parses JSON too
        document, kind = sys.stdin.buffer.read(), "application/yaml"
    else:
        kind = "application/yaml" if args.file.suffix.lower() in (".yaml", ".yml") else "application/json"
        document = _read(args.file)
    admin = client(args)
    if args.reset:
        admin.call("POST", "/reset", {})
    answer = admin.call("POST", "/seed", raw=document, content_type=kind)
    source = "standard input" if str(args.file) == "-" else args.file
    sys.stdout.write(
        f"seeded {source}: " + ", ".join(f"{n} {k}" for k, n in answer["applied"].items()) + "\n"
    )
    return 0
