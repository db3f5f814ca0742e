"""Build the operation catalog from the pinned, verified model directory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from emulator.catalog.manifest import Manifest, load_manifest, resolve_models_dir
from emulator.catalog.operation import Operation, Parameter, ResponseSpec, StaticCase
from emulator.catalog.usage_plans import parse_usage_plan
from emulator.errors import CatalogError

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
_PARAM_META = {"name", "in", "description", "required", "collectionFormat"}
_GRANTLESS = re.compile(r"\bgrantless\b", re.IGNORECASE)


@dataclass(frozen=True)
class Catalog:
    """Every in-scope operation, by operationId, plus where the models came from."""

    operations: dict[str, Operation]
    models_dir: Path
    manifest: Manifest

    def __iter__(self) -> Iterator[Operation]:
        return iter(self.operations.values())

    def __len__(self) -> int:
        return len(self.operations)

    def __getitem__(self, operation_id: str) -> Operation:
        return self.operations[operation_id]

    def __contains__(self, operation_id: object) -> bool:
        return operation_id in self.operations

    def models(self) -> list[str]:
        return sorted({op.model for op in self})


def load_catalog(
    models_dir: str | Path | None = None, manifest: Manifest | None = None, flag: str = "--models"
) -> Catalog:
    """Verify the model directory against the manifest and index every in-scope operation (`flag`: the
    option `models_dir` was given with, for the message when it is unusable)."""
    manifest = manifest or load_manifest()
    directory = resolve_models_dir(models_dir, manifest, flag)
    operations: dict[str, Operation] = {}
    for pinned in manifest.models:
        for op in operations_of(directory / pinned.path):
            if op.operation_id in operations:
                raise CatalogError(f"operationId {op.operation_id} is declared twice ({op.model})")
            operations[op.operation_id] = op
    return Catalog(operations, directory, manifest)


def operations_of(model_file: Path) -> Iterator[Operation]:
    """Every operation of one Swagger 2.0 model file."""
    doc = orjson.loads(model_file.read_bytes())
    model = model_file.stem
    api = model_file.parent.name.removesuffix("-api-model")
    version = str(doc["info"]["version"])
    definitions = doc.get("definitions", {})
    consumes = tuple(doc.get("consumes", ["application/json"]))
    for path, item in doc["paths"].items():
        shared_params = item.get("parameters", [])
        for method in HTTP_METHODS:
            raw = item.get(method)
            if raw is None:
                continue
            try:
                yield _operation(
                    raw,
                    model,
                    api,
                    version,
                    method,
                    path,
                    shared_params,
                    definitions,
                    consumes,
                    sandbox_only=bool(item.get("x-amzn-api-sandbox-only")),
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise CatalogError(f"{model}: {method.upper()} {path}: {exc!r}") from exc


def _operation(
    raw: dict[str, Any],
    model: str,
    api: str,
    version: str,
    method: str,
    path: str,
    shared_params: list[dict[str, Any]],
    definitions: dict[str, Any],
    consumes: tuple[str, ...],
    *,
    sandbox_only: bool,
) -> Operation:
    declared = {p["name"]: p for p in shared_params} | {p["name"]: p for p in raw.get("parameters", [])}
    body = None
    params = []
    for p in declared.values():
        if p["in"] == "body":
            body = Parameter(p["name"], "body", bool(p.get("required")), p.get("schema", {}))
        else:
            schema = {k: v for k, v in p.items() if k not in _PARAM_META and not k.startswith("x-")}
            params.append(
                Parameter(
                    p["name"],
                    p["in"],
                    bool(p.get("required")) or p["in"] == "path",
                    schema,
                    p.get("collectionFormat"),
                )
            )
    responses = {}
    cases = []
    for code, spec in raw["responses"].items():
        if not code.isdigit():
            continue
        status = int(code)
        responses[status] = ResponseSpec(status, spec.get("schema"), frozenset(spec.get("headers", {})))
        for case in spec.get("x-amzn-api-sandbox", {}).get("static", []):
            cases.append(StaticCase(status, case.get("request", {}), case.get("response")))
    successes = sorted(s for s in responses if 200 <= s < 300)
    description = raw.get("description", "")
    return Operation(
        operation_id=raw["operationId"],
        model=model,
        api=api,
        version=version,
        method=method.upper(),
        path=path,
        parameters=tuple(params),
        body=body,
        responses=responses,
        success_status=successes[0] if successes else 200,
        usage_plan=parse_usage_plan(description),
        grantless=bool(_GRANTLESS.search(description)),
        sandbox_only=sandbox_only or bool(raw.get("x-amzn-api-sandbox-only")),
        static_cases=tuple(cases),
        consumes=tuple(raw.get("consumes", consumes)),
        definitions=definitions,
    )
