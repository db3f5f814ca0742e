"""Binding a request to its operation (path, query, header, body) and checking responses.

Request problems become 400 `InvalidInput` (or 413/415 where the model declares them) naming the
parameter or field; response problems are contract violations of the emulator itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import orjson

from emulator.catalog.operation import Operation, Parameter
from emulator.edge.schemas import ValidatorCache, describe
from emulator.errors import InvalidInput, PayloadTooLarge, SpApiError, UnsupportedMediaType

_MAX_REPORTED = 5
_TRUE, _FALSE = ("true", "1"), ("false", "0")
_LOCATION_NAMES = {"path": "Path", "query": "Query", "header": "Header"}


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


def _param_value(param: Parameter, raw: list[str]) -> Any:
    if param.schema.get("type") == "array":
        items = param.schema.get("items", {})
        values = raw if param.collection_format == "multi" else [v for r in raw for v in r.split(",")]
        return [_coerce(v, items) for v in values if v != ""]
    return _coerce(raw[-1], param.schema)


def _reject(problem: str, *, op: Operation, error: type[SpApiError] = InvalidInput) -> SpApiError:
    if error is not InvalidInput and not op.declares(error.status):
        error = InvalidInput
    return error(problem, problem)


class RequestBinder:
    """Validates and coerces every part of a request against its operation's parameters and body."""

    def __init__(self) -> None:
        self._validators = ValidatorCache()

    def bind(self, op: Operation, path_params: dict[str, str], query_string: bytes,
             headers: dict[str, str], body: bytes, body_too_large: bool) -> tuple[dict[str, Any], Any]:
        """(params, body) for the handler, or raise an SpApiError naming what is wrong."""
        query: dict[str, list[str]] = {}
        for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
            query.setdefault(key, []).append(value)
        params: dict[str, Any] = {}
        for param in op.parameters:
            if param.location == "path":
                raw = [path_params.get(param.name, "")]
            elif param.location == "query":
                raw = query.get(param.name, [])
            else:
                value = headers.get(param.name.lower())
                raw = [] if value is None else [value]
            label = f"{_LOCATION_NAMES[param.location]} parameter '{param.name}'"
            if not raw or raw == [""]:
                if param.required:
                    raise _reject(f"{label} is required.", op=op)
                continue
            value = _param_value(param, raw)
            validator = self._validators.get((op.operation_id, param.name), param.schema, op.definitions)
            for error in validator.iter_errors(value):
                raise _reject(f"{label} is invalid: {describe(error)}", op=op)
            params[param.name] = value
        return params, self._body(op, headers, body, body_too_large)

    def _body(self, op: Operation, headers: dict[str, str], body: bytes, too_large: bool) -> Any:
        spec = op.body
        if spec is None:
            return None
        if too_large:
            raise _reject("The request body exceeds the maximum accepted size.", op=op, error=PayloadTooLarge)
        if not body.strip():
            if spec.required:
                raise _reject("The request body is required.", op=op)
            return None
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            shown = content_type or "none"
            raise _reject(f"Content-Type must be application/json (got {shown}).", op=op,
                          error=UnsupportedMediaType)
        try:
            document = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise _reject(f"The request body is not valid JSON: {exc}.", op=op) from None
        validator = self._validators.get((op.operation_id, "body"), spec.schema, op.definitions)
        problems = [describe(e) for _, e in zip(range(_MAX_REPORTED), validator.iter_errors(document))]
        if problems:
            raise InvalidInput(f"Request body is invalid: {problems[0]}", "; ".join(problems))
        return document


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
        return [describe(e) for _, e in zip(range(_MAX_REPORTED), validator.iter_errors(body))]
