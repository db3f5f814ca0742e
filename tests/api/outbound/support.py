"""A small driver for MCF tests: stock SKUs, place orders, read them back, move the clock."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from starlette.testclient import TestClient

from emulator.runtime import Runtime
from emulator.state.config import CONFIG, Setting
from tests.conftest import issue_token

US = "ATVPDKIKX0DER"
INVENTORY = "/fba/inventory/v1"
V2020 = "/fba/outbound/2020-07-01"
V2026 = "/fulfillment/outbound/2026-07-04"
JP = "A1VC38T7YXB528"
JP_ADDRESS = {
    "name": "Taro",
    "addressLine1": "1-1 Chiyoda",
    "stateOrRegion": "Tokyo",
    "postalCode": "100-0001",
    "countryCode": "JP",
}
ADDRESS = {
    "name": "Jane Doe",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
}


def order_body(order_id: str, sku: str = "MUG-01", quantity: int = 1) -> dict[str, Any]:
    """A createFulfillmentOrder (2020-07-01) body for one line of `quantity` units of `sku`."""
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


class Mcf:
    """Drives one seller through the HTTP API of the emulator under test."""

    def __init__(self, client: TestClient, runtime: Runtime) -> None:
        self.client = client
        self.runtime = runtime
        self.headers = {"x-amz-access-token": issue_token(client)}
        self._tokens = itertools.count(1)

    def advance(self, seconds: float) -> None:
        """Move the emulator clock (and fetch a fresh access token, the old one may have expired)."""
        self.runtime.clock.advance(seconds)
        self.headers = {"x-amz-access-token": issue_token(self.client)}

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.client.request(
            method, path, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs
        )

    def stock(self, sku: str, quantity: int = 0, marketplace: str = US) -> None:
        response = self.call(
            "POST",
            f"{INVENTORY}/items",
            json={"sellerSku": sku, "marketplaceId": marketplace, "productName": f"Product {sku}"},
        )
        assert response.status_code == 200, response.text
        if quantity:
            self.add(sku, quantity, marketplace)

    def add(self, sku: str, quantity: int, marketplace: str = US) -> Any:
        response = self.call(
            "POST",
            f"{INVENTORY}/items/inventory",
            headers={"x-amzn-idempotency-token": f"token-{next(self._tokens)}"},
            json={"inventoryItems": [{"sellerSku": sku, "marketplaceId": marketplace, "quantity": quantity}]},
        )
        assert response.status_code == 200, response.text
        return response

    def details(self, sku: str, marketplace: str = US) -> dict[str, Any]:
        """`inventoryDetails` plus `totalQuantity` of one SKU."""
        response = self.call(
            "GET",
            f"{INVENTORY}/summaries",
            params={
                "details": "true",
                "granularityType": "Marketplace",
                "granularityId": marketplace,
                "marketplaceIds": marketplace,
                "sellerSku": sku,
            },
        )
        assert response.status_code == 200, response.text
        summary = response.json()["payload"]["inventorySummaries"][0]
        return {**summary["inventoryDetails"], "totalQuantity": summary["totalQuantity"]}

    def create(self, order_id: str, lines: dict[str, int], **fields: Any) -> Any:
        """createFulfillmentOrder (2020-07-01); `lines` maps SKU to quantity, line ids are the SKUs."""
        body = order_body(order_id)
        del body["marketplaceId"]  # chosen by the emulator from the destination unless a test names it
        body["items"] = [
            {"sellerSku": sku, "sellerFulfillmentOrderItemId": sku, "quantity": qty}
            for sku, qty in lines.items()
        ]
        body.update(fields)
        return self.call("POST", f"{V2020}/fulfillmentOrders", json=body)

    def order(self, order_id: str) -> dict[str, Any]:
        response = self.call("GET", f"{V2020}/fulfillmentOrders/{order_id}")
        assert response.status_code == 200, response.text
        return response.json()["payload"]

    def status_of(self, order_id: str) -> str:
        return str(self.order(order_id)["fulfillmentOrder"]["fulfillmentOrderStatus"])

    def set_status(self, order_id: str, status: str) -> Any:
        return self.call(
            "PUT", f"{V2020}/fulfillmentOrders/{order_id}/status", json={"fulfillmentOrderStatus": status}
        )

    def cancel(self, order_id: str) -> Any:
        return self.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}/cancel")

    def return_shipped(self, order_id: str, reason: str = "DEFECTIVE") -> None:
        """Ask to return every shipped line of an order (one unit each; repeats are DuplicateRequests)."""
        order = self.call("GET", f"{V2020}/fulfillmentOrders/{order_id}")
        if order.status_code != 200:
            return
        for shipment in order.json()["payload"].get("fulfillmentShipments", []):
            for line in shipment["fulfillmentShipmentItem"]:
                line_id = line["sellerFulfillmentOrderItemId"]
                item = {
                    "sellerReturnItemId": f"{shipment['amazonShipmentId']}-{line_id}",
                    "sellerFulfillmentOrderItemId": line_id,
                    "amazonShipmentId": shipment["amazonShipmentId"],
                    "returnReasonCode": reason,
                }
                self.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}/return", json={"items": [item]})

    def set_timings(self, **seconds: float) -> None:
        """Override lifecycle delays the way the control plane does (a config record)."""
        self.runtime.store.shared.table(CONFIG).put("outbound.timings", Setting(value=seconds))


@pytest.fixture
def mcf(client: TestClient, runtime: Runtime) -> Mcf:
    """The default seller, driven over HTTP; lifecycle timings back at their defaults."""
    runtime.store.shared.table(CONFIG).delete("outbound.timings")
    return Mcf(client, runtime)


@pytest.fixture
def japan(mcf: Mcf, client: TestClient, runtime: Runtime) -> Mcf:
    """The driver re-pointed at a seller who sells in Japan, with 10 TEA in stock there."""
    runtime.accounts.add_seller("A3JAPANSELLER", [JP])
    token = runtime.accounts.add_refresh_token("amzn1.application-oa2-client.mcfemulator", "A3JAPANSELLER")
    mcf.headers = {"x-amz-access-token": issue_token(client, token)}
    mcf.stock("TEA", 10, marketplace=JP)
    return mcf
