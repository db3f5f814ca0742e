"""Fixtures for the FBA Inventory tests, and reading the domain events the default seller recorded."""

from __future__ import annotations

from typing import Any

from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime
from emulator.state.events import DomainEvent, EventQuery
from tests.api.outbound.support import mcf  # noqa: F401  (the `mcf` fixture)


def recorded(runtime: Runtime, *types: type[DomainEvent], after: int = 0) -> list[Any]:
    """The events of `types` recorded for the default seller after sequence `after`, oldest first."""
    query = EventQuery(
        seller_id=DEFAULTS.seller_id,
        types=frozenset(t.type_name() for t in types),
        after_sequence=after,
    )
    return [entry.event for entry in runtime.store.events.query(query)]
