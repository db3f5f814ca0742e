"""Compiled JSON Schema validators for the models' bodies and parameters, built once, on first use.

Swagger 2.0 schemas are JSON Schema draft 4 plus extensions the validator ignores. Object schemas
that list `properties` but say nothing about `additionalProperties` are closed, because SP-API rejects
undeclared body fields (reference §13 #13) and the emulator must never invent fields either; schemas
that take part in `allOf` stay open, since closing them would reject their siblings' properties.
"""

from __future__ import annotations

import copy
from typing import Any

import jsonschema_rs

Schema = dict[str, Any]


def _allof_members(definitions: Schema) -> set[str]:
    names: set[str] = set()

    def walk(node: Any, inside_allof: bool) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if inside_allof and isinstance(ref, str) and ref.startswith("#/definitions/"):
                names.add(ref.rsplit("/", 1)[1])
            for key, value in node.items():
                walk(value, inside_allof or key == "allOf")
        elif isinstance(node, list):
            for item in node:
                walk(item, inside_allof)

    walk(definitions, False)
    return names


def close(node: Any, keep_open: bool = False) -> Any:
    """`node` (a schema) with its object schemas closed; the direct members of an `allOf` (inline ones
    too) stay open, since each lists only part of the properties."""
    if isinstance(node, dict):
        closed = {
            k: [close(m, keep_open=True) for m in v] if k == "allOf" and isinstance(v, list) else close(v)
            for k, v in node.items()
        }
        closable = "properties" in closed and "additionalProperties" not in closed and "allOf" not in node
        if closable and not keep_open:
            closed["additionalProperties"] = False
        return closed
    if isinstance(node, list):
        return [close(item) for item in node]
    return node


def closed_definitions(definitions: Schema) -> Schema:
    """A copy of a model's definitions with every closable object schema closed."""
    keep_open = _allof_members(definitions)
    return {
        name: copy.deepcopy(schema) if name in keep_open else close(schema)
        for name, schema in definitions.items()
    }


class ValidatorCache:
    """Draft-4 validators keyed by the caller, compiled against one model's closed definitions."""

    def __init__(self) -> None:
        self._definitions: dict[int, Schema] = {}
        self._validators: dict[Any, Any] = {}

    def get(self, key: Any, schema: Schema, definitions: Schema) -> Any:
        found = self._validators.get(key)
        if found is None:
            closed = self._definitions.get(id(definitions))
            if closed is None:
                closed = self._definitions[id(definitions)] = closed_definitions(definitions)
            document = {"definitions": closed, "allOf": [close(schema)]}
            found = self._validators[key] = jsonschema_rs.Draft4Validator(document, validate_formats=True)
        return found


def describe(error: Any) -> str:
    """`items[0].quantity: 1.5 is not of type "integer"` from a validator error."""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.instance_path).lstrip(".")
    return f"{where}: {error.message}" if where else error.message
