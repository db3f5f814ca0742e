"""Errors, in two families that never mix.

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

    EmulatorError               a problem of the tool itself (never sent as an SP-API error)
    ├── ModelsUnavailable       the Amazon model files are missing, partial or tampered with
    └── CatalogError            a model could not be turned into operations

Status codes and codes follow Amazon's documented defaults (reference §4.4).
"""

from __future__ import annotations


class SpApiError(Exception):
    """An error an SP-API operation answers with: HTTP status plus one error object."""

    status = 400
    code = "InvalidInput"
    default_message = "Invalid input."

    def __init__(
        self,
        message: str | None = None,
        details: str = "",
        *,
        code: str | None = None,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details = details
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.headers = headers or {}
        super().__init__(f"{self.status} {self.code}: {self.message} {details}".strip())

    def as_error(self) -> dict[str, str]:
        """The SP-API `Error` object."""
        return {"code": self.code, "message": self.message, "details": self.details}


class InvalidInput(SpApiError):
    status, code, default_message = 400, "InvalidInput", "Invalid input."


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


class InternalFailure(SpApiError):
    status, code = 500, "InternalFailure"
    default_message = "We encountered an internal error. Please try again."


class NotImplementedOperation(SpApiError):
    status, code = 501, "NotImplemented"
    default_message = "This operation is not emulated yet."


class ServiceUnavailable(SpApiError):
    status, code = 503, "ServiceUnavailable"
    default_message = "Service is temporarily unavailable. Please try again."


class EmulatorError(Exception):
    """A problem of the emulator itself, reported to the operator, not to API clients."""


class ModelsUnavailable(EmulatorError):
    """The Amazon model directory is missing, partial or does not match the pinned digests."""


class CatalogError(EmulatorError):
    """A model file could not be turned into operations."""
