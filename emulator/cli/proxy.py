"""`mcf-emulator proxy --upstream URL`: a validating proxy in front of any SP-API endpoint."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import Any

import orjson


def register(commands: Any) -> None:
    cmd = commands.add_parser("proxy", help="forward SP-API calls to an endpoint, validating both directions")
    cmd.add_argument(
        "--upstream",
        required=True,
        help="SP-API endpoint to forward to, e.g. https://sandbox.sellingpartnerapi-na.amazon.com",
    )
    cmd.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    cmd.add_argument("--port", type=int, default=8788, help="port to listen on (default 8788)")
    cmd.add_argument("--models", type=Path, default=None, help="directory of Amazon's SP-API models")
    cmd.add_argument(
        "--fail-on-violation",
        action="store_true",
        help="exit with status 1 if any request or response broke the models",
    )
    cmd.add_argument("--report", type=Path, default=None, help="also write the findings to this JSON file")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from emulator.catalog import load_catalog
    from emulator.proxy import ValidatingProxy

    proxy = ValidatingProxy(load_catalog(args.models), args.upstream)
    print(f"mcf-emulator proxy on http://{args.host}:{args.port} -> {proxy.upstream}", flush=True)
    serve_proxy(proxy, args.host, args.port)
    return finish(proxy.record, args.report, args.fail_on_violation)


def serve_proxy(proxy: Any, host: str, port: int) -> None:
    """Serve `proxy` until Ctrl-C or SIGTERM."""
    import uvicorn

    config = uvicorn.Config(proxy, host=host, port=port, access_log=False, log_level="warning", lifespan="on")
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        uvicorn.Server(config).run()
    except (KeyboardInterrupt, _Stopped):
        pass  # uvicorn re-raises the signal it shut down on; what follows still has to run
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Stopped(Exception):
    """SIGTERM arrived: stop like on Ctrl-C."""


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


def finish(record: Any, report: Path | None, fail_on_violation: bool) -> int:
    """Print the summary, write the report, and choose the exit status."""
    print(record.summary(), flush=True)
    if report is not None:
        report.write_bytes(orjson.dumps(record.as_dict(), option=orjson.OPT_INDENT_2))
    return 1 if fail_on_violation and record.findings else 0
