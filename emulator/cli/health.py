"""`mcf-emulator health`: is an emulator answering at --url, and how is it set up (exit 2 when not)."""

from __future__ import annotations

import argparse
from typing import Any

from emulator.cli.admin_client import add_options, client, show


def register(commands: Any) -> None:
    cmd = commands.add_parser("health", help="ask a running emulator whether it is up")
    add_options(cmd)
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return show(client(args).call("GET", "/health"))
