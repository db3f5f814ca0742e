"""`python -m emulator.bench.bare`: the stack's limit — bare Starlette answering canned JSON.

Each benchmarked route reads the request body and answers the body the emulator gave for the same
call (from a JSON file), serialized with orjson on every request, on the same uvicorn setup as the
emulator. Nothing is validated, authenticated or looked up: the gap is the emulator's own work.
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


def _query_names(path: str) -> frozenset[str]:
    return frozenset(pair.split("=")[0] for pair in path.partition("?")[2].split("&") if pair)


def _route(method: str, path: str, answers: dict[frozenset[str], Any]) -> Route:
    async def endpoint(request: Request) -> Response:
        await request.body()
        document = answers.get(frozenset(request.query_params.keys()), {})
        return Response(orjson.dumps(document), media_type="application/json")

    return Route(path.replace("@ORDER@", "{orderId}"), endpoint, methods=[method])


def bare_app(bodies: dict[str, Any]) -> Starlette:
    """Starlette with a route per scenario path, answering `bodies[scenario name]` (told apart by query)."""
    routes: dict[tuple[str, str], dict[frozenset[str], Any]] = {}
    for s in SCENARIOS:
        answers = routes.setdefault((s.method, s.path.partition("?")[0]), {})
        answers[_query_names(s.path)] = bodies.get(s.name, {})
    return Starlette(routes=[_route(method, path, answers) for (method, path), answers in routes.items()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m emulator.bench.bare")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bodies", type=Path, required=True, help="JSON file: operationId -> response body")
    args = parser.parse_args(argv)
    serve(bare_app(orjson.loads(args.bodies.read_bytes())), args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
