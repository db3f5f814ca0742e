"""`mcf-emulator clock show|advance DURATION|set INSTANT|freeze|run [--speed X]` on a running emulator."""

from __future__ import annotations

import argparse
from typing import Any

from emulator.cli.admin_client import add_options, client, show
from emulator.control.durations import FORMS, parse_duration
from emulator.errors import ControlError, EmulatorError


def register(commands: Any) -> None:
    cmd = commands.add_parser("clock", help="show or move the emulator clock of a running emulator")
    actions = cmd.add_subparsers(dest="action", required=True)
    for name, text in (("show", "print the clock"), ("freeze", "stop the clock")):
        add_options(actions.add_parser(name, help=text))
    advance = actions.add_parser("advance", help=f"move forwards, firing due transitions: {FORMS}")
    advance.add_argument("duration", help=f"how far: {FORMS}")
    set_to = actions.add_parser("set", help="jump to an ISO-8601 instant")
    set_to.add_argument("instant", help="e.g. 2026-12-24T08:00:00Z")
    run_at = actions.add_parser("run", help="let time flow (optionally sped up)")
    run_at.add_argument(
        "--speed", type=float, default=1.0, help="emulator seconds per real second (default 1)"
    )
    for sub in (advance, set_to, run_at):
        add_options(sub)
    cmd.set_defaults(run=run)


def execute(args: argparse.Namespace) -> Any:
    admin = client(args)
    if args.action == "show":
        return admin.call("GET", "/clock")
    if args.action == "advance":
        try:
            parse_duration(args.duration)  # refused here in one line, before the emulator's schema sees it
        except ControlError as error:
            raise EmulatorError(f"clock advance: {error.message}") from None
        return admin.call("POST", "/clock/advance", {"by": args.duration})
    if args.action == "set":
        return admin.call("POST", "/clock/set", {"to": args.instant})
    if args.action == "freeze":
        return admin.call("POST", "/clock/freeze")
    return admin.call("POST", "/clock/run", {"speed": args.speed})


def run(args: argparse.Namespace) -> int:
    return show(execute(args))
