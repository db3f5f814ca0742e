"""`mcf-emulator serve`: run the emulator on loopback and print how to reach it."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import Any

from emulator.settings import AUTH_MODES, RATE_LIMIT_MODES, Settings


def register(commands: Any) -> None:
    cmd = commands.add_parser("serve", help="run the emulator")
    cmd.add_argument("--host", default=None, help="interface to bind (default 127.0.0.1, loopback only)")
    cmd.add_argument("--port", type=int, default=None, help="port (default 8787)")
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
        "--allow-fault-header",
        action="store_true",
        default=None,
        dest="fault_header",
        help="honour one-off faults in the x-mcf-emulator-fault request header",
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
    cmd.add_argument("--journal-size", type=int, default=None, help="requests kept in the journal (1000)")
    cmd.add_argument(
        "--admin-remote",
        action="store_true",
        default=None,
        help="let non-loopback clients use the admin API (/_emulator)",
    )
    cmd.add_argument(
        "--admin-token",
        default=None,
        help="require this token in x-mcf-emulator-admin-token on the admin API",
    )
    for transport, label in (("sqs", "SQS"), ("eventbridge", "EventBridge")):
        cmd.add_argument(
            f"--{transport}-endpoint",
            default=None,
            metavar="URL",
            help=f"deliver {label} notification destinations to this {label}-compatible endpoint "
            "(e.g. a moto server); without it notifications only reach the outbox",
        )
    cmd.set_defaults(run=run)


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

    base = f"http://{settings.host}:{settings.port}"
    return "\n".join(
        [
            f"mcf-emulator listening on {base}  (auth: {settings.auth_mode})",
            f"  SP-API endpoint : {base}",
            f"  LWA token URL   : {base}/auth/o2/token",
            f"  admin API       : {base}/_emulator/health  (state: {settings.state}, "
            f"rate limits: {settings.rate_limits})",
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
    from emulator.edge.delivery import quiet_dropped
    from emulator.edge.tuning import tune_gc

    settings = Settings.from_env(
        host=args.host,
        port=args.port,
        models_dir=args.models,
        auth_mode=args.auth,
        seed=args.seed,
        strict_responses=args.strict_responses,
        state=args.state,
        faults_file=args.faults,
        fault_header=args.fault_header,
        rate_limits=args.rate_limits,
        sandbox_rate_cap=args.sandbox_rate_cap,
        journal_size=args.journal_size,
        admin_remote=args.admin_remote,
        admin_token=args.admin_token,
        sqs_endpoint=args.sqs_endpoint,
        eventbridge_endpoint=args.eventbridge_endpoint,
    )
    app = create_app(settings)
    quiet_dropped()
    print(banner(settings), flush=True)
    config = uvicorn.Config(
        app, host=settings.host, port=settings.port, access_log=False, log_level="warning", lifespan="off"
    )
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to whatever handler was
    # installed before it started; a no-op handler makes a requested stop a clean exit (status 0).
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: None)
    tune_gc()
    uvicorn.Server(config).run()
    print("mcf-emulator stopped.", flush=True)
    return 0
