"""Running an SP-API operation in-process, as a given seller, through the same steps as HTTP calls.

Seeding uses it so that, e.g., inventory is created by the inventory handlers themselves and never
by a second copy of their logic. Authentication, faults, throttling and the journal are skipped:
the caller is the control plane, acting for the seller with the default application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import orjson

from emulator.context import Caller
from emulator.edge.http import error_body
from emulator.edge.pipeline import Exchange, dispatch, validate_request, validate_response
from emulator.errors import SpApiError
from emulator.lwa.accounts import DEFAULTS

if TYPE_CHECKING:
    from emulator.runtime import Runtime


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def invoke(
    rt: Runtime,
    operation_id: str,
    seller_id: str | None,
    params: dict[str, Any] | None = None,
    body: Any = None,
) -> tuple[int, Any]:
    """(status, body) of `operation_id` called by `seller_id` with `params` (path, query and header
    parameters by their model names; lists for array parameters) and a JSON `body`."""
    op = rt.catalog.operations.get(operation_id)
    if op is None:
        raise KeyError(f"the models declare no operation {operation_id!r}")
    params = dict(params or {})
    path, query, headers = op.path, [], {}
    for param in op.parameters:
        if param.name not in params:
            continue
        value = params.pop(param.name)
        if param.location == "path":
            path = path.replace("{" + param.name + "}", quote(_wire(value), safe=""))
        elif param.location == "query":
            values = value if isinstance(value, list) else [value]
            if param.collection_format == "multi":
                query.extend((param.name, _wire(v)) for v in values)
            else:
                query.append((param.name, ",".join(_wire(v) for v in values)))
        else:
            headers[param.name.lower()] = _wire(value)
    if params:
        raise KeyError(f"{operation_id} has no parameters named {sorted(params)}")
    if body is not None:
        headers["content-type"] = "application/json"
    x = Exchange(
        op.method,
        path,
        urlencode(query).encode(),
        headers,
        b"" if body is None else orjson.dumps(body),
        False,
    )
    x.request_id = rt.ids.uuid()
    seller = rt.accounts.seller(seller_id) if seller_id else None
    app = rt.accounts.application(DEFAULTS.client_id)
    x.caller = Caller(
        DEFAULTS.client_id,
        app["application_id"] if app else DEFAULTS.application_id,
        seller_id,
        tuple(seller["marketplaces"]) if seller else (),
    )
    try:
        x.operation, x.path_params = rt.router.match(op.method, path)
        for step in (validate_request, dispatch, validate_response):
            step(x, rt)
    except SpApiError as error:
        x.status, x.response = error.status, error_body(error)
    return x.status, x.response
