"""Helpers shared by the control-plane tests: tokens and request bodies for the live server."""

from __future__ import annotations

import socket
from typing import Any

import httpx

from emulator.app import EmulatorApp
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import DomainEvent
from tests.api.outbound.support import ADDRESS, INVENTORY, US, V2020, order_body  # noqa: F401  (re-exported)
from tests.conftest import issue_token as token  # noqa: F401  (re-exported)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def preview_body(sku: str = "MUG-01") -> dict[str, Any]:
    return {
        "marketplaceId": US,
        "address": ADDRESS,
        "items": [{"sellerSku": sku, "sellerFulfillmentOrderItemId": "line-1", "quantity": 1}],
    }


def summaries(
    http: httpx.Client, auth: dict[str, str], *, details: bool = False, **extra: str
) -> httpx.Response:
    """getInventorySummaries for the US marketplace; `extra` are additional request headers."""
    params = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}
    return http.get(
        f"{INVENTORY}/summaries",
        headers={**auth, **extra},
        params=params | ({"details": "true"} if details else {}),
    )


def stock_levels(http: httpx.Client, auth: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each SKU's inventory summary (with details), by SKU."""
    response = summaries(http, auth, details=True)
    assert response.status_code == 200, response.text
    return {s["sellerSku"]: s for s in response.json()["payload"]["inventorySummaries"]}


def stock(live: EmulatorApp, sku: str = "MUG-01", quantity: int = 20) -> None:
    """Seed a SKU with units through the control plane (which runs the inventory operations)."""
    live.control.seed({"inventory": [{"sku": sku, "quantity": quantity}]})


OTHER = "A2OTHERSELLER9"


class Pinged(DomainEvent):
    """A test-only fact."""

    note: str


class Ponged(DomainEvent):
    """Another test-only fact, to filter by type."""

    note: str


def record(app: EmulatorApp, event: DomainEvent, seller: str = DEFAULTS.seller_id) -> None:
    """Record `event` as an API would (with its change), then commit, as the end of a request does."""
    app.runtime.store.tenant(seller).record(app.runtime.clock.timestamp(), event)
    app.runtime.commit()
