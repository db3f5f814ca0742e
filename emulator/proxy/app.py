"""`ValidatingProxy`: an ASGI app that forwards every call to an upstream SP-API endpoint unchanged,
validating the request (route, parameters, body, access-token header) and the response (declared
status, JSON content type, `x-amzn-RequestId`, body schema) with the emulator's own edge code.

The client always gets the upstream's answer; findings are recorded, counted in the
`x-mcf-proxy-violations` response header, and summarised when the proxy stops. LWA and
`/_emulator` paths are passed through without checks. Response bodies are checked against the
closed schemas the emulator uses, so fields the models do not declare are reported too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from emulator.catalog import Catalog, Operation
from emulator.edge.http import read_body
from emulator.edge.routing import Router
from emulator.edge.validation import RequestBinder, ResponseChecker
from emulator.errors import SpApiError
from emulator.protocol import ACCESS_TOKEN, NON_SPAPI_PREFIXES, PROXY_VIOLATIONS, REQUEST_ID
from emulator.proxy.record import Finding, ProxyRecord

_HOP_BY_HOP = frozenset(
    {
        "host",
        "content-length",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "te",
        "upgrade",
        "proxy-authorization",
        "proxy-connection",
        "content-encoding",
    }
)
_MAX_BODY = 64 * 1024 * 1024


@dataclass(frozen=True)
class Traffic:
    """One forwarded SP-API call, as the client sent it and as the upstream answered (for recorders)."""

    method: str
    path: str
    query: bytes
    headers: dict[str, str]
    body: bytes
    status: int
    response: bytes


class ValidatingProxy:
    """Forward to `upstream`, check both directions against `catalog`, record findings in `record`."""

    def __init__(
        self,
        catalog: Catalog,
        upstream: str,
        *,
        record: ProxyRecord | None = None,
        timeout: float = 60.0,
        tap: Callable[[Traffic], None] | None = None,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.record = record or ProxyRecord()
        self.tap = tap  # sees every SP-API call forwarded
        self.router = Router(catalog)
        self.binder = RequestBinder()
        self.checker = ResponseChecker()
        self.client = httpx.AsyncClient(timeout=timeout)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body, _ = await read_body(receive, _MAX_BODY)
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        query = scope.get("query_string", b"")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        method = scope["method"]
        checked = not raw_path.startswith(NON_SPAPI_PREFIXES)
        op, findings = self._check_request(method, raw_path, query, headers, body) if checked else (None, [])
        try:
            upstream = await self.client.request(
                method,
                self.upstream + raw_path + (f"?{query.decode('latin-1')}" if query else ""),
                content=body,
                headers={k: v for k, v in headers.items() if k not in _HOP_BY_HOP},
            )
        except httpx.HTTPError as error:
            self.record.upstream_failed()
            for finding in findings:  # the client's mistakes count whether or not the upstream answered
                self.record.add(finding)
            await _send(
                send,
                502,
                _gateway_error(self.upstream, error),
                {"content-type": "application/json"},
                len(findings),
            )
            return
        if checked:
            self.record.call(op.operation_id if op else None)
            if op is not None:
                findings += self._check_response(op, method, raw_path, upstream)
            if self.tap is not None:
                self.tap(
                    Traffic(method, raw_path, query, headers, body, upstream.status_code, upstream.content)
                )
        for finding in findings:
            self.record.add(finding)
        out = {k: v for k, v in upstream.headers.items() if k.lower() not in _HOP_BY_HOP}
        await _send(send, upstream.status_code, upstream.content, out, len(findings))

    def _check_request(
        self, method: str, path: str, query: bytes, headers: dict[str, str], body: bytes
    ) -> tuple[Operation | None, list[Finding]]:
        try:
            op, path_params = self.router.match(method, path)
        except SpApiError:
            return None, [
                Finding(
                    "request",
                    None,
                    method,
                    path,
                    None,
                    (f"no operation in the models answers {method} {path}",),
                )
            ]
        problems = []
        if not headers.get(ACCESS_TOKEN):
            problems.append(f"the {ACCESS_TOKEN} header is missing")
        try:
            self.binder.bind(op, path_params, query, headers, body, False)
        except SpApiError as error:
            extra = error.details if error.details and error.details not in error.message else ""
            problems.append(f"{error.message} ({extra})" if extra else error.message)
        found = [Finding("request", op.operation_id, method, path, None, tuple(problems))] if problems else []
        return op, found

    def _check_response(
        self, op: Operation, method: str, path: str, response: httpx.Response
    ) -> list[Finding]:
        status = response.status_code
        spec = op.responses.get(status)
        problems: list[str] = []
        document: Any = None
        if response.content:
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json" and not kind.endswith("+json"):
                problems.append(f"content type is {kind or 'missing'}, not application/json")
            try:
                document = orjson.loads(response.content)
            except orjson.JSONDecodeError:
                problems.append("the body is not valid JSON")
        if not problems:
            problems += self.checker.problems(op, status, document)
        if (
            spec is not None
            and REQUEST_ID in spec.headers
            and REQUEST_ID not in response.headers  # httpx compares header names case-insensitively
        ):
            problems.append(f"the {REQUEST_ID} header is missing")
        return (
            [Finding("response", op.operation_id, method, path, status, tuple(problems))] if problems else []
        )

    async def _lifespan(self, receive: Any, send: Any) -> None:
        """Close the upstream connection pool when the server shuts down."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


def _gateway_error(upstream: str, error: Exception) -> bytes:
    detail = f"{type(error).__name__}: {error}"
    return orjson.dumps(
        {
            "errors": [
                {
                    "code": "InternalFailure",
                    "message": f"The proxy could not reach {upstream}.",
                    "details": detail,
                }
            ]
        }
    )


async def _send(send: Any, status: int, body: bytes, headers: dict[str, str], violations: int) -> None:
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    raw.append((b"content-length", str(len(body)).encode()))
    if violations:
        raw.append((PROXY_VIOLATIONS.encode(), str(violations).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
