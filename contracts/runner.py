"""Runs a `workflows.Workflow` against a target, following the project's links between steps."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

import orjson
import pytest

from contracts.checks import CHECKS
from contracts.links import find_link
from contracts.schemas import contract_schema
from contracts.target import QUOTA_EXCEEDED, Target
from contracts.workflows import Step, Workflow
from emulator.catalog import Operation

_LOCATIONS = {"path": "path", "query": "query", "header": "headers"}
_THROTTLE_RETRIES, _THROTTLE_WAIT = 10, 0.5  # the sandbox refills 5 requests/s: 5 s of waiting at most


@dataclass
class Exchange:
    """What one step sent and got back, for the links of later steps."""

    operation_id: str
    path: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    body: Any
    status: int
    response: Any


def pointer(document: Any, path: str) -> Any:
    """The value at JSON pointer `path` in `document` (KeyError/IndexError when absent)."""
    for raw in path.split("/")[1:] if path else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def evaluate(expression: str, source: Exchange) -> Any:
    """An OpenAPI runtime expression against one earlier exchange."""
    where, _, ptr = expression.partition("#")
    if where == "$request.body":
        return pointer(source.body, ptr)
    if where == "$response.body":
        return pointer(source.response, ptr)
    for location in ("path", "query", "header"):
        prefix = f"$request.{location}."
        if where.startswith(prefix):
            return getattr(source, _LOCATIONS[location])[where.removeprefix(prefix)]
    raise ValueError(f"unsupported runtime expression {expression!r}")


def fill(value: Any, run: str) -> Any:
    """`value` with `{run}` replaced by `run` in every string inside it."""
    if isinstance(value, str):
        return value.replace("{run}", run)
    if isinstance(value, dict):
        return {k: fill(v, run) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, run) for v in value]
    return value


def _inputs(step: Step, done: list[Exchange], run: str) -> dict[str, dict[str, Any]]:
    inputs = {
        "path": fill(step.path, run),
        "query": fill(step.query, run),
        "headers": fill(step.headers, run),
    }
    if step.via is None:
        return inputs
    source = done[step.via]
    link = find_link(source.operation_id, source.status, step.operation_id)
    if link is None:
        raise AssertionError(
            f"no project link {source.operation_id} --{source.status}--> {step.operation_id}"
        )
    for name, expression in link.parameters.items():
        location, _, parameter = name.partition(".")
        inputs[_LOCATIONS[location]][parameter] = evaluate(expression, source)
    return inputs


def call_paced(case: Any, target: Target, op: Operation) -> Any:
    """`case` sent to the target; on a throttled target a 429 is waited out, as a sandbox client does."""
    for _ in range(_THROTTLE_RETRIES):
        response = case.call(headers=target.headers(op), **target.call_kwargs())
        if not (target.throttled and response.status_code == QUOTA_EXCEEDED):
            break
        time.sleep(_THROTTLE_WAIT)
    return response


def run_workflow(workflow: Workflow, target: Target) -> list[Exchange]:
    """Every step in order; skips (naming the operation) when the target lacks one of them."""
    operations = [target.catalog[step.operation_id] for step in workflow.steps]
    for op in operations:
        reason = target.missing_behaviour(op)
        if reason:
            pytest.skip(f"{workflow.name}: {reason}")
        if target.canned(op):
            pytest.skip(f"{workflow.name}: {op.operation_id} answers from documented static cases here")
    done: list[Exchange] = []
    run = f"-{secrets.token_hex(3)}"
    for index, (step, op) in enumerate(zip(workflow.steps, operations, strict=True)):
        inputs = _inputs(step, done, run)
        body = fill(step.body, run)
        kwargs: dict[str, Any] = {
            "path_parameters": inputs["path"],
            "query": inputs["query"],
            "headers": inputs["headers"],
        }
        if body is not None:
            kwargs["body"] = body
        case = contract_schema(op.model).find_operation_by_id(op.operation_id).Case(**kwargs)
        response = call_paced(case, target, op)
        case.validate_response(response, checks=CHECKS)
        label = f"step {index} {op.operation_id}"
        expected = [step.status] if step.status else [s for s in op.responses if 200 <= s < 300]
        assert response.status_code in expected, f"{label}: {response.status_code} {response.text}"
        document = orjson.loads(response.content) if response.content else None
        for path, value in fill(step.expect, run).items():
            assert pointer(document, path) == value, (
                f"{label}: {path} is {pointer(document, path)!r}, not {value!r}"
            )
        done.append(
            Exchange(
                op.operation_id,
                inputs["path"],
                inputs["query"],
                inputs["headers"],
                body,
                response.status_code,
                document,
            )
        )
    return done
