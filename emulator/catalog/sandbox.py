"""Amazon's static sandbox cases as requests: the values a case constrains and the request that replays it.

A case's `request.parameters` maps a parameter name to `{"value": ...}`. Only parameters the operation
declares count; an entry without a value, or a declared parameter the case leaves out, is unconstrained
(Amazon's canned Listings requests never give `sellerId`, and its sandbox answers any seller). On the
wire an array is comma-separated (or repeated, for `collectionFormat: multi`) and a boolean is
`true`/`false`, which is how both the matcher and the replayer spell a case's values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import orjson

from emulator.catalog.loader import Catalog
from emulator.catalog.operation import Operation, Parameter, StaticCase

BODY = "body"


@dataclass(frozen=True)
class Constraint:
    """One value a case asks for: a declared parameter (location `path`/`query`/`header`/`body`)."""

    location: str
    name: str
    value: Any
    multi: bool = False  # a repeated query parameter rather than a comma-separated one

    def wire(self) -> list[str]:
        """The value as the strings a request carries (one per array item)."""
        items = self.value if isinstance(self.value, list) else [self.value]
        return [wire_text(item) for item in items]

    def describe(self) -> str:
        if self.location == BODY:
            return f"body {orjson.dumps(self.value).decode()}"
        return f"{self.location} {self.name}={','.join(self.wire())}"


@dataclass(frozen=True)
class CannedRequest:
    """What replaying one case sends: parameter values by location, and the body when the case gives one."""

    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False

    def url(self, op: Operation) -> str:
        """The request path with its parameters filled in, percent-encoded."""
        url = op.path
        for name, value in self.path.items():
            url = url.replace("{" + name + "}", quote(wire_text(value), safe=""))
        return url

    def query_pairs(self, op: Operation) -> list[tuple[str, str]]:
        """The query string's (name, value) pairs, arrays spelled as the operation declares them."""
        multi = {p.name for p in op.params_in("query") if p.collection_format == "multi"}
        pairs: list[tuple[str, str]] = []
        for name, value in self.query.items():
            items = [wire_text(v) for v in (value if isinstance(value, list) else [value])]
            if name in multi:
                pairs.extend((name, item) for item in items)
            else:
                pairs.append((name, ",".join(items)))
        return pairs


def static_operations(catalog: Catalog) -> frozenset[str]:
    """The operations Amazon's sandbox answers from static cases: every operation of a model that
    documents any (an operation without cases of its own then matches no request)."""
    models = {op.model for op in catalog if op.static_cases}
    return frozenset(op.operation_id for op in catalog if op.model in models)


def wire_text(value: Any) -> str:
    """A scalar as a request spells it (`true`, `2`, `ATVPDKIKX0DER`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _given(case: StaticCase) -> Mapping[str, Any]:
    given = case.request.get("parameters")
    return given if isinstance(given, dict) else {}


def constraints(op: Operation, case: StaticCase) -> tuple[Constraint, ...]:
    """The values `case` asks for, among the parameters `op` declares."""
    given = _given(case)
    found = [
        Constraint(p.location, p.name, given[p.name]["value"], p.collection_format == "multi")
        for p in op.parameters
        if isinstance(given.get(p.name), dict) and "value" in given[p.name]
    ]
    if op.body is not None and isinstance(given.get(op.body.name), dict) and "value" in given[op.body.name]:
        found.append(Constraint(BODY, op.body.name, given[op.body.name]["value"]))
    return tuple(found)


def canned_request(op: Operation, case: StaticCase, stand_ins: Mapping[str, str]) -> CannedRequest:
    """The request that replays `case`. A path parameter the case leaves out takes its value from
    `stand_ins` (by name, or `*` for any); ValueError when there is none, naming the parameter."""
    given = {(c.location, c.name): c.value for c in constraints(op, case)}
    places: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}}
    for param in op.parameters:
        if (param.location, param.name) in given:
            places[param.location][param.name] = given[(param.location, param.name)]
        elif param.location == "path":
            places["path"][param.name] = _stand_in(param, stand_ins)
    body_key = (BODY, op.body.name if op.body else "")
    return CannedRequest(
        places["path"], places["query"], places["header"], given.get(body_key), has_body=body_key in given
    )


def _stand_in(param: Parameter, stand_ins: Mapping[str, str]) -> str:
    value = stand_ins.get(param.name) or stand_ins.get("*")
    if not value:
        raise ValueError(f"the canned request gives no path parameter {param.name!r}")
    return value
