"""Contract: stateful sequences across operations, driven by the project's links."""

import pytest

from contracts.runner import run_workflow
from contracts.target import Target
from contracts.workflows import WORKFLOWS, Workflow


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name.split(":")[0] for w in WORKFLOWS])
def test_workflow_holds(workflow: Workflow, contract: Target) -> None:
    run_workflow(workflow, contract)
