"""Binding behaviour to operations: one registry keyed by the models' operationIds.

    @operation("createFulfillmentOrder")
    def create_fulfillment_order(call: Call) -> dict: ...

    @transition("outbound.advance")
    def advance(store, seller_id, payload, due) -> None: ...

The registry holds code, never state. `check()` fails start-up on an operationId the catalog lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from emulator.catalog import Catalog
from emulator.errors import CatalogError
from emulator.state.events import DomainEvent, EventTypes
from emulator.state.records import R, Schema, TableSpec
from emulator.state.scheduler import Handler as TransitionHandler

E = TypeVar("E", bound=type[DomainEvent])

Handler = Callable[..., Any]
V = TypeVar("V")


def _origin(thing: Any) -> tuple[str, str]:
    """Where a declaration was written: its module and qualified name."""
    return thing.__module__, thing.__qualname__


def _declare(found: dict[str, V], key: str, value: V, origin: tuple[str, str], what: str) -> V:
    """Bind `key` once; the same code declared again (its module imported anew, as pytester's in-process runs
    do) rebinds, while a second declaration from elsewhere is a CatalogError."""
    known = found.get(key)
    if known is not None and known is not value and _origin_of(known) != origin:
        raise CatalogError(f"{what} {key} is declared twice")
    found[key] = value
    return value


def _origin_of(value: Any) -> tuple[str, str]:
    return _origin(value.record) if isinstance(value, TableSpec) else _origin(value)


@dataclass
class Registry:
    """operationId -> handler, transition kind -> handler, and the tables and event types APIs declare."""

    handlers: dict[str, Handler] = field(default_factory=dict)
    transitions: dict[str, TransitionHandler] = field(default_factory=dict)
    tables: dict[str, TableSpec[Any]] = field(default_factory=dict)
    events: dict[str, type[DomainEvent]] = field(default_factory=dict)

    def table(self, spec: TableSpec[R]) -> TableSpec[R]:
        """Declare a table an API stores records in (so snapshots and backends can decode it)."""
        return _declare(self.tables, spec.name, spec, _origin(spec.record), "table")

    def event(self, kind: E) -> E:
        """Declare a domain event type an API records."""
        declared: type[DomainEvent] = kind
        _declare(self.events, kind.type_name(), declared, _origin(kind), "event type")
        return kind

    def schema(self, *extra: TableSpec[Any]) -> Schema:
        """Every declared table, plus `extra` ones declared outside the APIs (accounts, settings)."""
        return Schema([*self.tables.values(), *extra])

    def event_types(self) -> EventTypes:
        return EventTypes(self.events.values())

    def operation(self, operation_id: str) -> Callable[[Handler], Handler]:
        def bind(fn: Handler) -> Handler:
            return _declare(self.handlers, operation_id, fn, _origin(fn), "operation")

        return bind

    def transition(self, kind: str) -> Callable[[TransitionHandler], TransitionHandler]:
        def bind(fn: TransitionHandler) -> TransitionHandler:
            self.transitions[kind] = fn
            return fn

        return bind

    def check(self, catalog: Catalog) -> None:
        unknown = sorted(set(self.handlers) - set(catalog.operations))
        if unknown:
            raise CatalogError(f"handlers bound to operationIds the models do not declare: {unknown}")

    def coverage(self, catalog: Catalog) -> dict[str, Any]:
        """Which operations have behaviour, per model, with each handler's first docstring line."""
        models: dict[str, dict[str, list[Any]]] = {}
        for op in catalog:
            entry = models.setdefault(op.model, {"implemented": [], "missing": []})
            fn = self.handlers.get(op.operation_id)
            if fn is None:
                entry["missing"].append(op.operation_id)
            else:
                doc = (fn.__doc__ or "").strip().splitlines()
                entry["implemented"].append({"operationId": op.operation_id, "note": doc[0] if doc else ""})
        implemented = sum(len(m["implemented"]) for m in models.values())
        return {
            "total": len(catalog),
            "implemented": implemented,
            "missing": len(catalog) - implemented,
            "models": models,
        }


registry = Registry()
operation = registry.operation
transition = registry.transition
table = registry.table
domain_event = registry.event
