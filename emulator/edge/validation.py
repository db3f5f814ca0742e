"""Binding a request to its operation (path, query, header, body) and checking responses.

Request problems become 400 `InvalidInput`, spelled as the operation's API spells it (`BAD_REQUEST` for
Listings Items, `errors.INVALID_INPUT_CODES`), or 413/415 where the model declares them, naming the
parameter or field; response problems are contract violations of the emulator itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import orjson

from emulator.catalog.operation import Operation, Parameter
from emulator.edge.schemas import ValidatorCache, describe
from emulator.errors import InvalidInput, PayloadTooLarge, SpApiError, UnsupportedMediaType, invalid_input

_MAX_REPORTED = 5
_TRUE, _FALSE = ("true", "1"), ("false", "0")
_LOCATION_NAMES = {"path": "Path", "query": "Query", "header": "Header"}
_ANNOTATIONS = {"description", "example", "default", "title"}
# Undeclared body fields are rejected (SP-API answers 400 naming them, reference §13 #13), except these:
# python-amazon-sp-api, widely used against production MCF endpoints, adds the marketplace under these
# names to every POST/PUT body, so Amazon evidently ignores them; the emulator drops them before validation.
TOLERATED_BODY_FIELDS = frozenset({"marketplaceIds", "MarketplaceIds", "MarketplaceId", "marketplace_ids"})


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """Turn a wire string into the type the schema asks for; leave it alone when it does not fit."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean":
        lowered = value.lower()
        return True if lowered in _TRUE else False if lowered in _FALSE else value
    return value


def _reject(problem: str, *, op: Operation, error: type[SpApiError] = InvalidInput) -> SpApiError:
    if error is InvalidInput or not op.declares(error.status):
        return invalid_input(op.api, problem, problem)
    return error(problem, problem)


def parse_query(query_string: bytes) -> dict[str, list[str]]:
    """`a=1&b=x%2Fy&a=2` -> {a: [1, 2], b: [x/y]}; the same result as `parse_qsl(keep_blank_values=True)`."""
    query: dict[str, list[str]] = {}
    if not query_string:
        return query
    for part in query_string.decode("latin-1").split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        if "%" in name or "+" in name:
            name = unquote(name.replace("+", " "))
        if "%" in value or "+" in value:
            value = unquote(value.replace("+", " "))
        query.setdefault(name, []).append(value)
    return query


def _accepts_any_string(schema: dict[str, Any]) -> bool:
    """True for `{"type": "string"}` with nothing else that constrains it: no validator needed."""
    constraining = {k for k in schema if not k.startswith("x-") and k not in _ANNOTATIONS}
    return constraining == {"type"} and schema["type"] == "string"


class _BoundParameter:
    """One parameter of an operation, prepared once: where to read it, how to coerce and check it."""

    __slots__ = ("array", "key", "label", "location", "name", "required", "schema", "split", "validator")

    def __init__(self, param: Parameter, validator: Any | None) -> None:
        self.name = param.name
        self.location = param.location
        self.key = param.name.lower() if param.location == "header" else param.name
        self.required = param.required
        self.label = f"{_LOCATION_NAMES[param.location]} parameter '{param.name}'"
        self.array = param.schema.get("type") == "array"
        self.split = param.collection_format != "multi"
        self.schema = param.schema.get("items", {}) if self.array else param.schema
        self.validator = validator

    def value(self, raw: list[str]) -> Any:
        if self.array:
            values = [v for r in raw for v in r.split(",")] if self.split else raw
            return [_coerce(v, self.schema) for v in values if v != ""]
        return _coerce(raw[-1], self.schema)


class RequestBinder:
    """Validates and coerces every part of a request against its operation's parameters and body."""

    def __init__(self) -> None:
        self._validators = ValidatorCache()
        self._plans: dict[str, tuple[_BoundParameter, ...]] = {}
        self._extras: dict[str, frozenset[str]] = {}

    def _tolerated(self, op: Operation) -> frozenset[str]:
        """The undeclared top-level body fields this operation's body silently drops."""
        found = self._extras.get(op.operation_id)
        if found is None:
            schema = op.body.schema if op.body else {}
            ref = schema.get("$ref", "")
            if ref.startswith("#/definitions/"):
                schema = op.definitions.get(ref.rsplit("/", 1)[1], {})
            found = self._extras[op.operation_id] = TOLERATED_BODY_FIELDS - set(schema.get("properties", {}))
        return found

    def _plan(self, op: Operation) -> tuple[_BoundParameter, ...]:
        plan = self._plans.get(op.operation_id)
        if plan is None:
            plan = self._plans[op.operation_id] = tuple(
                _BoundParameter(
                    p,
                    None
                    if _accepts_any_string(p.schema)
                    else self._validators.get((op.operation_id, p.name), p.schema, op.definitions),
                )
                for p in op.parameters
            )
        return plan

    def bind(
        self,
        op: Operation,
        path_params: dict[str, str],
        query_string: bytes,
        headers: dict[str, str],
        body: bytes,
        body_too_large: bool,
    ) -> tuple[dict[str, Any], Any]:
        """(params, body) for the handler, or raise an SpApiError naming what is wrong."""
        query = parse_query(query_string)
        params: dict[str, Any] = {}
        for param in self._plan(op):
            if param.location == "path":
                raw = [path_params.get(param.name, "")]
            elif param.location == "query":
                raw = query.get(param.name, [])
            else:
                found = headers.get(param.key)
                raw = [] if found is None else [found]
            if not raw:
                if param.required:
                    raise _reject(f"{param.label} is required.", op=op)
                continue
            value = param.value(raw) if raw != [""] or not param.required else []
            if value == []:
                if param.required:
                    raise _reject(f"{param.label} must not be empty.", op=op)
                continue
            validator = param.validator
            if validator is not None and not validator.is_valid(value):
                error = next(iter(validator.iter_errors(value)))
                raise _reject(f"{param.label} is invalid: {describe(error)}", op=op)
            params[param.name] = value
        return params, self._body(op, headers, body, body_too_large)

    def _body(self, op: Operation, headers: dict[str, str], body: bytes, too_large: bool) -> Any:
        spec = op.body
        if spec is None:
            return None
        if too_large:
            raise _reject("The request body exceeds the maximum accepted size.", op=op, error=PayloadTooLarge)
        if not body or body.isspace():
            if spec.required:
                raise _reject("The request body is required.", op=op)
            return None
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            shown = content_type or "none"
            raise _reject(
                f"Content-Type must be application/json (got {shown}).", op=op, error=UnsupportedMediaType
            )
        try:
            document = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise _reject(f"The request body is not valid JSON: {exc}.", op=op) from None
        if isinstance(document, dict):
            for name in self._tolerated(op).intersection(document):
                del document[name]
        validator = self._validators.get((op.operation_id, "body"), spec.schema, op.definitions)
        if not validator.is_valid(document):
            problems = first_problems(validator, document)
            raise invalid_input(op.api, f"Request body is invalid: {problems[0]}", "; ".join(problems))
        return document


def first_problems(validator: Any, document: Any) -> list[str]:
    """The first few problems a validator finds in `document`, described."""
    return [describe(e) for _, e in zip(range(_MAX_REPORTED), validator.iter_errors(document), strict=False)]


class ResponseChecker:
    """Strict mode: every response body must validate against the operation's declared schema."""

    def __init__(self) -> None:
        self._validators = ValidatorCache()

    def problems(self, op: Operation, status: int, body: Any) -> list[str]:
        spec = op.responses.get(status)
        if spec is None:
            return [f"status {status} is not declared by {op.operation_id}"]
        if spec.schema is None:
            return [] if body is None else [f"status {status} of {op.operation_id} declares no body"]
        validator = self._validators.get((op.operation_id, status), spec.schema, op.definitions)
        return [] if validator.is_valid(body) else first_problems(validator, body)
