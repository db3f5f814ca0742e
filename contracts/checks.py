"""The check set of every contract run: all of schemathesis' checks, less two that contradict SP-API,
plus SP-API conventions schemathesis cannot know from the models.

    error_envelope_conformance  every 4xx/5xx with a body is `{"errors": [{"code", "message", ...}]}`
    request_id_present          every SP-API response carries `x-amzn-RequestId`
    rate_limit_header_valid     where present, `x-amzn-RateLimit-Limit` is a decimal rate

`positive_data_acceptance` runs: SP-API answers some schema-valid requests with business 400s (a
duplicate order id, an unknown marketplace); those are declared one by one in `allowances.py`, where
`volume.Meter` reads them. The SP-API checks are passed explicitly (`CHECKS`), not registered with
`@schemathesis.check`: a registration is global and would impose SP-API headers on every other
schemathesis run in the process.
"""

from __future__ import annotations

from typing import Any

import orjson
from schemathesis.checks import CHECKS as REGISTERED
from schemathesis.checks import load_all_checks
from schemathesis.specs.openapi.checks import content_type_conformance

from emulator.protocol import RATE_LIMIT, REQUEST_ID


def content_type_when_there_is_content(ctx: Any, response: Any, case: Any) -> bool | None:
    """schemathesis' Content-Type check, except on an answer without content (a 204, or a 200 whose model
    documents no body, as Reports' cancel operations): no content, so no content type. An empty body
    where the model documents one still fails the schema check."""
    if not response.content and response.status_code in (200, 204):
        return None
    result: bool | None = content_type_conformance(ctx, response, case)
    return result


def error_envelope_conformance(ctx: Any, response: Any, case: Any) -> bool | None:
    """An error response carries SP-API's error envelope with a code and a message per error."""
    if response.status_code < 400 or not response.content:
        return None
    try:
        document = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise AssertionError(f"error response {response.status_code} is not JSON") from None
    errors = document.get("errors") if isinstance(document, dict) else None
    assert isinstance(errors, list) and errors, f"error response {response.status_code} has no `errors` list"
    for error in errors:
        assert isinstance(error, dict) and isinstance(error.get("code"), str) and error["code"], (
            f"error without a code: {error!r}"
        )
        assert isinstance(error.get("message"), str), f"error without a message: {error!r}"
    return True


def request_id_present(ctx: Any, response: Any, case: Any) -> bool | None:
    """SP-API sends `x-amzn-RequestId` on every response, success or error."""
    assert response.headers.get(REQUEST_ID.lower()), f"the {REQUEST_ID} header is missing"
    return True


def rate_limit_header_valid(ctx: Any, response: Any, case: Any) -> bool | None:
    """`x-amzn-RateLimit-Limit`, when sent, is the rate in requests per second as a decimal string."""
    values = response.headers.get(RATE_LIMIT.lower())
    if not values:
        return None
    value = values[0] if isinstance(values, list) else values
    try:
        assert float(value) >= 0
    except ValueError:
        raise AssertionError(f"{RATE_LIMIT} is not a number: {value!r}") from None
    return True


#: schemathesis checks the suite does not run, each with the reason it disagrees with SP-API.
NOT_RUN = {
    # Amazon's gateway answers a method a path does not declare with 403 Unauthorized ("Access to
    # requested resource is denied"), not 405, and sends no `Allow` header; the emulator answers the same.
    "unsupported_method": "SP-API answers undeclared methods with 403, not 405",
    "allow_header_conformance": "SP-API sends no Allow header: OPTIONS is an undeclared method (403)",
}


def _builtin_checks() -> list[Any]:
    load_all_checks()
    # content_type_conformance runs as content_type_when_there_is_content (a 204 has no content type)
    names = [
        name
        for name in REGISTERED.get_all_names()
        if name not in NOT_RUN and name != "content_type_conformance"
    ]
    return list(REGISTERED.get_by_names(names))


#: Checks every contract test runs, on any target.
CHECKS = [
    *_builtin_checks(),
    content_type_when_there_is_content,
    error_envelope_conformance,
    request_id_present,
    rate_limit_header_valid,
]

#: The checks of the success search (`test_success.py`): it looks for the case that reaches a 2xx, so a
#: business rejection on the way (a SKU with reserved units cannot be deleted) is expected there; the volume
#: runs judge those against the reviewed allow-list.
SUCCESS_CHECKS = [check for check in CHECKS if getattr(check, "__name__", "") != "positive_data_acceptance"]

#: The checks of answers that do not come from the model: a static sandbox's canned answers (it matches the
#: documented requests, whatever the model says of a request) and a throttled target's 429s (its answer to
#: the suite's pace, not to the data).
MODEL_FREE_CHECKS = [
    check
    for check in CHECKS
    if getattr(check, "__name__", "") not in {"positive_data_acceptance", "negative_data_rejection"}
]
