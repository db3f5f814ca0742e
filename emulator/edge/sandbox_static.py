"""Static sandbox mode: operations whose model documents `x-amzn-api-sandbox` static cases answer from them.

A request matches a case when every value the case constrains (`catalog/sandbox.py`) is what the
request carries: path, query and header parameters compared as the wire spells them (arrays in any
order), the body compared as JSON. Of the matching cases the most specific (most constrained) wins,
the first documented among equals; its status and body are sent exactly as documented (no body when
none is documented). These answers are Amazon's text, not the emulator's, so strict response checks do
not apply to them. A request no case matches gets a 400 naming the operation and the values each case
accepts, and what the model finds wrong with the request if anything. Operations of models without
cases (the APIs whose sandbox is dynamic) run the live steps.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from emulator.catalog import Catalog, Operation
from emulator.catalog.operation import StaticCase
from emulator.catalog.sandbox import BODY, Constraint, constraints, static_operations
from emulator.edge.exchange import Exchange, Step
from emulator.edge.validation import RequestBinder, parse_query
from emulator.errors import InvalidInput, SpApiError

_NO_BODY = object()


@dataclass(frozen=True)
class _Case:
    index: int
    case: StaticCase
    wants: tuple[Constraint, ...]


class StaticCases:
    """Every operation's static cases, most specific first, and the matching of a request against them."""

    def __init__(self, catalog: Catalog) -> None:
        self._cases: dict[str, tuple[_Case, ...]] = {}
        for operation_id in static_operations(catalog):
            op = catalog[operation_id]
            found = [_Case(i, case, constraints(op, case)) for i, case in enumerate(op.static_cases)]
            self._cases[operation_id] = tuple(sorted(found, key=lambda c: -len(c.wants)))

    def answers(self, operation_id: str) -> bool:
        """Whether this operation answers from static cases."""
        return operation_id in self._cases

    @property
    def operations(self) -> frozenset[str]:
        return frozenset(self._cases)

    def match(self, op: Operation, x: Exchange) -> StaticCase | None:
        """The most specific case this request matches, or None."""
        query = parse_query(x.query_string)
        body = _json(x.body_bytes)
        for candidate in self._cases.get(op.operation_id, ()):
            if all(_holds(want, x, query, body) for want in candidate.wants):
                return candidate.case
        return None

    def unmatched(self, op: Operation, problem: str | None) -> SpApiError:
        """The 400 for a request no case matches: the operation, what each case accepts, the model's word."""
        accepted = (
            "; ".join(
                f"case {c.index} ({c.case.status}): "
                + (", ".join(w.describe() for w in c.wants) if c.wants else "any request")
                for c in sorted(self._cases[op.operation_id], key=lambda c: c.index)
            )
            or f"Its model ({op.model}) documents no static case of it"
        )
        found = f" The model also rejects this request: {problem}" if problem else ""
        return InvalidInput(
            f"No static sandbox case of {op.operation_id} matches this request.",
            f"{op.operation_id} ({op.model}) answers in static sandbox mode only the documented "
            f"requests. {accepted}.{found}",
        )


def _json(body: bytes) -> object:
    if not body or body.isspace():
        return _NO_BODY
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return _NO_BODY


def _holds(want: Constraint, x: Exchange, query: dict[str, list[str]], body: object) -> bool:
    if want.location == BODY:
        return body is not _NO_BODY and body == want.value
    if want.location == "path":
        sent = [x.path_params[want.name]] if want.name in x.path_params else []
    elif want.location == "header":
        sent = [x.headers[want.name.lower()]] if want.name.lower() in x.headers else []
    else:
        sent = query.get(want.name, [])
    if isinstance(want.value, list):
        items = sent if want.multi else [v for s in sent for v in s.split(",") if v != ""]
        return sorted(items) == sorted(want.wire())
    return sent[-1:] == want.wire()


@dataclass(frozen=True, slots=True)
class AnswerStatic:
    """An operation with static cases answers from them; any other runs the `live` steps."""

    cases: StaticCases
    binder: RequestBinder
    live: tuple[Step, ...]

    def __call__(self, x: Exchange) -> None:
        op = x.operation
        assert op is not None
        if not self.cases.answers(op.operation_id):
            for step in self.live:
                step(x)
            return
        case = self.cases.match(op, x)
        if case is None:
            raise self.cases.unmatched(op, self._problem(op, x))
        x.status, x.response = case.status, case.response

    def _problem(self, op: Operation, x: Exchange) -> str | None:
        try:
            self.binder.bind(op, x.path_params, x.query_string, x.headers, x.body_bytes, x.body_too_large)
        except SpApiError as error:
            return error.message
        return None
