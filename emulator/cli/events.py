"""`mcf-emulator events [--type T] [--seller ID] [--after SEQ]`: domain events of a running emulator."""

from __future__ import annotations

import argparse
from typing import Any

from emulator.cli.admin_client import add_options, client, show


def register(commands: Any) -> None:
    cmd = commands.add_parser("events", help="domain events a running emulator recorded, oldest first")
    cmd.add_argument("--type", action="append", default=None, help="event type (repeatable, or a comma list)")
    cmd.add_argument("--seller", default=None, help="only this seller's events")
    cmd.add_argument("--after", type=int, default=None, help="only events after this sequence number")
    cmd.add_argument("--since", default=None, help="only events at or after this ISO-8601 instant")
    cmd.add_argument("--until", default=None, help="only events at or before this ISO-8601 instant")
    cmd.add_argument("--limit", type=int, default=20, help="at most this many, the newest (default 20)")
    add_options(cmd)
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    params = {
        "type": ",".join(args.type) if args.type else None,
        "sellerId": args.seller,
        "after": args.after,
        "since": args.since,
        "until": args.until,
        "limit": args.limit,
    }
    return show(client(args).call("GET", "/events", params=params))
