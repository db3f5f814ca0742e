"""`mcf-emulator faults list|add|rm|clear|load` on a running emulator.

mcf-emulator faults add --operation createFulfillmentOrder --status 503 --times 2
mcf-emulator faults add --operation getFulfillmentOrder --latency 200-800 --probability 0.3
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from emulator.cli.admin_client import add_options, client, show
from emulator.control.files import fault_rules, read_document
from emulator.errors import EmulatorError


def _ms(text: str) -> float | list[float]:
    low, _, high = text.partition("-")
    try:
        return [float(low), float(high)] if high else float(low)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: use milliseconds (200) or a range (100-500)") from None


def register(commands: Any) -> None:
    cmd = commands.add_parser("faults", help="manage fault rules of a running emulator")
    actions = cmd.add_subparsers(dest="action", required=True)
    add_options(actions.add_parser("list", help="print the rules and their counters"))
    add_options(actions.add_parser("clear", help="remove every rule"))
    remove = actions.add_parser("rm", help="remove one rule")
    remove.add_argument("rule_id", help="id of the rule to remove (see `faults list`)")
    load = actions.add_parser("load", help="replace all rules with a JSON/YAML file's")
    load.add_argument("file", type=Path, help="JSON or YAML: a list of rules, or a mapping with `rules`")
    add = actions.add_parser("add", help="add a rule")
    match = add.add_argument_group("match (all given must hold)")
    for flag, dest, text in (
        ("--operation", "operationId", "the operationId (as the models spell it)"),
        ("--path", "path", "a path glob, e.g. '/fba/outbound/*'"),
        ("--method", "method", "an HTTP method"),
        ("--seller", "sellerId", "the calling seller's id"),
        ("--marketplace", "marketplaceId", "a marketplace the call names"),
    ):
        match.add_argument(flag, dest=f"match_{dest}", default=None, help=text)
    effect = add.add_mutually_exclusive_group(required=True)
    effect.add_argument(
        "--status", type=int, help="answer this SP-API error status (400/403/404/429/500/503)"
    )
    effect.add_argument("--latency", type=_ms, help="delay the response: MS or MIN-MAX")
    effect.add_argument("--drop", action="store_true", help="close the connection, call not processed")
    effect.add_argument(
        "--drop-after-processing", action="store_true", help="process, then close the connection"
    )
    for kind in ("empty", "truncate", "malformed"):
        effect.add_argument(f"--{kind}", action="store_true", help=f"{kind} response body")
    effect.add_argument("--content-type", help="send the body with this (wrong) Content-Type")
    effect.add_argument(
        "--stale", type=float, metavar="SECONDS", help="written resources answer 404 for a while"
    )
    add.add_argument("--code", help="error code (default: Amazon's for the status)")
    add.add_argument("--message", help="error message")
    add.add_argument("--delay", type=_ms, help="extra delay for any effect: MS or MIN-MAX")
    add.add_argument("--probability", type=float, help="fire on this share of matching calls (0 to 1)")
    add.add_argument("--times", type=int, help="only the first N matching calls")
    add.add_argument("--every", type=int, help="only every Nth matching call")
    add.add_argument("--after", type=int, help="skip the first N matching calls")
    add.add_argument("--from", dest="start", help="active from this emulator instant (ISO-8601)")
    add.add_argument("--until", dest="end", help="active until this emulator instant (ISO-8601)")
    add.add_argument("--id", dest="rule_id", help="rule id (default f1, f2, ...)")
    add.add_argument("--seed", type=int, help="seed of this rule's random draws")
    for sub in (remove, load, add):
        add_options(sub)
    cmd.set_defaults(run=run)


def _effect(args: argparse.Namespace) -> dict[str, Any]:
    if args.status is not None:
        effect: dict[str, Any] = {"type": "error", "status": args.status}
        effect.update({k: v for k, v in (("code", args.code), ("message", args.message)) if v})
    elif args.latency is not None:
        effect = {"type": "latency", "ms": args.latency}
    elif args.drop or args.drop_after_processing:
        effect = {"type": "drop", "processed": bool(args.drop_after_processing)}
    elif args.content_type:
        effect = {"type": "content-type", "contentType": args.content_type}
    elif args.stale is not None:
        effect = {"type": "stale", "seconds": args.stale}
    else:
        effect = {"type": next(k for k in ("empty", "truncate", "malformed") if getattr(args, k))}
    if args.delay is not None and effect["type"] != "latency":
        effect["delayMs"] = args.delay
    return effect


def rule_from(args: argparse.Namespace) -> dict[str, Any]:
    """The rule document `faults add` sends."""
    match = {k.removeprefix("match_"): v for k, v in vars(args).items() if k.startswith("match_") and v}
    rule: dict[str, Any] = {"match": match, "effect": _effect(args)}
    for name, value in (
        ("probability", args.probability),
        ("times", args.times),
        ("every", args.every),
        ("after", args.after),
        ("from", args.start),
        ("until", args.end),
        ("id", args.rule_id),
        ("seed", args.seed),
    ):
        if value is not None:
            rule[name] = value
    return rule


def execute(args: argparse.Namespace) -> Any:
    admin = client(args)
    if args.action == "list":
        return admin.call("GET", "/faults")
    if args.action == "clear":
        return admin.call("DELETE", "/faults")
    if args.action == "rm":
        return admin.call("DELETE", f"/faults/{args.rule_id}")
    if args.action == "load":
        try:
            rules = fault_rules(read_document(args.file))
        except (OSError, ValueError) as error:
            raise EmulatorError(f"{args.file}: {error}") from None
        return admin.call("PUT", "/faults", {"rules": rules})
    return admin.call("POST", "/faults", rule_from(args))


def run(args: argparse.Namespace) -> int:
    return show(execute(args))
