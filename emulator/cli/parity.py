"""`mcf-emulator parity`: every static sandbox case of the pinned models against a target, as a table.

The target is `--target URL` (default: the emulator at `MCF_EMULATOR_URL`, else 127.0.0.1:8787) or
`amazon-sandbox` with `--region`. LWA credentials come from `SPAPI_LWA_*` when they are set, else the
emulator's defaults (Amazon's sandbox needs them set). Exit 0 when every case matched, 1 on any
difference or error, 2 when the target cannot be reached or lacks credentials.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

_TARGET_HELP = "an SP-API base URL, or amazon-sandbox (default: the local emulator, MCF_EMULATOR_URL)"


def register(commands: Any) -> None:
    cmd = commands.add_parser("parity", help="replay every static sandbox case against a target")
    cmd.add_argument("--target", default=None, help=_TARGET_HELP)
    cmd.add_argument("--region", choices=("na", "eu", "fe"), default="na", help="with amazon-sandbox")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import httpx

    from emulator.catalog import load_catalog
    from emulator.parity.engine import MATCHED, replay, static_cases
    from emulator.parity.report import table
    from emulator.parity.target import AMAZON_SANDBOX, Tokens, sandbox_endpoint, unreachable
    from emulator.settings import Settings
    from emulator.testing.credentials import Credentials

    url = args.target or Settings.from_env().url
    if url == AMAZON_SANDBOX:
        url = sandbox_endpoint(args.region)
    credentials = Credentials.from_env(url)
    if credentials is None and args.target == AMAZON_SANDBOX:
        print(
            "mcf-emulator parity: amazon-sandbox needs your LWA credentials in SPAPI_LWA_*", file=sys.stderr
        )
        return 2
    credentials = credentials or Credentials.for_emulator(url)
    problem = unreachable(url)
    if problem:
        print(f"mcf-emulator parity: {problem}", file=sys.stderr)
        return 2
    catalog = load_catalog(args.models)
    with httpx.Client(base_url=credentials.endpoint, timeout=30.0) as http:
        tokens = Tokens(credentials, http)
        outcomes = [replay(op, index, http, tokens) for op, index in static_cases(catalog)]
    print(table(outcomes, url))
    return 0 if all(o.verdict == MATCHED for o in outcomes) else 1
