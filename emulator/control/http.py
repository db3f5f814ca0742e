"""What every admin endpoint shares: the access guard, JSON/YAML bodies and the error shape.

Access: a request must come from a loopback address (or an in-process transport, which has no
address) unless the operator started with `--admin-remote`; with `--admin-token` every endpoint
but health also needs `x-mcf-emulator-admin-token: TOKEN` (or `Authorization: Bearer TOKEN`).
Errors answer `{"error": code, "message": text, "detail"?: ...}` with a 4xx status.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator.control.contract import BodySchemas
from emulator.control.files import parse_document
from emulator.errors import ControlError
from emulator.protocol import ADMIN_TOKEN, CONTROL_PREFIX
from emulator.settings import Settings

Endpoint = Callable[[Request], Awaitable[Response]]
MAX_LIMIT = 1000  # entries one page of the journal or the event log may hold


def reply(document: Any, status: int = 200) -> Response:
    """A JSON response (None: an empty 204)."""
    if document is None:
        return Response(status_code=204)
    return Response(orjson.dumps(document), status_code=status, media_type="application/json")


def failure(error: ControlError) -> Response:
    doc: dict[str, Any] = {"error": error.code, "message": error.message}
    if error.detail is not None:
        doc["detail"] = error.detail
    return reply(doc, error.status)


def _local(request: Request) -> bool:
    host = request.client.host if request.client else None
    if not host:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # not an address: an in-process transport such as Starlette's TestClient
        return True


def _token_ok(settings: Settings, request: Request, in_query: bool) -> bool:
    if not settings.admin_token:
        return True
    given = request.headers.get(ADMIN_TOKEN) or request.headers.get("authorization", "").removeprefix(
        "Bearer "
    )
    if not given and in_query:
        given = request.query_params.get("token", "")
    return hmac.compare_digest(given.encode(), settings.admin_token.encode())


def guarded(
    settings: Settings, fn: Endpoint, *, open_to_token: bool = False, token_in_query: bool = False
) -> Endpoint:
    """`fn` behind the loopback check and (unless `open_to_token`) the admin token; ControlError -> 4xx.

    `token_in_query`: the token may also come as `?token=` (a page a browser opens cannot send headers).
    """

    async def endpoint(request: Request) -> Response:
        if not settings.admin_remote and not _local(request):
            return failure(
                ControlError(
                    403,
                    "Forbidden",
                    "the admin API only answers loopback clients; "
                    "start the emulator with --admin-remote to open it",
                )
            )
        if not open_to_token and not _token_ok(settings, request, token_in_query):
            return failure(ControlError(401, "Unauthorized", f"missing or wrong {ADMIN_TOKEN} header"))
        try:
            return await fn(request)
        except ControlError as error:
            return failure(error)

    return endpoint


def admin_routes(
    settings: Settings, schemas: BodySchemas, table: dict[str, dict[str, Endpoint]], **options: bool
) -> list[Route]:
    """One guarded route per path under /_emulator, dispatching on the method (405s list them all)."""
    routes = []
    for path, by_method in table.items():

        def dispatch(
            request: Request, path: str = CONTROL_PREFIX + path, by_method: dict[str, Endpoint] = by_method
        ) -> Awaitable[Response]:
            method = "GET" if request.method == "HEAD" else request.method
            request.state.check_body = lambda body: schemas.check(path, method, body, request.path_params)
            return by_method[method](request)

        routes.append(
            Route(CONTROL_PREFIX + path, guarded(settings, dispatch, **options), methods=list(by_method))
        )
    return routes


async def body_of(request: Request, *, required: bool = True) -> Any:
    """The request's JSON or YAML document (None when there is no body and none is required). A body of
    nothing but white space is no document at all, so it is refused rather than read as "no body"."""
    raw = await request.body()
    if not raw and not required:
        return None
    if not raw.strip():
        what = "needs a JSON or YAML body" if required else "takes a JSON or YAML body or none"
        raise ControlError(400, "InvalidBody", f"the body is blank: this endpoint {what}")
    try:
        document = parse_document(raw, request.headers.get("content-type", ""))
    except ValueError as error:
        raise ControlError(400, "InvalidBody", str(error)) from None
    request.state.check_body(document)
    return document


def query_value(request: Request, name: str, kind: type, default: Any = None) -> Any:
    """A typed query parameter (int or bool), or ControlError naming it."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if kind is bool:
        if raw.lower() in ("true", "1", "yes"):
            return True
        if raw.lower() in ("false", "0", "no"):
            return False
    else:
        try:
            return kind(raw)
        except ValueError:
            pass
    raise ControlError(400, "InvalidQuery", f"query parameter {name!r} must be {kind.__name__}, not {raw!r}")


def limit_of(request: Request, default: int = 100) -> int:
    """The `limit` query parameter of a paged listing, between 1 and MAX_LIMIT."""
    limit: int = query_value(request, "limit", int, default)
    if not 1 <= limit <= MAX_LIMIT:
        raise ControlError(400, "InvalidQuery", f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def field(document: Any, name: str, kinds: tuple[type, ...], default: Any = None) -> Any:
    """A field of a JSON object body, type-checked."""
    if document is None:
        return default
    if not isinstance(document, dict):
        raise ControlError(400, "InvalidBody", "the body must be a JSON object")
    value = document.get(name, default)
    if value is not None and (
        not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds)
    ):
        names = " or ".join(k.__name__ for k in kinds)
        raise ControlError(400, "InvalidBody", f"field {name!r} must be {names}")
    return value
