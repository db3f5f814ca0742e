"""Inbound's rejections: code `BadRequest` and the messages of the model's static cases (reference §10.2).

A step taken out of order names the step that is missing (`out_of_order`). Something well-formed that does
not exist (a plan, shipment, option or packing group) is a 404 `NotFound` with Amazon's wording, as a
dynamic emulator answers what its static sandbox can only answer with canned ids.
"""

from __future__ import annotations

from emulator.errors import InvalidInput, NotFound, SpApiError

PLAN_MISSING = "The requested inbound plan does not exist."
SHIPMENT_MISSING = "The requested shipment does not exist for the provided inbound plan."


def bad_request(message: str, details: str = "") -> SpApiError:
    """A 400 with Inbound's `BadRequest` code."""
    return InvalidInput(message, details, code="BadRequest")


def missing(message: str, details: str) -> SpApiError:
    """A 404 for a well-formed id that names nothing of the caller's."""
    return NotFound(message, details)


def out_of_order(doing: str, missing: str, details: str = "") -> SpApiError:
    """A 400 for `doing` before the step `missing` (an operation name) was done."""
    return bad_request(f"The inbound plan is not in a valid state to {doing}: call {missing} first.", details)
