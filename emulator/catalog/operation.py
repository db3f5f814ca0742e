"""One SP-API operation as the models describe it: the unit everything else is keyed by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class UsagePlan:
    """Default token-bucket plan of an operation: `rate` requests/s refilling a bucket of `burst`."""

    rate: float
    burst: int

    @property
    def header_value(self) -> str:
        """The `x-amzn-RateLimit-Limit` value, as Amazon prints it (e.g. `2.0`, `0.0167`)."""
        return repr(float(self.rate))


@dataclass(frozen=True)
class Parameter:
    """A path, query or header parameter with its JSON Schema."""

    name: str
    location: str
    required: bool
    schema: JsonObject
    collection_format: str | None = None


@dataclass(frozen=True)
class ResponseSpec:
    """A declared response: body schema (None when the status has no body) and header names."""

    status: int
    schema: JsonObject | None
    headers: frozenset[str]


@dataclass(frozen=True)
class StaticCase:
    """One `x-amzn-api-sandbox` static request/response pair."""

    status: int
    request: JsonObject
    response: Any


@dataclass(frozen=True, eq=False)
class Operation:
    """An operation of one model file, with everything the edge needs to serve it."""

    operation_id: str
    model: str
    api: str
    version: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body: Parameter | None
    responses: dict[int, ResponseSpec]
    success_status: int
    usage_plan: UsagePlan | None
    grantless: bool
    sandbox_only: bool
    static_cases: tuple[StaticCase, ...]
    consumes: tuple[str, ...]
    definitions: JsonObject = field(repr=False)

    def declares(self, status: int) -> bool:
        return status in self.responses

    def params_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)
