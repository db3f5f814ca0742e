"""Routing SP-API requests to catalog operations, on the raw (still percent-encoded) path.

Matching the raw path keeps `%2F` inside a SKU and a literal `+` in an order id intact; each path
parameter is percent-decoded after matching. Literal paths are a dict lookup; templated paths are
bucketed by their first three segments and their number of segments (a parameter never spans a
`/`), most literal first, so a request tries only the one or two patterns that could match it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from emulator.catalog import Catalog, Operation
from emulator.errors import Unauthorized

_PARAM = re.compile(r"\{([^}/]+)\}")
_PREFIX = 3


def _bucket(path: str) -> tuple[tuple[str, ...], int]:
    return tuple(path.split("/", _PREFIX + 1)[1 : _PREFIX + 1]), path.count("/")


def _compile(template: str) -> re.Pattern[str]:
    pattern, last = [], 0
    for match in _PARAM.finditer(template):
        pattern.append(re.escape(template[last : match.start()]))
        pattern.append(f"(?P<{match.group(1)}>[^/]+)")
        last = match.end()
    pattern.append(re.escape(template[last:]))
    return re.compile("".join(pattern) + r"\Z")


class Router:
    """(method, raw path) -> (operation, decoded path parameters)."""

    def __init__(self, catalog: Catalog) -> None:
        self._literal: dict[tuple[str, str], Operation] = {}
        self._templated: dict[tuple[tuple[str, ...], int], list[tuple[re.Pattern[str], Operation]]] = {}
        for op in catalog:
            if "{" not in op.path:
                self._literal[(op.method, op.path)] = op
            else:
                self._templated.setdefault(_bucket(op.path), []).append((_compile(op.path), op))
        self._literal_paths = {path for (_, path) in self._literal}
        for candidates in self._templated.values():
            candidates.sort(key=lambda c: (c[1].path.count("{"), -len(c[1].path)))

    def match(self, method: str, raw_path: str) -> tuple[Operation, dict[str, str]]:
        """The operation for this request; unknown paths and methods answer as Amazon does (403)."""
        op = self._literal.get((method, raw_path))
        if op is not None:
            return op, {}
        path_matched = False
        for pattern, candidate in self._templated.get(_bucket(raw_path), ()):
            found = pattern.match(raw_path)
            if found is None:
                continue
            if candidate.method == method:
                return candidate, {k: unquote(v) if "%" in v else v for k, v in found.groupdict().items()}
            path_matched = True
        if path_matched or raw_path in self._literal_paths:
            raise Unauthorized(details=f"No SP-API operation answers {method} on {raw_path}.")
        raise Unauthorized(details=f"No SP-API operation exists at {raw_path}.")
