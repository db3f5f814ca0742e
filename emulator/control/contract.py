"""Admin request bodies checked against specs/emulator-control.openapi.yaml, the control API's contract.

The document is read once per app (it ships inside the wheel as `emulator/specs/`). Schemas are
OpenAPI 3.0 objects, i.e. JSON Schema draft 4 plus
`nullable`, which request schemas do not use. A body whose shape depends on a path parameter (a config
record by its key) names, under `x-schema-per-parameter`, the parameter, the object schema holding one schema
per value, and the error code of a value it does not hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from emulator.catalog.manifest import specs_file
from emulator.edge.schemas import describe
from emulator.errors import ControlError, nearest

SPEC = specs_file("emulator-control.openapi.yaml")
_MAX_REPORTED = 3


class _PerParameter:
    """The body schemas of one endpoint keyed by a path parameter's value (`x-schema-per-parameter`)."""

    def __init__(self, keyed: dict[str, str], components: dict[str, Any]) -> None:
        self.parameter, self.unknown = keyed["parameter"], keyed["unknown"]
        holder = _resolve({"$ref": keyed["schemas"]}, components)["properties"]
        self.fields = {
            name: tuple(_resolve(s, components).get("properties", {})) for name, s in holder.items()
        }
        self.validators = {name: _compile(s, components) for name, s in holder.items()}

    def check(self, value: str, body: Any) -> None:
        validator = self.validators.get(value)
        if validator is None:
            known = sorted(self.validators)
            raise ControlError(
                400, self.unknown, f"{self.parameter} {value!r} is not one of {known}{nearest(value, known)}"
            )
        if isinstance(body, dict):
            names = self.fields[value]
            for name in body:
                if name not in names:
                    hint = nearest(str(name), names)
                    raise ControlError(
                        400,
                        "InvalidBody",
                        f"{value} has no field {name!r}{hint}; its fields are {list(names)}",
                    )
        _report(validator, body)


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """`schema`, or the component schema its `$ref` names."""
    ref = schema.get("$ref", "")
    return dict(components["schemas"][ref.rsplit("/", 1)[1]]) if ref else schema


def _compile(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    return jsonschema_rs.Draft4Validator({"allOf": [schema], "components": components})


def _report(validator: Any, body: Any) -> None:
    problems = [describe(e) for _, e in zip(range(_MAX_REPORTED), validator.iter_errors(body), strict=False)]
    if problems:
        raise ControlError(
            400, "InvalidBody", "the body does not match the control API document: " + "; ".join(problems)
        )


class BodySchemas:
    """(path, method) -> a compiled validator of that endpoint's JSON request body."""

    def __init__(self, spec: Path = SPEC) -> None:
        self._validators: dict[tuple[str, str], Any] = {}
        self._per_parameter: dict[tuple[str, str], _PerParameter] = {}
        document = yaml.load(spec.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        components = document.get("components", {})
        for path, item in document.get("paths", {}).items():
            for method, operation in item.items():
                content = (
                    (operation.get("requestBody") or {}).get("content", {})
                    if isinstance(operation, dict)
                    else {}
                )
                media = content.get("application/json") or {}
                if media.get("schema") is not None:
                    self._validators[(path, method.upper())] = _compile(media["schema"], components)
                keyed = media.get("x-schema-per-parameter")
                if keyed:
                    self._per_parameter[(path, method.upper())] = _PerParameter(keyed, components)

    def check(self, path: str, method: str, body: Any, params: dict[str, str] | None = None) -> None:
        """Raise ControlError(400) naming what is wrong when `body` breaks the documented schema (for a
        body keyed by a path parameter, `params` holds its value)."""
        validator = self._validators.get((path, method))
        if validator is not None:
            _report(validator, body)
        keyed = self._per_parameter.get((path, method))
        if keyed is not None:
            keyed.check((params or {}).get(keyed.parameter, ""), body)
