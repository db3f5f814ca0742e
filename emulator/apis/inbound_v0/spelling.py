"""v0's own error spelling: a 400 is code `Invalid Input` (with a space), as v0's static sandbox answers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from emulator.context import Call
from emulator.errors import SpApiError

INVALID = "Invalid Input"
_GENERIC = frozenset({"InvalidInput", "BadRequest"})  # a specific code (IncorrectPackageIdentifier) stays
Handler = Callable[[Call], dict[str, Any]]


def spelled(handler: Handler) -> Handler:
    """Run `handler`; any 400 it raises leaves with v0's code."""

    @wraps(handler)
    def run(call: Call) -> dict[str, Any]:
        try:
            return handler(call)
        except SpApiError as error:
            if error.status == 400 and error.code in _GENERIC:
                error.code = INVALID
            raise

    return run
