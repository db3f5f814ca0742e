"""The issues the Listings API reports, built in one place.

Codes `90220` (missing attribute) and `90000900` (invalid attribute) are the ones Amazon's own
sandbox answers with; the `99xxx` codes of asynchronous processing are the emulator's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from emulator.apis.listings.records import Issue, Severity

MISSING = "90220"
INVALID = "90000900"
MISSING_IMAGE = "99101"
MISSING_PRICE = "99102"
NO_PRODUCT = "99103"


def issue(
    code: str,
    message: str,
    attribute: str,
    category: str,
    *,
    severity: Severity = Severity.ERROR,
    enforcement: str | None = None,
    marketplace_id: str | None = None,
) -> Issue:
    """One issue about one attribute; `enforcement` names the action taken, if any."""
    return Issue(
        code=code,
        message=message,
        severity=severity,
        attribute_names=(attribute,),
        categories=(category,),
        enforcement=enforcement,
        marketplace_id=marketplace_id,
    )


def missing(name: str, why: str) -> Issue:
    return issue(
        MISSING,
        f"'{name}' is required but not supplied ({why}).",
        name,
        "MISSING_ATTRIBUTE",
        enforcement="LISTING_SUPPRESSED",
    )


def invalid(name: str, why: str) -> Issue:
    return issue(
        INVALID,
        f"The attribute '{name}' is invalid: {why}",
        name,
        "INVALID_ATTRIBUTE",
        enforcement="ATTRIBUTE_SUPPRESSED",
    )


def has_errors(found: Iterable[Issue]) -> bool:
    return any(i.severity == Severity.ERROR for i in found)
