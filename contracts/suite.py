"""Test factories shared by every `test_<api>.py`: one line per model there, the logic here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.errors import NoLinksFound
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contracts.schemas import OPTIONS, stateful_schema
from contracts.target import Target
from contracts.volume import Meter
from emulator.catalog import Operation

STEPS_PER_RUN = 10
#: Stateful sequences per example of the run: the state machine is where volume comes from, since
#: hypothesis stops drawing single requests once an operation's input space looks exhausted.
SEQUENCES_PER_EXAMPLE = 10


def operation_of(case: Any, target: Target) -> Operation:
    """The catalog operation a schemathesis case belongs to."""
    return target.catalog[case.operation.definition.raw["operationId"]]


def conformance_test(schema: OpenApiSchema) -> Callable[..., None]:
    """Per operation: generated valid and invalid requests; every answer goes through the `meter`.

    Operations the target has no behaviour for are skipped with the reason, not failed.
    """

    @schema.parametrize()
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # reset once per operation
    def test_operation_conforms(case: Any, contract: Target, meter: Meter) -> None:
        op = operation_of(case, contract)
        reason = contract.missing_behaviour(op)
        if reason:
            pytest.skip(reason)
        transport = contract.call_kwargs()
        response = case.call(headers=contract.headers(op), **transport)
        checks = contract.checks(op, response.status_code)
        meter.validate(op.model, case, response, checks, transport_kwargs=transport)

    parametrized: Callable[..., None] = test_operation_conforms  # schemathesis' decorator is untyped
    return parametrized


def stateful_test(model: str) -> Callable[..., None]:
    """Schemathesis' state machine over the project's links, restricted to operations the target serves
    from their model (canned static answers follow no link): random sequences where each step may feed
    the next through a link; every answer goes through the `meter`."""

    def test_links_hold_in_random_sequences(contract: Target, meter: Meter) -> None:
        served = [
            op.operation_id
            for op in contract.catalog
            if op.model == model and not contract.missing_behaviour(op) and not contract.canned(op)
        ]
        if not served:
            pytest.skip(f"the target serves no operation of {model}")
        try:
            machine = stateful_schema(model).include(operation_id=served).as_state_machine()

            class OnTarget(machine):  # type: ignore[misc, valid-type]
                def setup(self) -> None:
                    # each sequence starts from a clean world, so the rules it can take never depend on
                    # what an earlier sequence left behind (hypothesis refuses such flaky preconditions)
                    contract.reset()

                def get_call_kwargs(self, case: Any) -> dict[str, Any]:
                    return {
                        "headers": contract.headers(operation_of(case, contract)),
                        **contract.call_kwargs(),
                    }

                def validate_response(
                    self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
                ) -> None:
                    checks = contract.checks(operation_of(case, contract), response.status_code)
                    meter.validate(
                        model, case, response, checks, transport_kwargs=kwargs, recorder=self.recorder
                    )

            run_state_machine_as_test(
                OnTarget,
                settings=settings(
                    max_examples=OPTIONS.max_examples * SEQUENCES_PER_EXAMPLE,
                    stateful_step_count=STEPS_PER_RUN,
                    deadline=None,
                    suppress_health_check=list(HealthCheck),
                ),
            )
        except NoLinksFound:
            pytest.skip(f"no project link of {model} joins two operations the target serves")

    return test_links_hold_in_random_sequences
