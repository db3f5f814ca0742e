"""`mcf-emulator record --upstream URL --out FILE [--port P]`: a validating proxy that writes the SP-API
traffic it forwards as a draft scenario when it stops (Ctrl-C or SIGTERM)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from emulator.cli.proxy import serve_proxy


def register(commands: Any) -> None:
    cmd = commands.add_parser(
        "record", help="proxy a connector's SP-API traffic and write it as a draft scenario"
    )
    cmd.add_argument("--upstream", required=True, help="the emulator or Amazon's sandbox endpoint")
    cmd.add_argument("--out", type=Path, required=True, metavar="FILE", help="the *.scenario.yaml to write")
    cmd.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    cmd.add_argument("--port", type=int, default=8788, help="port to listen on (default 8788)")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument(
        "--world", type=Path, default=None, metavar="FILE", help="seed document the upstream started from"
    )
    cmd.add_argument("--name", default=None, help="scenario name (default: from --out)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from emulator.catalog import load_catalog
    from emulator.control.files import read_document
    from emulator.proxy import ValidatingProxy
    from emulator.scenarios.recorder import Recorder

    world = read_document(args.world) if args.world is not None else None
    catalog = load_catalog(args.models)
    recorder = Recorder(catalog)
    proxy = ValidatingProxy(catalog, args.upstream, tap=recorder.tap)
    print(f"mcf-emulator record on http://{args.host}:{args.port} -> {proxy.upstream}", flush=True)
    serve_proxy(proxy, args.host, args.port)
    name = args.name or args.out.name.removesuffix(".yaml").removesuffix(".scenario")
    args.out.write_text(recorder.draft(name, proxy.upstream, world), encoding="utf-8")
    print(f"recorded {len(recorder.calls)} call(s) into {args.out}", flush=True)
    return 0
