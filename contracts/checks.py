"""SP-API conventions schemathesis cannot know from the models, as checks, plus the check sets used.

    error_envelope_conformance  every 4xx/5xx with a body is `{"errors": [{"code", "message", ...}]}`
    request_id_present          every SP-API response carries `x-amzn-RequestId`
    rate_limit_header_valid     where present, `x-amzn-RateLimit-Limit` is a decimal rate

`positive_data_acceptance` is not used: SP-API answers schema-valid requests with business 400s
(unknown SKU, duplicate order id), so a rejection of valid-looking data is not a contract breach.
`unsupported_method` is not used either: SP-API answers unknown methods with 403, not 405.
The SP-API checks are passed explicitly (`CHECKS`), not registered with `@schemathesis.check`: a
registration is global and would impose SP-API headers on every other schemathesis run in the process.
"""

from __future__ import annotations

from typing import Any

import orjson
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from emulator.protocol import RATE_LIMIT, REQUEST_ID


def content_type_when_there_is_content(ctx: Any, response: Any, case: Any) -> bool | None:
    """schemathesis' Content-Type check, except on a 204: it has no content, so no content type."""
    if response.status_code == 204 and not response.content:
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


#: Checks every contract test runs, on any target.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_when_there_is_content,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    error_envelope_conformance,
    request_id_present,
    rate_limit_header_valid,
]
