"""`python -m emulator.bench.bare`: the stack's limit — bare Starlette answering canned JSON.

Each benchmarked route reads the request body and answers the body the emulator gave for it (read from a JSON file), serialized
with orjson on every request, on the same uvicorn setup as the emulator. Nothing is validated,
authenticated or looked up: the gap between this and the emulator is the emulator's own work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator.bench.scenarios import SCENARIOS
from emulator.bench.server import serve


def _route(path: str, method: str, document: Any) -> Route:
    async def endpoint(request: Request) -> Response:
        await request.body()
        return Response(orjson.dumps(document), media_type="application/json")

    starlette_path = path.split("?")[0].replace("@ORDER@", "{orderId}")
    return Route(starlette_path, endpoint, methods=[method])


def bare_app(bodies: dict[str, Any]) -> Starlette:
    """Starlette with one route per scenario, answering `bodies[operation_id]`."""
    return Starlette(routes=[_route(s.path, s.method, bodies.get(s.operation_id, {})) for s in SCENARIOS])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m emulator.bench.bare")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bodies", type=Path, required=True, help="JSON file: operationId -> response body")
    args = parser.parse_args(argv)
    serve(bare_app(orjson.loads(args.bodies.read_bytes())), args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
