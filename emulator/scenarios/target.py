"""An emulator seen over HTTP, as a scenario needs it: its control API (`/_emulator/*`) for setting up
and changing the world, and SP-API calls by operationId with LWA access tokens handled.

It works the same against the in-process emulator and any running one (`replay --target URL`).
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx
import orjson

from emulator.catalog import Catalog, Operation
from emulator.lwa.accounts import DEFAULTS
from emulator.scenarios.results import Exchange
from emulator.testing.credentials import Credentials

ADMIN_TOKEN_HEADER = "x-mcf-emulator-admin-token"
Scalar = str | int | float | bool | None


class TargetError(RuntimeError):
    """The emulator refused a control request, or could not be reached."""


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def request_parts(
    op: Operation, params: dict[str, Any]
) -> tuple[str, list[tuple[str, Scalar]], dict[str, str]]:
    """(path, query pairs, headers) of `op` with parameters given by their model names."""
    known = {p.name: p for p in op.parameters}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise TargetError(f"{op.operation_id} has no parameters named {unknown}")
    path, headers = op.path, {}
    query: list[tuple[str, Scalar]] = []
    for name, value in params.items():
        param = known[name]
        values = value if isinstance(value, list) else [value]
        if param.location == "path":
            path = path.replace("{" + name + "}", quote(_wire(value), safe=""))
        elif param.location == "query" and param.collection_format == "multi":
            query += [(name, _wire(v)) for v in values]
        elif param.location == "query":
            query.append((name, ",".join(_wire(v) for v in values)))
        else:
            headers[name.lower()] = _wire(value)
    return path, query, headers


class HttpTarget:
    """One emulator at `url`; SP-API calls act for the default application and a seller's refresh token."""

    def __init__(self, url: str, catalog: Catalog, admin_token: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.catalog = catalog
        self._admin_headers = {ADMIN_TOKEN_HEADER: admin_token} if admin_token else {}
        self._http = httpx.Client(base_url=self.url, timeout=60.0)
        self._tokens: dict[str, str] = {}

    def close(self) -> None:
        self._http.close()

    # control API --------------------------------------------------------------------------------
    def admin(self, method: str, path: str, body: Any = None) -> Any:
        """Call `/_emulator{path}`; the decoded answer, or TargetError naming the refusal."""
        try:
            response = self._http.request(
                method,
                "/_emulator" + path,
                content=None if body is None else orjson.dumps(body),
                headers=self._admin_headers
                | ({"content-type": "application/json"} if body is not None else {}),
            )
        except httpx.HTTPError as error:
            raise TargetError(f"cannot reach the emulator at {self.url}: {error}") from None
        if response.status_code >= 400:
            raise TargetError(
                f"{method} /_emulator{path} answered {response.status_code}: {response.text[:1000]}"
            )
        return response.json() if response.content else None

    def start_over(self, seed: int, start: datetime, speed: float) -> None:
        """Forget the world, faults and journal; restart the id factory from `seed` and the clock at
        `start` (frozen when `speed` is 0), through a snapshot round trip of the control API."""
        self._tokens.clear()
        self.admin("POST", "/reset", {"faults": True, "journal": True})
        snapshot = self.admin("GET", "/state")
        version, internal, gauss = random.Random(seed).getstate()
        snapshot["ids"] = {"seed": seed, "state": [version, list(internal), gauss]}
        snapshot["clock"] |= {"epoch": start.timestamp(), "speed": speed}
        self.admin("PUT", "/state", snapshot)

    def seed(self, world: Any) -> None:
        if world:
            self.admin("POST", "/seed", world)

    def replace_faults(self, rules: list[Any]) -> None:
        self.admin("PUT", "/faults", rules)

    def configure_rate_limits(self, settings: dict[str, Any]) -> None:
        self.admin("PUT", "/rate-limits", settings)

    def advance(self, by: str | float) -> None:
        self.admin("POST", "/clock/advance", {"by": by})

    # SP-API -------------------------------------------------------------------------------------
    def _token(self, refresh_token: str, renew: bool) -> str:
        if renew or refresh_token not in self._tokens:
            credentials = Credentials.for_emulator(self.url, refresh_token)
            response = self._http.post(credentials.token_url, data=credentials.token_form())
            if response.status_code != 200:
                raise TargetError(f"LWA refused refresh token {refresh_token!r}: {response.text[:500]}")
            self._tokens[refresh_token] = str(response.json()["access_token"])
        return self._tokens[refresh_token]

    def call(
        self,
        operation_id: str,
        params: dict[str, Any],
        body: Any,
        refresh_token: str | None = None,
        renew_token: bool = True,
    ) -> Exchange:
        """Call an operation; an expired access token is renewed once unless `renew_token` is False."""
        op = self.catalog.operations.get(operation_id)
        if op is None:
            raise TargetError(f"the models declare no operation {operation_id!r}")
        path, query, headers = request_parts(op, params)
        if body is not None:
            headers["content-type"] = "application/json"
        content = None if body is None else orjson.dumps(body)
        seller = refresh_token or DEFAULTS.refresh_token
        request = self._http.build_request(op.method, path, params=query, content=content, headers=headers)
        response = self._send(request, seller, renew=False)
        if renew_token and response.status_code == 403 and "expired" in response.text.lower():
            response = self._send(request, seller, renew=True)
        try:
            answer: Any = response.json() if response.content else None
        except ValueError:
            answer = response.text
        return Exchange(op.method, str(request.url), body, response.status_code, answer)

    def _send(self, request: httpx.Request, seller: str, renew: bool) -> httpx.Response:
        request.headers["x-amz-access-token"] = self._token(seller, renew)
        try:
            return self._http.send(request)
        except httpx.HTTPError as error:  # e.g. a `drop` fault closes the connection without an answer
            return httpx.Response(599, text=f"no response: {type(error).__name__}: {error}", request=request)
