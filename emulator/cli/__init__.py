"""`mcf-emulator` command line.

serve, ca init|show|export, specs sync|verify, coverage, proxy, bench, replay and record work locally;
parity replays Amazon's static sandbox cases against any SP-API endpoint;
health, clock, faults, state, seed, journal, rate-limits and events talk to a running emulator.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from emulator import __version__
from emulator.cli import (
    bench,
    ca,
    clock,
    coverage,
    events,
    faults,
    health,
    journal,
    parity,
    proxy,
    record,
    replay,
    serve,
    specs,
    state,
)
from emulator.errors import EmulatorError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcf-emulator", description=__doc__)
    parser.add_argument("--version", action="version", version=f"mcf-emulator {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (
        serve,
        ca,
        specs,
        coverage,
        proxy,
        record,
        replay,
        parity,
        bench,
        health,
        clock,
        faults,
        state,
        journal,
        events,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except EmulatorError as error:
        print(f"mcf-emulator: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
