"""Errors, in three families that never mix.

    SpApiError                  what an SP-API client sees, rendered as {"errors": [...]}
    ├── InvalidInput            400
    ├── Unauthorized            403
    ├── NotFound                404
    ├── Conflict                409 (StateConflict)
    ├── PayloadTooLarge         413
    ├── UnsupportedMediaType    415
    ├── QuotaExceeded           429
    ├── InternalFailure         500
    ├── NotImplementedOperation 501 (an operation without emulated behaviour)
    └── ServiceUnavailable      503

    ControlError                a control-plane request that cannot be done: {"error", "message", "detail"?}

    EmulatorError               a problem of the tool itself (never sent as an SP-API error)
    ├── ModelsUnavailable       the Amazon model files are missing, partial or tampered with
    └── CatalogError            a model could not be turned into operations

Status codes, codes and messages follow Amazon's documented defaults (reference §4.4); `error_type` is the
`x-amzn-ErrorType` header Amazon was observed to send with some of them (reference §4.2). Every SP-API
error, raised by a handler, by the edge or injected by a fault rule, is one of these classes, so the
same status always answers the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches
from typing import Any

from emulator.protocol import ERROR_TYPE

#: The tightest limits any in-scope model puts on an `Error` (Fulfillment Inbound 2024-03-20's); every
#: error the emulator sends fits them, whichever model the operation belongs to.
MESSAGE_LIMIT, DETAILS_LIMIT = 2048, 8192


def clamp(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, the cut summarised at its end."""
    if len(text) <= limit:
        return text
    keep = limit - 40
    return f"{text[:keep]}... ({len(text) - keep} more characters)"


def nearest(name: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` naming the known name closest to a mistyped `name`, or "" when none is close."""
    found = get_close_matches(name, list(known), n=1, cutoff=0.5)
    return f" (did you mean {found[0]!r}?)" if found else ""


class SpApiError(Exception):
    """An error an SP-API operation answers with: HTTP status plus one error object."""

    status = 400
    code = "InvalidInput"
    default_message = "Invalid input."
    error_type: str | None = None

    def __init__(
        self,
        message: str | None = None,
        details: str = "",
        *,
        code: str | None = None,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = clamp(message or self.default_message, MESSAGE_LIMIT)
        self.details = clamp(details, DETAILS_LIMIT)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.headers = ({ERROR_TYPE: self.error_type} if self.error_type else {}) | (headers or {})
        super().__init__(f"{self.status} {self.code}: {self.message} {details}".strip())

    def as_error(self) -> dict[str, str]:
        """The SP-API `Error` object."""
        return {"code": self.code, "message": self.message, "details": self.details}


class InvalidInput(SpApiError):
    status, code, default_message = 400, "InvalidInput", "Invalid input."
    error_type = "ValidationException"


#: The 400 code an API's own model uses where it is not SP-API's common `InvalidInput`: Listings Items'
#: canned errors say `BAD_REQUEST`. Keyed by the model directory's API name (`Operation.api`).
INVALID_INPUT_CODES = {"listings-items": "BAD_REQUEST"}


def invalid_input(api: str, message: str, details: str = "") -> InvalidInput:
    """A 400 for a request to `api`, with the code that API uses for it."""
    return InvalidInput(message, details, code=INVALID_INPUT_CODES.get(api))


class Unauthorized(SpApiError):
    status, code, default_message = 403, "Unauthorized", "Access to requested resource is denied."


class NotFound(SpApiError):
    status, code, default_message = 404, "NotFound", "The requested resource doesn't exist."


class Conflict(SpApiError):
    status, code = 409, "StateConflict"
    default_message = "The resource specified conflicts with the current state."


class PayloadTooLarge(SpApiError):
    status, code = 413, "RequestEntityTooLarge"
    default_message = "The request size exceeded the maximum accepted size."


class UnsupportedMediaType(SpApiError):
    status, code = 415, "UnsupportedMediaType"
    default_message = "The request payload is in an unsupported format."


class QuotaExceeded(SpApiError):
    status, code = 429, "QuotaExceeded"
    default_message = "You exceeded your quota for the requested resource."
    error_type = "TooManyRequestsException"


class InternalFailure(SpApiError):
    status, code = 500, "InternalFailure"
    default_message = "We encountered an internal error. Please try again."
    error_type = "InternalServerErrorException"


class NotImplementedOperation(SpApiError):
    status, code = 501, "NotImplemented"
    default_message = "This operation is not emulated yet."


class ServiceUnavailable(SpApiError):
    status, code = 503, "ServiceUnavailable"
    default_message = "Service is temporarily unavailable. Please try again."


#: The error class Amazon answers each standard status with.
STANDARD: dict[int, type[SpApiError]] = {
    kind.status: kind
    for kind in (
        InvalidInput,
        Unauthorized,
        NotFound,
        Conflict,
        PayloadTooLarge,
        UnsupportedMediaType,
        QuotaExceeded,
        InternalFailure,
        ServiceUnavailable,
    )
}


def error_for(
    status: int, message: str | None = None, details: str = "", code: str | None = None
) -> SpApiError:
    """The error answering `status`: the standard one (its code, message and headers) unless overridden."""
    kind = STANDARD.get(status)
    if kind is None:
        return SpApiError(message, details, code=code, status=status)
    return kind(message, details, code=code)


class ControlError(Exception):
    """A control request that cannot be done: `status`, machine `code`, human `message`, optional detail."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


class EmulatorError(Exception):
    """A problem of the emulator itself, reported to the operator, not to API clients."""


class ModelsUnavailable(EmulatorError):
    """The Amazon model directory is missing, partial or does not match the pinned digests."""


class CatalogError(EmulatorError):
    """A model could not be turned into operations."""
