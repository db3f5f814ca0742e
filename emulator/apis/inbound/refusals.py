"""Inbound's rejections: code `BadRequest` and the messages of the model's static cases (reference §10.2).

A step taken out of order names the step that is missing (`out_of_order`).
"""

from __future__ import annotations

from emulator.errors import InvalidInput, SpApiError

PLAN_MISSING = "The requested inbound plan does not exist."
SHIPMENT_MISSING = "The requested shipment does not exist for the provided inbound plan."


def bad_request(message: str, details: str = "") -> SpApiError:
    """A 400 with Inbound's `BadRequest` code."""
    return InvalidInput(message, details, code="BadRequest")


def out_of_order(doing: str, missing: str, details: str = "") -> SpApiError:
    """A 400 for `doing` before the step `missing` (an operation name) was done."""
    return bad_request(f"The inbound plan is not in a valid state to {doing}: call {missing} first.", details)


def malformed(name: str, value: str, prefix: str) -> SpApiError | None:
    """The 400 for an identifier that does not start the way Amazon's do, else None."""
    if value.startswith(prefix):
        return None
    return bad_request(f"The {name} is malformed.", f"{name}={value}")
