"""Every operation the emulator serves reaches a 2xx from generated cases pointed into a seeded world.

The per-operation conformance tests generate ids and SKUs that never exist, so they mostly check error
bodies. Here each operation gets a freshly seeded world (`world.py`) and Hypothesis draws generated
cases, with the world's SKUs, orders, packages, listings and destinations laid over them, until one
answers 2xx; every answer on the way goes through the suite's checks. An operation none of whose cases
succeeds fails the suite.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from contracts.checks import SUCCESS_CHECKS
from contracts.schemas import contract_catalog, contract_schema, model_files
from contracts.target import EmulatorTarget, Target
from contracts.world import OVERLAYS, seed
from emulator.lwa.accounts import DEFAULTS

SEARCH = settings(
    max_examples=25,
    phases=[Phase.generate],
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def served_operations() -> list[str]:
    """Operation ids of the contract models that have a world overlay (checked against the registry)."""
    models = set(model_files())
    return sorted(
        op.operation_id for op in contract_catalog() if op.model in models and op.operation_id in OVERLAYS
    )


def test_every_served_operation_has_a_world_overlay(contract: Target) -> None:
    if not isinstance(contract, EmulatorTarget):
        pytest.skip("the seeded world is built on the in-process emulator")
    models = set(model_files())
    served = {
        op.operation_id
        for op in contract.catalog
        if op.model in models and not contract.missing_behaviour(op) and not contract.canned(op)
    }
    assert served - set(OVERLAYS) == set()


@pytest.mark.parametrize("operation_id", served_operations())
def test_generated_cases_reach_success(operation_id: str, contract: Target) -> None:
    if not isinstance(contract, EmulatorTarget):
        pytest.skip("the seeded world is built on the in-process emulator")
    op = contract.catalog[operation_id]
    reason = contract.missing_behaviour(op)
    if reason:
        pytest.skip(reason)
    if contract.canned(op):
        pytest.skip(f"{operation_id} answers from documented static cases on this target")
    world = seed(contract, DEFAULTS.seller_id)
    generated = contract_schema(op.model).find_operation_by_id(operation_id).as_strategy()
    cases = st.tuples(generated, world.overlay(operation_id)).map(lambda pair: pair[1].apply(pair[0]))
    answers: list[int] = []

    @SEARCH
    @given(cases)
    def search(case: Any) -> None:
        if any(200 <= status < 300 for status in answers):
            return  # found: the remaining draws call nothing
        response = case.call(
            headers={**(case.headers or {}), **contract.headers(op)}, **contract.call_kwargs()
        )
        case.validate_response(response, checks=SUCCESS_CHECKS)
        answers.append(response.status_code)

    search()
    if not any(200 <= status < 300 for status in answers):
        pytest.fail(f"{operation_id}: no generated case reached a 2xx (answers: {sorted(set(answers))})")
