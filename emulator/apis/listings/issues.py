"""The `Issue` objects the Listings API reports, built in one place.

Codes `90220` (missing attribute) and `90000900` (invalid attribute) are the ones Amazon's own
sandbox answers with; the `99xxx` codes of asynchronous processing are the emulator's own.
"""

from __future__ import annotations

from typing import Any

Issue = dict[str, Any]

MISSING = "90220"
INVALID = "90000900"
MISSING_IMAGE = "99101"
MISSING_PRICE = "99102"
NO_PRODUCT = "99103"


def issue(
    code: str,
    message: str,
    attributes: list[str],
    category: str,
    *,
    severity: str = "ERROR",
    action: str | None = None,
    marketplace_id: str | None = None,
) -> Issue:
    """One issue; an enforcement action (not exempt) when `action` is given."""
    found: Issue = {
        "code": code,
        "message": message,
        "severity": severity,
        "attributeNames": attributes,
        "categories": [category],
    }
    if action:
        found["enforcements"] = {"actions": [{"action": action}], "exemption": {"status": "NOT_EXEMPT"}}
    if marketplace_id:
        found["marketplaceIds"] = [marketplace_id]
    return found


def missing(name: str, why: str) -> Issue:
    return issue(
        MISSING,
        f"'{name}' is required but not supplied ({why}).",
        [name],
        "MISSING_ATTRIBUTE",
        action="LISTING_SUPPRESSED",
    )


def invalid(name: str, why: str) -> Issue:
    return issue(
        INVALID,
        f"The attribute '{name}' is invalid: {why}",
        [name],
        "INVALID_ATTRIBUTE",
        action="ATTRIBUTE_SUPPRESSED",
    )


def has_errors(found: list[Issue]) -> bool:
    return any(i["severity"] == "ERROR" for i in found)
