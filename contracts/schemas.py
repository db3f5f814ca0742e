"""Schemathesis schemas of the in-scope models: read from the verified model directory, never copied,
with the project's own links (`links.py`) injected in memory, and bounded example counts.

Object schemas are closed the way the emulator closes them (`edge/schemas.py`): SP-API rejects
undeclared body fields (reference §13 #13), so a request carrying one is invalid data, generated in
the negative phase and expected to be rejected, never valid data expected to be accepted.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import schemathesis
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contracts.links import links_by_source
from emulator.catalog import Catalog, load_catalog
from emulator.catalog.manifest import load_manifest, resolve_models_dir
from emulator.edge.schemas import close, closed_definitions


@dataclass
class RunOptions:
    """Budget of one contract run; `conftest.py` fills it from the command line before collection."""

    max_examples: int = 10
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing")
    models_dir: str | None = None


OPTIONS = RunOptions()


@cache
def model_files() -> dict[str, Path]:
    """In-scope model name (file stem) -> file, from the pinned and verified model directory."""
    manifest = load_manifest()
    directory = resolve_models_dir(OPTIONS.models_dir, manifest)
    return {Path(pinned.path).stem: directory / pinned.path for pinned in manifest.models}


@cache
def contract_catalog() -> Catalog:
    """The operation catalog of the same verified models (for the static sandbox cases)."""
    return load_catalog(OPTIONS.models_dir)


def raw_model(model: str) -> dict[str, Any]:
    """The model document, its object schemas closed, with the project's links added as `x-links` on
    the source responses."""
    document = orjson.loads(model_files()[model].read_bytes())
    linked: dict[str, Any] = copy.deepcopy(document)
    linked["definitions"] = closed_definitions(document.get("definitions", {}))
    operations = {
        op["operationId"]: op
        for item in linked["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    for op in operations.values():
        for part in [*op.get("parameters", []), *op.get("responses", {}).values()]:
            if "schema" in part:
                part["schema"] = close(part["schema"])
    for (source, status), links in links_by_source(model).items():
        response = operations[source]["responses"][str(status)]
        response["x-links"] = {link.name: link.as_openapi() for link in links}
    return linked


@cache
def contract_schema(model: str) -> OpenApiSchema:
    """The schemathesis schema of one model with this run's generation budget (one per model and run)."""
    schema = schemathesis.openapi.from_dict(raw_model(model))
    schema.config.generation.update(max_examples=OPTIONS.max_examples)
    schema.config.phases.update(phases=list(OPTIONS.phases))
    return schema


@cache
def stateful_schema(model: str) -> OpenApiSchema:
    """The schema of one model for schemathesis' link-driven state machine (stateful phase only)."""
    schema = schemathesis.openapi.from_dict(raw_model(model))
    schema.config.generation.update(max_examples=OPTIONS.max_examples)
    schema.config.phases.update(phases=["stateful"])
    return schema
