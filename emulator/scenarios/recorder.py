"""`record`: turn the SP-API traffic a validating proxy forwarded into a draft scenario.

Each call becomes a step by operationId with its parameters and body, expecting the status and the
stable values that came back. Volatile values (ids, numbers, tokens, dates by field name; date-times
and decimal amounts by their look) are never expected literally; the ones a later request sends back become
captures (`${packageNumber}`), so the draft replays against a fresh emulator.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import yaml

from emulator.catalog import Catalog, Operation
from emulator.control.files import parse_document
from emulator.edge.routing import Router
from emulator.errors import SpApiError
from emulator.proxy.app import Traffic

_VOLATILE_KEY = re.compile(
    r"(Id|ID|Ids|Number|Token|Date|Time|At|Timestamp|Link|Url)$|^(id|token|nextToken)$|(?i:asin|fnsku)$"
)
_GENERATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|^-?\d+\.\d+$")  # date-times, decimal amounts
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MIN_CAPTURED = 4  # shorter values (`US`, `1`) are too common to stand for one thing
Leaf = tuple[str, str, Any]  # (JSONPath, field name, value)


def _leaves(document: Any, path: str = "$", key: str = "") -> Iterator[Leaf]:
    if isinstance(document, dict):
        for name, value in document.items():
            field = name if _PLAIN_KEY.fullmatch(name) else f'"{name}"'
            yield from _leaves(value, f"{path}.{field}", name)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _leaves(value, f"{path}[{index}]", key)
    else:
        yield path, key, document


def volatile(key: str, value: Any) -> bool:
    """A value that differs between runs: an id, number, token or date by name, a date-time, or a decimal
    string (fees and weights follow from generated product data)."""
    return bool(_VOLATILE_KEY.search(key)) or (isinstance(value, str) and bool(_GENERATED.match(value)))


class Recorder:
    """Collects traffic (`tap` is the proxy's hook) and writes it as a draft scenario."""

    def __init__(self, catalog: Catalog) -> None:
        self._router = Router(catalog)
        self._lock = threading.Lock()
        self.calls: list[tuple[Operation, dict[str, Any], Any, int, Any]] = []

    def tap(self, traffic: Traffic) -> None:
        """Keep one forwarded call (calls the models do not know are left out)."""
        try:
            op, path_params = self._router.match(traffic.method, traffic.path)
        except SpApiError:
            return
        params = dict(path_params) | _query(op, traffic.query) | _headers(op, traffic.headers)
        call = (op, params, _json(traffic.body), traffic.status, _json(traffic.response))
        with self._lock:
            self.calls.append(call)

    def steps(self) -> list[dict[str, Any]]:
        """The recorded calls as scenario steps, with captures for values later requests reuse."""
        with self._lock:
            calls = list(self.calls)
        captured: dict[str, str] = {}  # str(value) -> capture name
        names: set[str] = set()
        steps = []
        for index, (op, params, body, status, answer) in enumerate(calls):
            step: dict[str, Any] = {"call": op.operation_id}
            if params:
                step["params"] = _replaced(params, captured)
            if body is not None:
                step["body"] = _replaced(body, captured)
            later = {str(v) for _, p, b, _, _ in calls[index + 1 :] for v in _values(p, b)}
            expected, captures = {}, {}
            for path, key, value in _leaves(answer):
                if volatile(key, value):
                    text = str(value)
                    if text in later and text not in captured and len(text) >= _MIN_CAPTURED:
                        name = _fresh(key or "value", names)
                        captured[text], captures[name] = name, path
                elif value is not None:
                    expected[path] = value
            step["expect"] = {"status": status} | ({"body": expected} if expected else {})
            if captures:
                step["capture"] = captures
            steps.append(step)
        return steps

    def draft(self, name: str, upstream: str, world: Any = None) -> str:
        """The draft scenario as YAML text."""
        now = datetime.now(UTC).replace(microsecond=0)
        document: dict[str, Any] = {
            "name": name,
            "description": f"Recorded from {upstream} on {now.date().isoformat()}; a draft to review.",
            "seed": 1,
            "start": now.isoformat().replace("+00:00", "Z"),
        }
        if world:
            document["world"] = world
        document["steps"] = self.steps()
        header = f"# Draft scenario written by `mcf-emulator record --upstream {upstream}`.\n"
        return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110)


def _json(raw: bytes) -> Any:
    """A JSON body decoded; anything else as text (None when empty)."""
    try:
        return parse_document(raw, "application/json") if raw else None
    except ValueError:
        return raw.decode("utf-8", "replace")


def _query(op: Operation, query: bytes) -> dict[str, Any]:
    declared = {p.name: p for p in op.params_in("query")}
    found: dict[str, Any] = {}
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        param = declared.get(name)
        if param is not None and param.schema.get("type") == "array":
            parts = [value] if param.collection_format == "multi" else value.split(",")
            found[name] = [*found.get(name, []), *parts]
        else:
            found[name] = value
    return found


def _headers(op: Operation, headers: dict[str, str]) -> dict[str, Any]:
    return {p.name: headers[p.name.lower()] for p in op.params_in("header") if p.name.lower() in headers}


def _values(params: dict[str, Any], body: Any) -> Iterator[Any]:
    for _, _, value in _leaves(params):
        yield value
    for _, _, value in _leaves(body):
        yield value


def _replaced(document: Any, captured: dict[str, str]) -> Any:
    if isinstance(document, dict):
        return {key: _replaced(value, captured) for key, value in document.items()}
    if isinstance(document, list):
        return [_replaced(value, captured) for value in document]
    name = captured.get(str(document)) if document is not None else None
    return f"${{{name}}}" if name else document


def _fresh(key: str, taken: set[str]) -> str:
    base = re.sub(r"\W", "_", key) or "value"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name
