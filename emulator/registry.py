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


@dataclass
class Registry:
    """operationId -> handler, transition kind -> handler, and the tables and event types APIs declare."""

    handlers: dict[str, Handler] = field(default_factory=dict)
    transitions: dict[str, TransitionHandler] = field(default_factory=dict)
    tables: dict[str, TableSpec[Any]] = field(default_factory=dict)
    events: dict[str, type[DomainEvent]] = field(default_factory=dict)

    def table(self, spec: TableSpec[R]) -> TableSpec[R]:
        """Declare a table an API stores records in (so snapshots and backends can decode it)."""
        if self.tables.setdefault(spec.name, spec) is not spec:
            raise CatalogError(f"table {spec.name} is declared twice")
        return spec

    def event(self, kind: E) -> E:
        """Declare a domain event type an API records."""
        if self.events.setdefault(kind.type_name(), kind) is not kind:
            raise CatalogError(f"event type {kind.type_name()} is declared twice")
        return kind

    def schema(self, *extra: TableSpec[Any]) -> Schema:
        """Every declared table, plus `extra` ones declared outside the APIs (accounts, settings)."""
        return Schema([*self.tables.values(), *extra])

    def event_types(self) -> EventTypes:
        return EventTypes(self.events.values())

    def operation(self, operation_id: str) -> Callable[[Handler], Handler]:
        def bind(fn: Handler) -> Handler:
            if operation_id in self.handlers:
                raise CatalogError(f"{operation_id} is bound twice")
            self.handlers[operation_id] = fn
            return fn

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
