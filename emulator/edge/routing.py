"""Routing SP-API requests to catalog operations, on the raw (still percent-encoded) path.

Matching the raw path keeps `%2F` inside a SKU and a literal `+` in an order id intact; each path
parameter is percent-decoded after matching. Literal paths are a dict lookup; templated paths are
bucketed by their first three literal segments, most literal first.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from emulator.catalog import Catalog, Operation
from emulator.errors import Unauthorized

_PARAM = re.compile(r"\{([^}/]+)\}")
_PREFIX = 3


def _prefix(path: str) -> tuple[str, ...]:
    return tuple(path.split("/")[1:_PREFIX + 1])


def _compile(template: str) -> re.Pattern[str]:
    pattern, last = [], 0
    for match in _PARAM.finditer(template):
        pattern.append(re.escape(template[last:match.start()]))
        pattern.append(f"(?P<{match.group(1)}>[^/]+)")
        last = match.end()
    pattern.append(re.escape(template[last:]))
    return re.compile("".join(pattern) + r"\Z")


class Router:
    """(method, raw path) -> (operation, decoded path parameters)."""

    def __init__(self, catalog: Catalog) -> None:
        self._literal: dict[tuple[str, str], Operation] = {}
        self._templated: dict[tuple[str, ...], list[tuple[re.Pattern[str], Operation]]] = {}
        for op in catalog:
            if "{" not in op.path:
                self._literal[(op.method, op.path)] = op
            else:
                self._templated.setdefault(_prefix(op.path), []).append((_compile(op.path), op))
        self._literal_paths = {path for (_, path) in self._literal}
        for candidates in self._templated.values():
            candidates.sort(key=lambda c: (c[1].path.count("{"), -len(c[1].path)))

    def match(self, method: str, raw_path: str) -> tuple[Operation, dict[str, str]]:
        """The operation for this request; unknown paths and methods answer as Amazon does (403)."""
        op = self._literal.get((method, raw_path))
        if op is not None:
            return op, {}
        path_matched = raw_path in self._literal_paths
        for pattern, candidate in self._templated.get(_prefix(raw_path), ()):
            found = pattern.match(raw_path)
            if found is None:
                continue
            if candidate.method == method:
                return candidate, {k: unquote(v) for k, v in found.groupdict().items()}
            path_matched = True
        if path_matched:
            raise Unauthorized(details=f"No SP-API operation answers {method} on {raw_path}.")
        raise Unauthorized(details=f"No SP-API operation exists at {raw_path}.")
