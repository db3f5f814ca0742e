"""Pages of Inbound's list operations: `pageSize` items from where `paginationToken` says.

The token is opaque to clients: the offset of the next page, so a list changed between calls simply
goes on from there. A token that is not one of ours is refused.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any, TypeVar

from emulator.apis.inbound.refusals import bad_request

T = TypeVar("T")
_MARK = "inbound:"


def token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_MARK}{offset}".encode()).decode()


def offset_of(given: str | None) -> int:
    """Where the page starts: 0 without a token."""
    if not given:
        return 0
    try:
        text = base64.urlsafe_b64decode(given.encode()).decode()
        if text.startswith(_MARK) and text[len(_MARK) :].isdigit():
            return int(text[len(_MARK) :])
    except (ValueError, UnicodeDecodeError):
        pass
    raise bad_request("The paginationToken is invalid.", f"paginationToken={given}")


def page(
    found: Sequence[T], params: dict[str, Any], default_size: int = 10
) -> tuple[Sequence[T], dict[str, Any]]:
    """The page the call's `pageSize` and `paginationToken` select, and the response's `pagination` member
    (none on the last page)."""
    start = offset_of(params.get("paginationToken"))
    size = int(params.get("pageSize") or default_size)
    end = start + size
    return found[start:end], ({"pagination": {"nextToken": token(end)}} if end < len(found) else {})
