"""Every static sandbox case of the pinned models sent to a target, its answer compared with the document.

A case is *matched* when the status and the body are the documented ones (a case with no documented
body expects none), *differed* with the first difference otherwise, and *errored* when it could not be
sent or no answer came. A path parameter a case leaves out is filled in by `STAND_INS`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from emulator.catalog import Catalog, Operation
from emulator.catalog.sandbox import canned_request, wire_text
from emulator.parity.target import Tokens
from emulator.testing.auth import LwaError

MATCHED, DIFFERED, ERRORED = "matched", "differed", "errored"
#: Path values for parameters a case leaves out: any seller answers in the sandbox, any value elsewhere.
STAND_INS = {"sellerId": "A1SANDBOXSELLER", "*": "sandbox"}


@dataclass(frozen=True)
class Outcome:
    """What one case got."""

    model: str
    operation_id: str
    index: int
    verdict: str
    detail: str = ""

    @property
    def label(self) -> str:
        return f"{self.operation_id}#{self.index}"


def static_cases(catalog: Catalog) -> Iterator[tuple[Operation, int]]:
    """(operation, case index) for every static case, model by model."""
    for op in sorted(catalog, key=lambda o: (o.model, o.operation_id)):
        for index in range(len(op.static_cases)):
            yield op, index


def replay(
    op: Operation, index: int, http: httpx.Client, tokens: Tokens, stand_ins: Mapping[str, str] = STAND_INS
) -> Outcome:
    """Send one case to the target behind `http` and judge the answer."""
    case = op.static_cases[index]
    try:
        request = canned_request(op, case, stand_ins)
        headers = {**tokens.headers(op), **{k: wire_text(v) for k, v in request.headers.items()}}
        content = None
        if request.has_body:
            content = orjson.dumps(request.body)
            headers["content-type"] = "application/json"
        response = http.request(
            op.method,
            request.url(op),
            params=tuple(request.query_pairs(op)),
            headers=headers,
            content=content,
        )
    except (ValueError, httpx.HTTPError, LwaError) as error:
        return Outcome(op.model, op.operation_id, index, ERRORED, f"{type(error).__name__}: {error}")
    found = difference(case.status, case.response, response.status_code, response.content)
    verdict = DIFFERED if found else MATCHED
    return Outcome(op.model, op.operation_id, index, verdict, found or "")


def difference(status: int, documented: Any, actual_status: int, content: bytes) -> str | None:
    """The first way an answer differs from the documented status and body, or None."""
    if actual_status != status:
        return f"status {actual_status}, documented {status}: {content[:200].decode('utf-8', 'replace')}"
    if not content:
        return None if documented is None else "no body, documented one"
    try:
        body = orjson.loads(content)
    except orjson.JSONDecodeError:
        return "the body is not JSON"
    return first_difference(documented, body)


def first_difference(expected: Any, actual: Any, where: str = "$") -> str | None:
    """Where two JSON documents first differ (`$.payload.items[0].sku: 'A', documented 'B'`), or None."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(expected.keys() | actual.keys()):
            if key not in actual:
                return f"{where}.{key}: missing"
            if key not in expected:
                return f"{where}.{key}: not documented"
            found = first_difference(expected[key], actual[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{where}: {len(actual)} items, documented {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            found = first_difference(e, a, f"{where}[{i}]")
            if found:
                return found
        return None
    if type(expected) is not type(actual) or expected != actual:
        return f"{where}: {actual!r}, documented {expected!r}"
    return None
