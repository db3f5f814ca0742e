"""Control-plane actions of the test handle: seed a world, inject faults, read the request journal and
the domain events, snapshot and restore. They call the control plane's Python API (`app.control`),
never HTTP; bad input raises the control plane's `ControlError` naming the problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from emulator.control.files import fault_rules, read_document
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError
from emulator.state.events import DomainEvent, EventQuery, EventRecord

Document = dict[str, Any] | list[Any] | str | Path
EventType = str | type[DomainEvent]


def _load(source: Document) -> Any:
    return read_document(Path(source)) if isinstance(source, str | Path) else source


def _type_names(wanted: EventType | Iterable[EventType] | None) -> frozenset[str] | None:
    if wanted is None:
        return None
    kinds = [wanted] if isinstance(wanted, str | type) else list(wanted)
    return frozenset(k if isinstance(k, str) else k.type_name() for k in kinds)


class ControlActions:
    """Mixin for `EmulatorHandle`: everything that goes through the control plane."""

    control: ControlPlane

    # world -------------------------------------------------------------------------------------
    def seed(self, source: Document) -> dict[str, int]:
        """Apply a seed document (mapping, or a JSON/YAML file path); returns entries applied per section."""
        return self.control.seed(_load(source))

    def snapshot(self) -> dict[str, Any]:
        """The whole emulator state as a JSON-able document."""
        return self.control.snapshot()

    def restore(self, document: dict[str, Any]) -> None:
        """Put back a state taken with `snapshot()`."""
        self.control.restore(document)

    # faults ------------------------------------------------------------------------------------
    def add_fault(self, rule: dict[str, Any]) -> dict[str, Any]:
        """Install one fault rule for the rest of the test; returns it as the control plane describes it."""
        return self.control.add_fault(rule)

    @contextmanager
    def faults(self, *rules: Document) -> Iterator[list[dict[str, Any]]]:
        """Install fault rules (mappings, or a faults file) inside the block only."""
        flat = [
            rule
            for source in rules
            for rule in (fault_rules(_load(source)) if isinstance(source, str | Path | list) else [source])
        ]
        added = [self.add_fault(rule) for rule in flat]
        try:
            yield added
        finally:
            for rule in added:
                with suppress(ControlError):  # a count-limited rule may already be gone
                    self.control.remove_fault(rule["id"])

    # journal and events ------------------------------------------------------------------------
    def journal(self, **filters: Any) -> list[dict[str, Any]]:
        """Journal entries, oldest first; filters: operation_id, seller_id, status, method, faulted, limit."""
        filters.setdefault("limit", 10_000)
        return list(self.control.journal(**filters)["entries"])

    def assert_called(
        self, operation_id: str, *, times: int | None = None, **filters: Any
    ) -> list[dict[str, Any]]:
        """Assert `operation_id` was called (exactly `times` times if given); returns the matching entries."""
        entries = self.journal(operation_id=operation_id, **filters)
        where = f" with {filters}" if filters else ""
        if times is None:
            assert entries, f"{operation_id} was never called{where}"
        else:
            assert len(entries) == times, (
                f"{operation_id} was called {len(entries)} time(s){where}, not {times}"
            )
        return entries

    def assert_not_called(self, operation_id: str, **filters: Any) -> None:
        """Assert no journal entry matches."""
        self.assert_called(operation_id, times=0, **filters)

    def events(
        self,
        type: EventType | Iterable[EventType] | None = None,  # the control API's name for it
        seller: str | None = None,
        *,
        after: int | None = None,
    ) -> list[EventRecord]:
        """The retained domain events, oldest first: of `type` (a name or an event class, or several),
        of `seller`, after sequence number `after`. Events are recorded as the change happens, so a call
        that returned has already recorded its events."""
        return self.control.events(
            EventQuery(seller_id=seller, types=_type_names(type), after_sequence=after)
        )
