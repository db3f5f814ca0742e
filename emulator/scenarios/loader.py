"""Reading `*.scenario.yaml` files: YAML with line marks, checked against scenarios/scenario.schema.json.

A bad file raises `ScenarioError` naming the file, the line and the field, e.g.
`happy.scenario.yaml:14: steps[2].expect.status: 'OK' is not valid under any of the given schemas`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from emulator.control.files import fault_rules, read_document
from emulator.errors import EmulatorError
from emulator.scenarios.model import (
    AdvanceStep,
    CallStep,
    Expectation,
    FaultsStep,
    RateLimitsStep,
    Scenario,
    Step,
)

SUFFIX = ".scenario.yaml"
DEFAULT_START = "2026-01-05T09:00:00Z"
STEP_KINDS = ("call", "advance", "faults", "rateLimits")  # in the order of the schema's $defs/step
Pointer = tuple[str | int, ...]


class ScenarioError(EmulatorError):
    """A scenario file that cannot be used; the message names file, line and field."""


def library_file(name: str) -> Path:
    """A file of the project's `scenarios/` folder: `emulator/scenario_library/` when installed."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "scenario_library" / name
    return installed if installed.is_file() else package.parent / "scenarios" / name


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(library_file("scenario.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Scenario files named by `paths`: files as given, folders searched for `*.scenario.yaml`."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.rglob("*" + SUFFIX))
        elif path.is_file():
            found.append(path)
        else:
            raise ScenarioError(f"{path}: no such file or folder")
    return found


def _marks(node: yaml.Node, at: Pointer = ()) -> Iterator[tuple[Pointer, int]]:
    """(JSON pointer, 1-based line) of every node under `node`."""
    yield at, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield at + (str(key.value),), key.start_mark.line + 1
            yield from _marks(value, at + (str(key.value),))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _marks(item, at + (index,))


def _field(at: Pointer) -> str:
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at).lstrip(".")
    return text or "(top level)"


class _Source:
    """One file's text, data and line marks, for errors that point into it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data = yaml.safe_load(text)
        except OSError as error:
            raise ScenarioError(f"{path}: cannot read it ({error.strerror})") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise ScenarioError(
                f"{path}{line}: not valid YAML ({getattr(error, 'problem', error)})"
            ) from None
        self.lines = dict(_marks(node)) if node is not None else {}

    def error(self, at: Pointer, message: str) -> ScenarioError:
        while at not in self.lines and at:
            at = at[:-1]
        return ScenarioError(f"{self.path}:{self.lines.get(at, 1)}: {_field(at)}: {message}")


def load(path: Path) -> Scenario:
    """Read and check one scenario file (and the world and faults files it names)."""
    source = _Source(path)
    errors = list(_validator().iter_errors(source.data))
    if errors:
        raise _first(source, errors)
    doc: dict[str, Any] = source.data
    try:
        start = datetime.fromisoformat(str(doc.get("start", DEFAULT_START)).replace("Z", "+00:00"))
    except ValueError:
        raise source.error(("start",), "not an ISO-8601 date-time, e.g. 2026-01-05T09:00:00Z") from None
    return Scenario(
        name=doc["name"],
        description=doc["description"],
        path=path,
        seed=doc.get("seed", 1),
        start=start if start.tzinfo else start.replace(tzinfo=UTC),
        speed=float(doc.get("speed", 0)),
        world=_included(source, ("world",), doc.get("world") or {}),
        faults=tuple(_rules(source, doc.get("faults") or [])),
        rate_limits=rate_limit_settings(doc.get("rateLimits", {})),
        steps=tuple(_step(source, index, raw) for index, raw in enumerate(doc["steps"])),
    )


def _first(source: _Source, errors: Iterable[ValidationError]) -> ScenarioError:
    """The most telling error; for a step that fits no step kind, the best error of the kind it names."""
    error = best_match(errors)
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        kind = next((n for n, key in enumerate(STEP_KINDS) if key in error.instance), None)
        meant = [e for e in error.context or () if e.relative_schema_path[0] == kind]
        if meant:
            error = best_match(meant)
    return source.error(tuple(error.absolute_path), error.message)


def _included(source: _Source, at: Pointer, value: Any) -> Any:
    """A section given inline, or as a path (relative to the scenario file) to a JSON or YAML file."""
    if not isinstance(value, str):
        return value
    target = source.path.parent / value
    try:
        return read_document(target)
    except (OSError, ValueError) as error:
        raise source.error(at, f"cannot read {target}: {error}") from None


def _rules(source: _Source, value: Any, at: Pointer = ("faults",)) -> list[Any]:
    try:
        return fault_rules(_included(source, at, value))
    except ValueError as error:
        raise source.error(at, str(error)) from None


def rate_limit_settings(value: Any) -> dict[str, Any]:
    """The control API's rate-limit body for a scenario's `rateLimits` (a bare mode or the settings)."""
    return {"mode": value} if isinstance(value, str) else dict(value)


def _step(source: _Source, index: int, raw: dict[str, Any]) -> Step:
    label = str(raw.get("name") or "")
    if "advance" in raw:
        return AdvanceStep(raw["advance"], label or f"advance {raw['advance']}")
    if "faults" in raw:
        rules = _rules(source, raw["faults"], ("steps", index, "faults"))
        return FaultsStep(tuple(rules), label or f"faults: {len(rules)} rule(s)")
    if "rateLimits" in raw:
        return RateLimitsStep(rate_limit_settings(raw["rateLimits"]), label or "rate limits")
    expect = raw.get("expect") or {}
    status = expect.get("status", ())
    return CallStep(
        operation_id=raw["call"],
        label=label or raw["call"],
        params=dict(raw.get("params") or {}),
        body=raw.get("body"),
        refresh_token=raw.get("refreshToken"),
        renew_token=raw.get("renewToken", True),
        expect=Expectation(
            (status,) if isinstance(status, int) else tuple(status),
            tuple((expect.get("body") or {}).items()),
        ),
        capture=tuple((raw.get("capture") or {}).items()),
    )
