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
from typing import Any

from emulator.catalog import Catalog
from emulator.errors import CatalogError
from emulator.state.scheduler import Handler as TransitionHandler

Handler = Callable[..., Any]


@dataclass
class Registry:
    """operationId -> handler, and transition kind -> handler."""

    handlers: dict[str, Handler] = field(default_factory=dict)
    transitions: dict[str, TransitionHandler] = field(default_factory=dict)

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
