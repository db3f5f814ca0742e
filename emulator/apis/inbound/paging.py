"""Pages of Inbound's list operations: `pageSize` items from where `paginationToken` says.

The token is opaque to clients: the offset of the next page, so a list changed between calls simply
goes on from there. A token the emulator never issued pages past the end (an empty page), as Amazon's
sandbox answers made-up tokens with success.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from emulator.context import page_token, page_token_data

T = TypeVar("T")
_MARK = "inbound:"
_PAST = 2**31


def token(offset: int) -> str:
    return page_token(f"{_MARK}{offset}".encode())


def offset_of(given: str | None) -> int:
    """Where the page starts: 0 without a token, past any list with one we did not issue."""
    if not given:
        return 0
    try:
        text = page_token_data(given).decode()
    except ValueError:  # a character or length no token has, or bytes that are not text
        return _PAST
    number = text.removeprefix(_MARK)
    return int(number) if text.startswith(_MARK) and number.isdigit() and len(number) < 10 else _PAST


def page(
    found: Sequence[T], params: dict[str, Any], default_size: int = 10
) -> tuple[Sequence[T], dict[str, Any]]:
    """The page the call's `pageSize` and `paginationToken` select, and the response's `pagination` member
    (none on the last page)."""
    start = offset_of(params.get("paginationToken"))
    size = int(params.get("pageSize") or default_size)
    end = start + size
    return found[start:end], ({"pagination": {"nextToken": token(end)}} if end < len(found) else {})


def listed(
    params: dict[str, Any], key: str, found: Sequence[T], render: Callable[[T], Any]
) -> dict[str, Any]:
    """A list operation's answer: the page of `found` under `key`, rendered, and its `pagination`."""
    shown, pagination = page(found, params)
    return {key: [render(x) for x in shown]} | pagination
