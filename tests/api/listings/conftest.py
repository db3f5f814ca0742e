"""A driver for Listings tests: listing bodies, and calls on the default seller's listings."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import US, Mcf, mcf  # noqa: F401  (the `mcf` fixture)

CA = "A2EUQ1WTGCTBG2"
ITEMS = f"/listings/2021-08-01/items/{DEFAULTS.seller_id}"


def at(sku: str) -> str:
    """The item path of `sku`, percent-encoded as SP-API requires."""
    return f"{ITEMS}/{quote(sku, safe='')}"


def listing(
    name: str = "Blue mug",
    price: float = 12.5,
    quantity: int | None = 5,
    channel: str = "DEFAULT",
    image: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A LISTING body: product facts, an offer in the US and one fulfillment channel."""
    availability: dict[str, Any] = {"fulfillment_channel_code": channel}
    if quantity is not None:
        availability["quantity"] = quantity
    attributes: dict[str, Any] = {
        "item_name": [{"value": name, "language_tag": "en_US", "marketplace_id": US}],
        "condition_type": [{"value": "new_new"}],
        "purchasable_offer": [
            {
                "marketplace_id": US,
                "currency": "USD",
                "our_price": [{"schedule": [{"value_with_tax": price}]}],
            }
        ],
        "fulfillment_availability": [availability],
        **extra,
    }
    if image:
        attributes["main_product_image_locator"] = [{"media_location": "https://example.com/mug.jpg"}]
    return {"productType": "HOME", "requirements": "LISTING", "attributes": attributes}


def issue(
    code: str,
    message: str,
    attribute: str,
    category: str,
    *,
    severity: str = "ERROR",
    action: str | None = None,
    marketplace: str | None = None,
) -> dict[str, Any]:
    """An `Issue` as SP-API shows it: enforced by `action` if given, about `marketplace` if given."""
    shown: dict[str, Any] = {
        "code": code,
        "message": message,
        "severity": severity,
        "attributeNames": [attribute],
        "categories": [category],
    }
    if action is not None:
        shown["enforcements"] = {"actions": [{"action": action}], "exemption": {"status": "NOT_EXEMPT"}}
    if marketplace is not None:
        shown["marketplaceIds"] = [marketplace]
    return shown


class Listings:
    """Listings calls for the default seller, over HTTP."""

    def __init__(self, mcf: Mcf) -> None:  # noqa: F811
        self.mcf = mcf

    def put(self, sku: str, body: dict[str, Any], marketplace: str = US, **params: Any) -> Any:
        params = {"marketplaceIds": marketplace, **params}
        return self.mcf.call("PUT", at(sku), params=params, json=body)

    def patch(
        self, sku: str, patches: list[dict[str, Any]], product_type: str = "HOME", **params: Any
    ) -> Any:
        return self.mcf.call(
            "PATCH",
            at(sku),
            params={"marketplaceIds": US, **params},
            json={"productType": product_type, "patches": patches},
        )

    def delete(self, sku: str, **params: Any) -> Any:
        return self.mcf.call("DELETE", at(sku), params={"marketplaceIds": US, **params})

    def get(self, sku: str, included: str = "summaries", marketplaces: str = US) -> Any:
        return self.mcf.call(
            "GET", at(sku), params={"marketplaceIds": marketplaces, "includedData": included}
        )

    def item(self, sku: str, included: str = "summaries") -> dict[str, Any]:
        response = self.get(sku, included)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def search(self, **params: Any) -> Any:
        return self.mcf.call("GET", ITEMS, params={"marketplaceIds": US, **params})

    def accepted(self, sku: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.put(sku, body or listing(), includedData="identifiers,issues")
        assert response.status_code == 200 and response.json()["status"] == "ACCEPTED", response.text
        return dict(response.json())

    def processed(self) -> None:
        """Let asynchronous processing of every accepted write finish (and fire it at once)."""
        self.mcf.advance(61)
        self.mcf.runtime.settle()


@pytest.fixture
def listings(mcf: Mcf) -> Listings:  # noqa: F811
    return Listings(mcf)
