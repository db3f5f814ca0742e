"""Helpers shared by the control-plane tests: tokens and request bodies for the live server."""

from __future__ import annotations

from typing import Any

import httpx

from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime

US = "ATVPDKIKX0DER"
V2020 = "/fba/outbound/2020-07-01"
INVENTORY = "/fba/inventory/v1"
ADDRESS = {
    "name": "Jane Doe",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
}


def token(http: httpx.Client, refresh_token: str = DEFAULTS.refresh_token) -> str:
    response = http.post(
        "/auth/o2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": DEFAULTS.client_id,
            "client_secret": DEFAULTS.client_secret,
        },
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def order_body(order_id: str, sku: str = "MUG-01", quantity: int = 1) -> dict[str, Any]:
    return {
        "sellerFulfillmentOrderId": order_id,
        "displayableOrderId": order_id,
        "displayableOrderDate": "2026-01-02T03:04:05Z",
        "displayableOrderComment": "Thank you",
        "shippingSpeedCategory": "Standard",
        "destinationAddress": ADDRESS,
        "marketplaceId": US,
        "items": [{"sellerSku": sku, "sellerFulfillmentOrderItemId": "line-1", "quantity": quantity}],
    }


def preview_body(sku: str = "MUG-01") -> dict[str, Any]:
    return {
        "marketplaceId": US,
        "address": ADDRESS,
        "items": [{"sellerSku": sku, "sellerFulfillmentOrderItemId": "line-1", "quantity": 1}],
    }


def summaries(http: httpx.Client, auth: dict[str, str], **extra: str) -> httpx.Response:
    return http.get(
        f"{INVENTORY}/summaries",
        headers={**auth, **extra},
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    )


def stock(live: Runtime, sku: str = "MUG-01", quantity: int = 20) -> None:
    """Seed a SKU with units through the control plane (which runs the inventory operations)."""
    live.control.seed({"inventory": [{"sku": sku, "quantity": quantity}]})
