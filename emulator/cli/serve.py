"""`mcf-emulator serve`: run the emulator on loopback and print how to reach it."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import Any

from emulator.settings import AUTH_MODES, Settings


def register(commands: Any) -> None:
    cmd = commands.add_parser("serve", help="run the emulator")
    cmd.add_argument("--host", default=None, help="interface to bind (default 127.0.0.1, loopback only)")
    cmd.add_argument("--port", type=int, default=None, help="port (default 8787)")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument("--auth", choices=AUTH_MODES, default=None, help="LWA mode (default permissive)")
    cmd.add_argument("--seed", type=int, default=None, help="seed for ids and tokens (reproducible runs)")
    cmd.add_argument("--strict-responses", action="store_true", default=None,
                     help="validate every response body against the model before sending it")
    cmd.set_defaults(run=run)


def banner(settings: Settings) -> str:
    from emulator.lwa.accounts import DEFAULTS

    base = f"http://{settings.host}:{settings.port}"
    return "\n".join([
        f"mcf-emulator listening on {base}  (auth: {settings.auth_mode})",
        f"  SP-API endpoint : {base}",
        f"  LWA token URL   : {base}/auth/o2/token",
        f"  admin API       : {base}/_emulator/health",
        "  default credentials:",
        f"    client_id      {DEFAULTS.client_id}",
        f"    client_secret  {DEFAULTS.client_secret}",
        f"    refresh_token  {DEFAULTS.refresh_token}",
        f"    seller id      {DEFAULTS.seller_id}  marketplaces {', '.join(DEFAULTS.marketplaces)}",
    ])


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from emulator.app import create_app

    settings = Settings.from_env(host=args.host, port=args.port, models_dir=args.models,
                                 auth_mode=args.auth, seed=args.seed, strict_responses=args.strict_responses)
    app = create_app(settings)
    print(banner(settings), flush=True)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, access_log=False,
                            log_level="warning", lifespan="off")
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to whatever handler was
    # installed before it started; a no-op handler makes a requested stop a clean exit (status 0).
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: None)
    uvicorn.Server(config).run()
    print("mcf-emulator stopped.", flush=True)
    return 0
