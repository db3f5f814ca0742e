"""Parity with Amazon's static sandbox: the models' `x-amzn-api-sandbox` request/response pairs.

Each canned request is sent as it stands (`emulator/catalog/sandbox.py` builds it). What parity means
follows the target's kind:

* A target that answers like Amazon's sandbox (`--sandbox-mode static`, Amazon's sandbox itself) must
  answer every case with exactly the documented status and body. A path parameter the case leaves out
  is filled with a stand-in (`emulator.parity.engine.STAND_INS`; the target's seller for `sellerId`).
  The documented body is the oracle here, not the schema: Amazon documents a few bodies its own models
  reject.
* A dynamic emulator starts empty, so there parity means: a canned rejection (4xx) is a rejection too,
  and a canned success is a success, or a 404 when the request names a resource by path parameter that
  a fresh emulator does not hold; every answer must pass the suite's checks. Canned requests that omit
  a required path parameter cannot be sent and are skipped, naming it, except `sellerId` (the target's
  own seller stands in). A canned success whose required body has no value is skipped too: the body is
  what succeeds, so sending none cannot reproduce it (canned rejections are still sent without it). So is a
  canned success the emulator's request validation refuses against the model (`breaks_model`). Operations
  that name the seller's SKUs in the query or body (`NAMES_SKUS`) may answer 404 as path-named resources do.
  `DIVERGENCES` lists reviewed cases a dynamic emulator answers otherwise on purpose, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from contracts.checks import CHECKS, request_id_present
from contracts.schemas import contract_catalog, contract_schema
from contracts.target import Target
from emulator.catalog import Operation
from emulator.catalog.operation import StaticCase
from emulator.catalog.sandbox import canned_request
from emulator.parity.engine import STAND_INS, difference

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
# Canned answers the dynamic emulator deliberately differs from, each with the reason (the case is skipped).
DIVERGENCES = {
    ("getPrepInstructions", 1): "the model lists unknown ASINs under InvalidASINList in a 200; the canned "
    "case answers 400 for 'BADASIN', which is no more malformed than case 0's 'ASIN1'",
}
# How the emulator's request validation words a value that breaks the model (edge/validation.py).
_BODY_REFUSAL, _PARAMETER_REFUSAL = (
    "Request body is invalid:",
    re.compile(r"^\w+ parameter '[^']+' is invalid: "),
)


def case_inputs(
    op: Operation,
    request: dict[str, Any],
    seller_id: str | None = None,
    status: int = 400,
    *,
    exact: bool = False,
) -> dict[str, Any]:
    """schemathesis `Case` keyword arguments for one canned request (answered `status`), on a target
    held to `exact` parity or not; ValueError when it cannot be sent."""
    sellers = {"sellerId": seller_id} if seller_id else {}
    stand_ins = {**STAND_INS, **sellers} if exact else sellers
    canned = canned_request(op, StaticCase(status, request, None), stand_ins)
    if not exact and op.body is not None and op.body.required and not canned.has_body and 200 <= status < 300:
        raise ValueError("the canned success gives no value for the required body")
    inputs: dict[str, Any] = {
        "path_parameters": canned.path,
        "query": canned.query,
        "headers": canned.headers,
    }
    if canned.has_body:
        inputs["body"] = canned.body
    return inputs


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
        exact = contract.exact_sandbox_parity
        if not exact and (operation_id, index) in DIVERGENCES:
            pytest.skip(DIVERGENCES[operation_id, index])
        seller = contract.credentials.seller_id
        try:
            inputs = case_inputs(op, canned.request, seller, canned.status, exact=exact)
        except ValueError as error:
            pytest.skip(f"{operation_id} static case {index}: {error}")
        case = schema.find_operation_by_id(operation_id).Case(**inputs)
        response = case.call(headers=contract.headers(op), **contract.call_kwargs())
        label = f"{operation_id} static case {index}"
        if exact:
            request_id_present(None, response, case)
            found = difference(canned.status, canned.response, response.status_code, response.content)
            assert found is None, f"{label} differs from Amazon's documented answer: {found}"
            return
        case.validate_response(response, checks=CHECKS)
        if 200 <= canned.status < 300 and breaks_model(response):
            pytest.skip(f"{label}: the canned request breaks its own model")
        assert agrees(canned.status, response.status_code, op, exact), (
            f"{label}: Amazon's sandbox answers {canned.status}, the target {response.status_code}: "
            f"{response.text}"
        )

    return test_sandbox_case_parity
