"""What a handler gets (`Call`) and may return (`Reply`): the seam between the edge and the APIs.

`parse_instant` is how a handler reads a date-time a client sent, with SP-API's error when it is not one;
`page_token` / `page_token_data` write and strictly read back the opaque page tokens a client returns.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any, TypeVar

from emulator.catalog.operation import Operation
from emulator.errors import InvalidInput
from emulator.state import Clock, IdFactory, Store, TenantState
from emulator.state.clock import parse_iso

T = TypeVar("T")


class Ports:
    """Services a runtime lends to handlers by their class (a destination probe, say); none by default.

    An API declares the class it needs and asks `call.ports.get(Kind)`; whatever assembles the runtime
    provides an instance. So an API can use an outside system without importing the code that drives it.
    """

    def __init__(self) -> None:
        self._by_kind: dict[type, object] = {}

    def provide(self, kind: type[T], service: T) -> None:
        self._by_kind[kind] = service

    def get(self, kind: type[T]) -> T | None:
        found = self._by_kind.get(kind)
        return found if isinstance(found, kind) else None


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
    ports: Ports = field(default_factory=Ports)
    origin: str = "http://127.0.0.1"  # scheme and host the client reached, for links the emulator serves

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


def parse_instant(text: str, name: str, message: str | None = None, details: str | None = None) -> float:
    """POSIX seconds of the ISO-8601 date-time a client sent as `name`, or InvalidInput naming it."""
    try:
        return parse_iso(text).timestamp()
    except (ValueError, OverflowError):
        raise InvalidInput(
            message or f"{name} is not a valid ISO 8601 date-time.",
            f"{name}={text}" if details is None else details,
        ) from None


def page_token(data: bytes) -> str:
    """An opaque page token holding `data`: URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def page_token_data(token: str) -> bytes:
    """The data of a token `page_token` wrote, read strictly: ValueError for any character outside the
    token's alphabet or a length no token has (a tampered token is refused, never skipped over)."""
    return base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
