"""Expectations and captures on JSON bodies (JSONPath, via jsonpath-ng), and `${name}` substitution.

An expected value is compared for equality, unless it is a mapping with exactly one matcher key:
`equals`, `exists`, `matches` (a regular expression), `contains`, `length`, `oneOf`, `gte`, `lte`.
A path that matches one value compares that value; one that matches several compares their list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jsonpath_ng import JSONPath
from jsonpath_ng.exceptions import JsonPathLexerError, JsonPathParserError
from jsonpath_ng.ext.parser import parse

_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_MISSING = object()


class MatchError(ValueError):
    """A path that does not parse, or a capture that was never made."""


@cache
def _compiled(path: str) -> JSONPath:
    try:
        return parse(path)
    except (JsonPathLexerError, JsonPathParserError, AttributeError, TypeError) as error:
        raise MatchError(f"{path!r} is not a JSONPath: {error}") from None


def find(document: Any, path: str) -> Any:
    """The value at `path`: the single match, the list of several, or `_MISSING` for none."""
    found = [match.value for match in _compiled(path).find(document)]
    if not found:
        return _MISSING
    return found[0] if len(found) == 1 else found


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda actual, want: actual == want,
    "exists": lambda actual, want: (actual is not _MISSING) == bool(want),
    "matches": lambda actual, want: isinstance(actual, str) and re.search(want, actual) is not None,
    "contains": lambda actual, want: isinstance(actual, str | list) and want in actual,
    "length": lambda actual, want: isinstance(actual, str | list | dict) and len(actual) == want,
    "oneOf": lambda actual, want: actual in want,
    "gte": lambda actual, want: _number(actual) and actual >= want,
    "lte": lambda actual, want: _number(actual) and actual <= want,
}


def _matcher(expected: Any) -> tuple[str, Any]:
    if isinstance(expected, Mapping) and len(expected) == 1:
        ((key, want),) = expected.items()
        if key in MATCHERS:
            return key, want
    return "equals", expected


def difference(document: Any, path: str, expected: Any) -> str | None:
    """None when the body satisfies `path: expected`, else a sentence saying what differed."""
    actual = find(document, path)
    kind, want = _matcher(expected)
    if MATCHERS[kind](actual, want):
        return None
    shown = "nothing" if actual is _MISSING else repr(actual)
    return f"{path}: expected {kind} {want!r}, found {shown}"


def capture(document: Any, path: str) -> Any:
    """The value at `path`, for later `${name}` use; MatchError when there is none."""
    value = find(document, path)
    if value is _MISSING:
        raise MatchError(f"nothing at {path} to capture")
    return value


def substitute(value: Any, captured: Mapping[str, Any]) -> Any:
    """`value` with every `${name}` replaced; a string that is only `${name}` keeps the value's type."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole:
            return _lookup(captured, whole.group(1))
        return _PLACEHOLDER.sub(lambda m: str(_lookup(captured, m.group(1))), value)
    if isinstance(value, list):
        return [substitute(item, captured) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, captured) for key, item in value.items()}
    return value


def _lookup(captured: Mapping[str, Any], name: str) -> Any:
    if name not in captured:
        raise MatchError(f"${{{name}}} was never captured (known: {sorted(captured) or 'none'})")
    return captured[name]
