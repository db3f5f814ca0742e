"""`mcf-emulator serve`: run the emulator on loopback and print how to reach it."""

from __future__ import annotations

import argparse
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emulator.protocol import ADMIN_TOKEN, CONTROL_PREFIX, FAULT, LWA_TOKEN_PATH
from emulator.settings import AUTH_MODES, PROFILES, RATE_LIMIT_MODES, SANDBOX_MODES, Settings


def register(commands: Any) -> None:
    cmd = commands.add_parser("serve", help="run the emulator")
    cmd.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default=None,
        help="default (convenient: permissive LWA, throttling reported) or production (strict LWA, enforced "
        "throttling, as Amazon answers); explicit --auth / --rate-limits still win",
    )
    cmd.add_argument("--host", default=None, help="interface to bind (default 127.0.0.1, loopback only)")
    cmd.add_argument("--port", type=port, default=None, help="port, 1-65535 (default 8787)")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument("--auth", choices=AUTH_MODES, default=None, help="LWA mode (default permissive)")
    cmd.add_argument("--seed", type=int, default=None, help="seed for ids and tokens (reproducible runs)")
    cmd.add_argument(
        "--strict-responses",
        action="store_true",
        default=None,
        help="validate every response body against the model before sending it",
    )
    cmd.add_argument(
        "--state",
        type=state_spec,
        default=None,
        metavar="memory|sqlite:PATH",
        help="where state lives (default memory; sqlite:PATH survives restarts and kill -9)",
    )
    cmd.add_argument(
        "--faults",
        type=Path,
        default=None,
        metavar="FILE",
        help="fault rules to install at start (JSON or YAML)",
    )
    cmd.add_argument(
        "--world",
        type=Path,
        default=None,
        metavar="FILE",
        help="preload a world at start: a *.scenario.yaml (world, faults, throttling, seed and clock; "
        "its steps are not run) or a seed document",
    )
    cmd.add_argument(
        "--clock-start",
        type=_instant,
        default=None,
        metavar="ISO",
        help="emulator time at start (default: now, or the world file's start)",
    )
    cmd.add_argument(
        "--clock-speed",
        type=float,
        default=None,
        metavar="X",
        help="clock speed at start (1 real time, 0 frozen; default 1, or the world file's)",
    )
    cmd.add_argument(
        "--allow-fault-header",
        action="store_true",
        default=None,
        dest="fault_header",
        help=f"honour one-off faults in the {FAULT} request header",
    )
    cmd.add_argument(
        "--rate-limits",
        choices=RATE_LIMIT_MODES,
        default=None,
        help="throttling: enforce (429s), report (headers only, default) or off",
    )
    cmd.add_argument(
        "--sandbox-rate-limit",
        action="store_true",
        default=None,
        dest="sandbox_rate_cap",
        help="apply Amazon's sandbox plan (5 requests/s, burst 15) to every operation",
    )
    cmd.add_argument(
        "--sandbox-mode",
        choices=SANDBOX_MODES,
        default=None,
        help="dynamic (default): every operation runs its behaviour; static: answer as Amazon's sandbox "
        "does, documented static cases where the models give them, the rest throttled at its plan",
    )
    cmd.add_argument("--journal-size", type=int, default=None, help="requests kept in the journal (1000)")
    cmd.add_argument(
        "--event-retention",
        type=int,
        default=None,
        help=f"domain events kept in memory for GET {CONTROL_PREFIX}/events (10000; SQLite keeps all)",
    )
    cmd.add_argument(
        "--admin-remote",
        action="store_true",
        default=None,
        help=f"let non-loopback clients use the admin API ({CONTROL_PREFIX})",
    )
    cmd.add_argument(
        "--admin-token",
        default=None,
        help=f"require this token in {ADMIN_TOKEN} on the admin API",
    )
    cmd.add_argument(
        "--no-http", action="store_false", default=None, dest="http", help="no plain HTTP listener (TLS only)"
    )
    cmd.add_argument(
        "--tls", action="store_true", default=None, help="also serve HTTPS for Amazon's hostnames"
    )
    cmd.add_argument("--tls-port", type=port, default=None, help="HTTPS port with --tls (default 8443)")
    cmd.add_argument(
        "--proxy-port",
        type=port,
        default=None,
        help="run the CONNECT proxy for Amazon's hostnames on this port",
    )
    cmd.add_argument("--ca-dir", type=Path, default=None, help="local CA directory (see `mcf-emulator ca`)")
    for transport, label in (("sqs", "SQS"), ("eventbridge", "EventBridge")):
        cmd.add_argument(
            f"--{transport}-endpoint",
            default=None,
            metavar="URL",
            help=f"deliver {label} notification destinations to this {label}-compatible endpoint "
            "(e.g. a moto server); without it notifications only reach the outbox",
        )
    cmd.set_defaults(run=run)


def _instant(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError("use an ISO-8601 date-time, e.g. 2026-03-02T09:00:00Z") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def port(value: str) -> int:
    """Check a port number: a whole number from 1 to 65535."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"{number} is not a port number (1-65535)")
    return number


def state_spec(value: str) -> str:
    """Check a --state value: `memory` or `sqlite:PATH` in an existing directory."""
    if value == "memory":
        return value
    path = Path(value.removeprefix("sqlite:")) if value.startswith("sqlite:") else None
    if path is None or not path.name:
        raise argparse.ArgumentTypeError("use `memory` or `sqlite:PATH`")
    if not path.absolute().parent.is_dir():
        raise argparse.ArgumentTypeError(f"directory {path.absolute().parent} does not exist")
    return value


def banner(settings: Settings) -> str:
    from emulator.lwa.accounts import DEFAULTS

    static = settings.sandbox_mode == "static"
    base = (
        f"http://{settings.host}:{settings.port}"
        if settings.http
        else f"https://{settings.host}:{settings.tls_port}"
    )
    return "\n".join(
        [
            f"mcf-emulator listening on {base}  (profile: {settings.profile}, auth: {settings.auth_mode})",
            f"  SP-API endpoint : {base}",
            f"  LWA token URL   : {base}{LWA_TOKEN_PATH}",
            f"  admin API       : {base}{CONTROL_PREFIX}/health  (state: {settings.state}, "
            f"rate limits: {settings.rate_limits})",
            f"  sandbox mode    : {settings.sandbox_mode}"
            + ("  (documented static cases answer, as in Amazon's sandbox)" if static else ""),
            "  default credentials:",
            f"    client_id      {DEFAULTS.client_id}",
            f"    client_secret  {DEFAULTS.client_secret}",
            f"    refresh_token  {DEFAULTS.refresh_token}",
            f"    seller id      {DEFAULTS.seller_id}  marketplaces {', '.join(DEFAULTS.marketplaces)}",
        ]
    )


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from emulator.app import create_app
    from emulator.cli.ca import secure
    from emulator.edge.delivery import quiet_dropped
    from emulator.edge.tuning import tune_gc
    from emulator.scenarios.world import read_world
    from emulator.tls.listeners import ListenerServer, open_listeners

    settings = Settings.from_env(
        profile=args.profile,
        host=args.host,
        port=args.port,
        models_dir=args.models,
        auth_mode=args.auth,
        seed=args.seed,
        strict_responses=args.strict_responses,
        state=args.state,
        faults_file=args.faults,
        world_file=args.world,
        clock_start=args.clock_start,
        clock_speed=args.clock_speed,
        fault_header=args.fault_header,
        rate_limits=args.rate_limits,
        sandbox_rate_cap=args.sandbox_rate_cap,
        sandbox_mode=args.sandbox_mode,
        journal_size=args.journal_size,
        event_retention=args.event_retention,
        admin_remote=args.admin_remote,
        admin_token=args.admin_token,
        http=args.http,
        tls=args.tls,
        tls_port=args.tls_port,
        proxy_port=args.proxy_port,
        ca_dir=args.ca_dir,
        sqs_endpoint=args.sqs_endpoint,
        eventbridge_endpoint=args.eventbridge_endpoint,
    )
    settings, world = read_world(settings)
    listeners = open_listeners(settings)  # a busy port is reported before the models load
    app = create_app(settings)
    context, tls_banner = secure(settings)
    quiet_dropped()
    print(banner(settings) + tls_banner, flush=True)
    if world is not None:
        print("  " + world.apply(app.control), flush=True)
    config = uvicorn.Config(app, access_log=False, log_level="warning", lifespan="off")
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to whatever handler was
    # installed before it started; a no-op handler makes a requested stop a clean exit (status 0).
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: None)
    tune_gc()
    try:
        ListenerServer(config, listeners, context).run()
    finally:
        app.runtime.close()  # with --state sqlite:, the one file is the whole state after a clean stop
    print("mcf-emulator stopped.", flush=True)
    return 0
