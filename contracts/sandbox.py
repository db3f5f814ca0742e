"""Parity with Amazon's static sandbox: the models' `x-amzn-api-sandbox` request/response pairs.

Each canned request is sent as it stands. Against a remote target (Amazon's sandbox) the status must
be exactly the canned one. The emulator is dynamic and starts empty, so there parity means: a
canned rejection (4xx) is a rejection too, and a canned success is a success, or a 404 when the
request names a resource by path parameter (or SKUs, for the operations in `NAMES_SKUS`) that a fresh
emulator does not hold. Every answer
must also pass the suite's checks. Canned requests that omit a required path parameter cannot be
sent and are skipped, naming the parameter; except `sellerId`, which Amazon's canned Listings
requests never give (its sandbox answers any seller): the target's own seller stands in for it.
A canned success whose required body has no value is skipped too: the body is what succeeds, so
sending none cannot reproduce it (canned rejections are still sent without it). So is a canned success
the emulator's request validation refuses against the model (`breaks_model`). `DIVERGENCES` lists
reviewed cases the emulator answers otherwise on purpose, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from contracts.checks import CHECKS
from contracts.schemas import contract_catalog, contract_schema
from contracts.target import Target
from emulator.catalog import Operation

_KEYWORDS = {"path": "path_parameters", "query": "query", "header": "headers"}
# Operations that name the seller's SKUs in the query or body instead of the path: a fresh emulator holds
# none of the canned SKUs, so a 404 is parity with their canned successes too.
NAMES_SKUS = frozenset(
    {
        "listItemComplianceDetails",
        "updateItemComplianceDetails",
        "listPrepDetails",
        "setPrepDetails",
        "createMarketplaceItemLabels",
    }
)
# Canned answers the emulator deliberately differs from, each with the reason (the case is skipped).
DIVERGENCES = {
    ("getPrepInstructions", 1): "the model lists unknown ASINs under InvalidASINList in a 200; the canned "
    "case answers 400 for 'BADASIN', which is no more malformed than case 0's 'ASIN1'",
}


def case_inputs(
    op: Operation, request: dict[str, Any], seller_id: str | None = None, status: int = 400
) -> dict[str, Any]:
    """schemathesis `Case` keyword arguments for one canned request (answered `status`); ValueError
    when it cannot be sent. `seller_id` fills a missing `sellerId` path parameter."""
    given = request.get("parameters") or {}
    inputs: dict[str, Any] = {keyword: {} for keyword in _KEYWORDS.values()}
    for param in op.parameters:
        if param.name in given:
            inputs[_KEYWORDS[param.location]][param.name] = given[param.name].get("value")
        elif param.location == "path" and param.name == "sellerId" and seller_id:
            inputs["path_parameters"]["sellerId"] = seller_id
        elif param.location == "path":
            raise ValueError(f"the canned request gives no path parameter {param.name!r}")
    if op.body is not None and "value" in (given.get(op.body.name) or {}):
        inputs["body"] = given[op.body.name]["value"]
    elif op.body is not None and op.body.required and 200 <= status < 300:
        raise ValueError("the canned success gives no value for the required body")
    return inputs


# How the emulator's request validation words a value that breaks the model (edge/validation.py).
_BODY_REFUSAL, _PARAMETER_REFUSAL = (
    "Request body is invalid:",
    re.compile(r"^\w+ parameter '[^']+' is invalid: "),
)


def breaks_model(response: Any) -> bool:
    """Whether the emulator refused the request itself against the model (a canned success can do that:
    some send a value outside their own enum, or a date-time without seconds)."""
    if response.status_code != 400:
        return False
    errors = response.json().get("errors") or [{}]
    message = str(errors[0].get("message", ""))
    return message.startswith(_BODY_REFUSAL) or _PARAMETER_REFUSAL.match(message) is not None


def agrees(canned: int, actual: int, op: Operation, exact: bool) -> bool:
    """Whether `actual` is in parity with the canned status (see module docstring)."""
    if exact or 400 <= canned < 500:
        return actual == canned if exact else 400 <= actual < 500
    names_resource = op.operation_id in NAMES_SKUS or any(p.location == "path" for p in op.parameters)
    return 200 <= actual < 300 or (actual == 404 and names_resource)


def sandbox_cases_test(model: str) -> Callable[..., None]:
    """A test parametrized over every static sandbox case of `model`."""
    ops = [op for op in contract_catalog() if op.model == model]
    cases = [(op.operation_id, index) for op in ops for index in range(len(op.static_cases))]
    schema = contract_schema(model)

    @pytest.mark.parametrize(("operation_id", "index"), cases, ids=[f"{o}#{i}" for o, i in cases])
    def test_sandbox_case_parity(operation_id: str, index: int, contract: Target) -> None:
        op = contract.catalog[operation_id]
        reason = contract.missing_behaviour(op)
        if reason:
            pytest.skip(reason)
        canned = op.static_cases[index]
        if (operation_id, index) in DIVERGENCES:
            pytest.skip(DIVERGENCES[operation_id, index])
        try:
            inputs = case_inputs(op, canned.request, contract.credentials.seller_id, canned.status)
        except ValueError as error:
            pytest.skip(f"{operation_id} static case {index}: {error}")
        case = schema.find_operation_by_id(operation_id).Case(**inputs)
        response = case.call(headers=contract.headers(op), **contract.call_kwargs())
        case.validate_response(response, checks=CHECKS)
        if not contract.exact_sandbox_parity and 200 <= canned.status < 300 and breaks_model(response):
            pytest.skip(f"{operation_id} static case {index}: the canned request breaks its own model")
        assert agrees(canned.status, response.status_code, op, contract.exact_sandbox_parity), (
            f"{operation_id} static case {index}: Amazon's sandbox answers {canned.status}, "
            f"the target {response.status_code}: {response.text}"
        )

    return test_sandbox_case_parity
