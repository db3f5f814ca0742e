"""What every part of the contract world builds with: overlays laid over generated cases, and the calls
that seed the world (each must succeed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from contracts.target import Target

DROP = object()
"""An overlay value that removes the parameter or field from the generated case."""


@dataclass(frozen=True)
class Overlay:
    """Parts of a request that replace (or, with `DROP`, remove) what schemathesis generated."""

    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    whole_body: bool = False  # the body replaces the generated one instead of being laid over it

    def apply(self, case: Any) -> Any:
        """`case` with this overlay laid over it (the case is changed and returned)."""
        case.path_parameters = _laid(case.path_parameters, self.path)
        case.query = _laid(case.query, self.query)
        case.headers = _laid(case.headers, self.headers)
        if self.body is not None:
            generated = case.body if isinstance(case.body, dict) and not self.whole_body else {}
            case.body = _laid(generated, self.body)
        return case


def _laid(generated: dict[str, Any] | None, overlay: dict[str, Any]) -> dict[str, Any]:
    merged = {**(generated or {}), **overlay}
    return {name: value for name, value in merged.items() if value is not DROP}


def seed_call(target: Target, operation_id: str, path: str, **kwargs: Any) -> Any:
    op = target.catalog[operation_id]
    headers = {**target.headers(op), **kwargs.pop("headers", {})}
    response = target.http.request(op.method.upper(), path, headers=headers, **kwargs)
    assert response.status_code < 300, f"seeding the world: {operation_id} {response.text}"
    return response.json() if response.content else None


def one(**parts: Any) -> st.SearchStrategy[Overlay]:
    """An overlay whose parts are each a strategy or a fixed value."""
    drawn = {name: _strategy(value) for name, value in parts.items()}
    return st.fixed_dictionaries(drawn).map(lambda chosen: Overlay(**chosen))


def _strategy(value: Any) -> st.SearchStrategy[Any]:
    """A strategy as it is; a dict as a dict of strategies (one level); anything else as itself."""
    if isinstance(value, st.SearchStrategy):
        return value
    if isinstance(value, dict):
        return st.fixed_dictionaries(
            {k: v if isinstance(v, st.SearchStrategy) else st.just(v) for k, v in value.items()}
        )
    return st.just(value)
