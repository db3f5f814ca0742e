"""What a handler gets (`Call`) and may return (`Reply`): the seam between the edge and the APIs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emulator.catalog.operation import Operation
from emulator.state import Clock, IdFactory, Store, TenantState


@dataclass(slots=True)
class Caller:
    """Who is calling: the LWA application and, for seller-authorized calls, the seller."""

    client_id: str
    application_id: str
    seller_id: str | None
    marketplaces: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()


@dataclass(slots=True)
class Call:
    """One validated SP-API call, ready for a handler. Knows nothing about HTTP."""

    operation: Operation
    params: dict[str, Any]
    body: Any
    caller: Caller
    store: Store
    clock: Clock
    ids: IdFactory
    request_id: str

    @property
    def seller_id(self) -> str:
        """The calling seller; grantless calls have none and must not ask."""
        if self.caller.seller_id is None:
            raise RuntimeError(f"{self.operation.operation_id} is grantless and has no seller")
        return self.caller.seller_id

    @property
    def tenant(self) -> TenantState:
        """The calling seller's partition of the store."""
        return self.store.tenant(self.seller_id)


@dataclass(slots=True)
class Reply:
    """A handler result other than the operation's default success status."""

    body: Any
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
