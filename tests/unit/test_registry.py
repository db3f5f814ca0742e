"""The registry binds each operation, table and event type once; the same code imported anew rebinds."""

from __future__ import annotations

import pytest

from emulator.errors import CatalogError
from emulator.registry import Registry
from emulator.state.events import DomainEvent
from emulator.state.records import Record, TableSpec


class Row(Record):
    n: int = 0


class OtherRow(Record):
    n: int = 0


class Happened(DomainEvent, frozen=True):
    what: str = ""


def test_a_second_declaration_from_other_code_is_refused():
    registry = Registry()
    registry.table(TableSpec("rows", Row))
    with pytest.raises(CatalogError, match="table rows is declared twice"):
        registry.table(TableSpec("rows", OtherRow))

    registry.operation("getFeatures")(lambda call: {})
    with pytest.raises(CatalogError, match="operation getFeatures is declared twice"):

        @registry.operation("getFeatures")
        def elsewhere(call: object) -> dict[str, object]:
            return {}


def test_the_same_code_declared_again_rebinds():
    """pytester's in-process runs import the API modules anew into a registry that outlived them."""
    registry = Registry()
    first = registry.table(TableSpec("rows", Row))
    again = registry.table(TableSpec("rows", Row))
    assert registry.tables["rows"] is again is not first
    registry.event(Happened)
    assert registry.event(Happened) is Happened
    assert registry.event_types().by_name == {"Happened": Happened}
