"""`mcf-emulator journal [filters]` and `mcf-emulator rate-limits show|set` on a running emulator."""

from __future__ import annotations

import argparse
from typing import Any

from emulator.cli.admin_client import add_options, client, show
from emulator.settings import RATE_LIMIT_MODES


def _override(text: str) -> tuple[str, dict[str, float]]:
    name, _, plan = text.partition("=")
    rate, _, burst = plan.partition("/")
    try:
        return name, {"rate": float(rate), "burst": int(burst)}
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: use OPERATION=RATE/BURST, e.g. getFulfillmentPreview=1/2"
        ) from None


def register(commands: Any) -> None:
    journal = commands.add_parser("journal", help="recent SP-API calls of a running emulator")
    journal.add_argument("--operation", default=None, help="only calls of this operationId")
    journal.add_argument("--seller", default=None, help="only calls of this seller")
    journal.add_argument("--status", type=int, default=None, help="only calls answered with this status")
    journal.add_argument("--faulted", action="store_true", default=None, help="only calls that got a fault")
    journal.add_argument("--since", type=int, default=None, help="only entries after this seq")
    journal.add_argument("--limit", type=int, default=20, help="at most this many entries (default 20)")
    journal.add_argument("--bodies", action="store_true", help="include request and response bodies")
    add_options(journal)
    journal.set_defaults(run=run_journal)
    limits = commands.add_parser("rate-limits", help="show or change throttling of a running emulator")
    actions = limits.add_subparsers(dest="action", required=True)
    add_options(actions.add_parser("show", help="print the throttling settings"))
    change = actions.add_parser("set", help="change throttling (buckets start full again)")
    change.add_argument(
        "--mode",
        choices=RATE_LIMIT_MODES,
        default=None,
        help="enforce answers 429; report only sets the header",
    )
    change.add_argument(
        "--sandbox-cap",
        choices=("on", "off"),
        default=None,
        help="cap sandbox hosts at Amazon's sandbox rate",
    )
    change.add_argument(
        "--header-on-429", choices=("on", "off"), default=None, help="send x-amzn-RateLimit-Limit on 429s too"
    )
    change.add_argument(
        "--override",
        type=_override,
        action="append",
        default=None,
        metavar="OP=RATE/BURST",
        help="per-operation plan (repeatable; replaces all overrides)",
    )
    add_options(change)
    limits.set_defaults(run=run_rate_limits)


def run_journal(args: argparse.Namespace) -> int:
    params = {
        "operationId": args.operation,
        "sellerId": args.seller,
        "status": args.status,
        "faulted": "true" if args.faulted else None,
        "since": args.since,
        "limit": args.limit,
        "bodies": "true" if args.bodies else "false",
    }
    return show(client(args).call("GET", "/journal", params=params))


def run_rate_limits(args: argparse.Namespace) -> int:
    admin = client(args)
    if args.action == "show":
        return show(admin.call("GET", "/rate-limits"))
    body: dict[str, Any] = {}
    if args.mode:
        body["mode"] = args.mode
    for name, flag in (("sandboxCap", args.sandbox_cap), ("headerOn429", args.header_on_429)):
        if flag is not None:
            body[name] = flag == "on"
    if args.override is not None:
        body["overrides"] = dict(args.override)
    return show(admin.call("PUT", "/rate-limits", body))
