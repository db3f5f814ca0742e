"""Test factories shared by every `test_<api>.py`: one line per model there, the logic here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contracts.checks import CHECKS
from contracts.target import Target
from emulator.catalog import Operation


def operation_of(case: Any, target: Target) -> Operation:
    """The catalog operation a schemathesis case belongs to."""
    return target.catalog[case.operation.definition.raw["operationId"]]


def conformance_test(schema: OpenApiSchema) -> Callable[..., None]:
    """Per operation: generated valid and invalid requests; every answer must satisfy `CHECKS`.

    Operations the target has no behaviour for are skipped with the reason, not failed.
    """

    @schema.parametrize()
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # reset once per operation
    def test_operation_conforms(case: Any, contract: Target) -> None:
        op = operation_of(case, contract)
        reason = contract.missing_behaviour(op)
        if reason:
            pytest.skip(reason)
        case.call_and_validate(headers=contract.headers(op), checks=CHECKS, **contract.call_kwargs())

    return test_operation_conforms
