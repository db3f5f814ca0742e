"""Admin request bodies checked against specs/emulator-control.openapi.yaml, the control API's contract.

The document is read once per app (it ships inside the wheel as `emulator/specs/`). Schemas are
OpenAPI 3.0 objects, i.e. JSON Schema draft 4 plus
`nullable`, which request schemas do not use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from emulator.catalog.manifest import specs_file
from emulator.edge.schemas import describe
from emulator.errors import ControlError

SPEC = specs_file("emulator-control.openapi.yaml")
_MAX_REPORTED = 3


class BodySchemas:
    """(path, method) -> a compiled validator of that endpoint's JSON request body."""

    def __init__(self, spec: Path = SPEC) -> None:
        self._validators: dict[tuple[str, str], Any] = {}
        document = yaml.load(spec.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        components = document.get("components", {})
        for path, item in document.get("paths", {}).items():
            for method, operation in item.items():
                content = (
                    (operation.get("requestBody") or {}).get("content", {})
                    if isinstance(operation, dict)
                    else {}
                )
                schema = (content.get("application/json") or {}).get("schema")
                if schema is not None:
                    root = {"allOf": [schema], "components": components}
                    self._validators[(path, method.upper())] = jsonschema_rs.Draft4Validator(root)

    def check(self, path: str, method: str, body: Any) -> None:
        """Raise ControlError(400) naming what is wrong when `body` breaks the documented schema."""
        validator = self._validators.get((path, method))
        if validator is None:
            return
        problems = [
            describe(e) for _, e in zip(range(_MAX_REPORTED), validator.iter_errors(body), strict=False)
        ]
        if problems:
            raise ControlError(
                400, "InvalidBody", "the body does not match the control API document: " + "; ".join(problems)
            )
