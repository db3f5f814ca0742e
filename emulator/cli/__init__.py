"""`mcf-emulator` command line.

serve, ca init|show|export, specs sync|verify, coverage, proxy, bench, replay and record work locally;
parity replays Amazon's static sandbox cases against any SP-API endpoint;
health, clock, faults, state, seed, journal, rate-limits and events talk to a running emulator (so does
coverage with --url). --url and --admin-token may come before the command too.
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

#: Options a user may give before the command as well as after it: (flag, attribute of the command's).
GLOBAL_OPTIONS = (("--url", "url"), ("--admin-token", "admin_token"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcf-emulator", description=__doc__)
    parser.add_argument("--version", action="version", version=f"mcf-emulator {__version__}")
    parser.add_argument(
        "--url",
        dest="global_url",
        default=None,
        help="the running emulator, for the commands that take --url",
    )
    parser.add_argument(
        "--admin-token",
        dest="global_admin_token",
        default=None,
        help="the admin token, for the commands that take --admin-token",
    )
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


def _chosen(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the (sub)command `args` chose, e.g. the one of `clock advance`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            if chosen is not None:
                return _chosen(chosen, args)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line's arguments; an unknown option is reported with the usage of the command it was
    given to, and an option given before the command moves to the command (which must take it)."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    command = _chosen(parser, args)
    if unknown:
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    for flag, name in GLOBAL_OPTIONS:
        given = getattr(args, f"global_{name}")
        if given is None:
            continue
        if not hasattr(args, name):
            command.error(f"{flag} is not an option of this command")
        if getattr(args, name) is None:
            setattr(args, name, given)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        return int(args.run(args) or 0)
    except EmulatorError as error:
        print(f"mcf-emulator: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
