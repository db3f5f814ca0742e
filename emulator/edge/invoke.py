"""Running an SP-API operation in-process, as a given seller, through the same steps as HTTP calls.

Seeding uses it so that, e.g., inventory is created by the inventory handlers themselves and never
by a second copy of their logic. Authentication, faults, throttling and the journal are skipped:
the caller is the default application acting for the seller, as an authorized call would be.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

import orjson

from emulator.catalog import Catalog
from emulator.catalog.sandbox import wire_text
from emulator.edge.auth import caller_for
from emulator.edge.exchange import Exchange, Step
from emulator.edge.http import error_body
from emulator.edge.routing import Router
from emulator.errors import SpApiError, nearest
from emulator.lwa.accounts import DEFAULTS, Accounts
from emulator.state import IdFactory


class Invoker:
    """Calls operations by operationId in-process: request validation, handler, response check."""

    def __init__(
        self, catalog: Catalog, router: Router, ids: IdFactory, accounts: Accounts, steps: tuple[Step, ...]
    ) -> None:
        self._catalog = catalog
        self._router = router
        self._ids = ids
        self._accounts = accounts
        self._steps = steps

    def __call__(
        self,
        operation_id: str,
        seller_id: str | None,
        params: dict[str, Any] | None = None,
        body: Any = None,
    ) -> tuple[int, Any]:
        """(status, body) of `operation_id` called by `seller_id` with `params` (path, query and header
        parameters by their model names; lists for array parameters) and a JSON `body`.

        KeyError names an operation or parameters the models do not declare."""
        x = self._exchange(operation_id, dict(params or {}), body)
        x.request_id = self._ids.uuid()
        x.caller = caller_for(self._accounts, DEFAULTS.client_id, seller_id)
        try:
            x.operation, x.path_params = self._router.match(x.method, x.raw_path)
            for step in self._steps:
                step(x)
        except SpApiError as error:
            x.status, x.response = error.status, error_body(error)
        return x.status, x.response

    def _exchange(self, operation_id: str, params: dict[str, Any], body: Any) -> Exchange:
        """The request an HTTP client would have sent for these parameters and body."""
        op = self._catalog.operations.get(operation_id)
        if op is None:
            known = self._catalog.operations
            raise KeyError(f"the models declare no operation {operation_id!r}{nearest(operation_id, known)}")
        path = op.path
        query: list[tuple[str, str]] = []
        headers: dict[str, str] = {}
        for param in op.parameters:
            if param.name not in params:
                continue
            value = params.pop(param.name)
            if param.location == "path":
                path = path.replace("{" + param.name + "}", quote(wire_text(value), safe=""))
            elif param.location == "query":
                values = value if isinstance(value, list) else [value]
                if param.collection_format == "multi":
                    query.extend((param.name, wire_text(v)) for v in values)
                else:
                    query.append((param.name, ",".join(wire_text(v) for v in values)))
            else:
                headers[param.name.lower()] = wire_text(value)
        if params:
            names = [p.name for p in op.parameters]
            hints = "".join(nearest(name, names) for name in sorted(params))
            raise KeyError(f"{operation_id} has no parameters named {sorted(params)}{hints}")
        if body is not None:
            headers["content-type"] = "application/json"
        payload = b"" if body is None else orjson.dumps(body)
        return Exchange(op.method, path, urlencode(query).encode(), headers, payload, False)
