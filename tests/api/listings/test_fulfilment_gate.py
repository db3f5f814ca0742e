"""Listings gate fulfilment: only a SKU with an offer fulfilled by Amazon in the marketplace previews as
fulfillable, reserves stock or ships, in both Outbound versions."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from emulator.apis.inventory.events import InventoryAvailabilityChanged
from emulator.apis.inventory.records import InventoryItem
from emulator.apis.listings.records import Listing
from emulator.state.events import EventQuery
from tests.api.listings.conftest import Listings, listing
from tests.api.outbound.support import ADDRESS, US, V2020, V2026, Mcf

NO_OFFER = "InvalidSKU"
STOCK_MOVES = frozenset({InventoryAvailabilityChanged.type_name()})
AMAZON = [{"fulfillment_channel_code": "AMAZON_NA"}]


def preview_2020(mcf: Mcf, sku: str, quantity: int = 1) -> dict[str, Any]:
    """The Standard preview of `quantity` units of `sku`."""
    body = {
        "address": ADDRESS,
        "items": [{"sellerSku": sku, "quantity": quantity, "sellerFulfillmentOrderItemId": "L1"}],
        "shippingSpeedCategories": ["Standard"],
    }
    response = mcf.call("POST", f"{V2020}/fulfillmentOrders/preview", json=body)
    assert response.status_code == 200, response.text
    [found] = response.json()["payload"]["fulfillmentPreviews"]
    return dict(found)


def preview_2026(mcf: Mcf, sku: str) -> dict[str, Any]:
    body = {
        "destination": {"deliveryAddress": ADDRESS},
        "lineItems": [{"product": {"productIdentifier": {"amazonSku": sku}}, "amount": {"value": "1"}}],
    }
    response = mcf.call("POST", f"{V2026}/previews", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def offers_2026(mcf: Mcf, sku: str) -> dict[str, Any]:
    body = {"origin": {"countryCode": "US"}, "items": [{"productIdentifier": {"amazonSku": sku}}]}
    response = mcf.call("POST", f"{V2026}/offers", json=body)
    assert response.status_code == 200, response.text
    [result] = response.json()["offerResults"]
    return dict(result)


def create_2026(mcf: Mcf, order_id: str, sku: str, policy: str) -> dict[str, Any]:
    body = {
        "orderId": order_id,
        "destination": {"deliveryAddress": ADDRESS},
        "lineItems": [
            {
                "lineItemId": "L1",
                "product": {"productIdentifier": {"amazonSku": sku}},
                "amount": {"unit": "EACHES", "value": "2"},
            }
        ],
        "fulfillmentConfiguration": {"policy": policy},
    }
    response = mcf.call("POST", f"{V2026}/orders", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json()["order"])


def fulfillable(mcf: Mcf, sku: str) -> bool:
    return bool(preview_2020(mcf, sku)["isFulfillable"])


def untouched(mcf: Mcf, sku: str, units: int) -> None:
    """All `units` of `sku` are still fulfillable: nothing was reserved or shipped."""
    details = mcf.details(sku)
    assert details["fulfillableQuantity"] == units, details
    assert details["reservedQuantity"]["totalReservedQuantity"] == 0, details
    assert details["totalQuantity"] == units, details


@pytest.fixture
def unlisted(listings: Listings, mcf: Mcf) -> str:
    """A SKU with 5 fulfillable units whose listing (createInventoryItem's implicit offer) was deleted."""
    mcf.stock("MUG", 5)
    assert fulfillable(mcf, "MUG")
    deleted = listings.delete("MUG")
    assert deleted.status_code == 200 and deleted.json()["status"] == "ACCEPTED", deleted.text
    return "MUG"


def test_a_sku_without_an_fba_offer_previews_as_unfulfillable(unlisted, mcf):
    found = preview_2020(mcf, unlisted)
    assert found["isFulfillable"] is False
    assert found["unfulfillablePreviewItems"] == [
        {
            "sellerSku": unlisted,
            "quantity": 1,
            "sellerFulfillmentOrderItemId": "L1",
            "itemUnfulfillableReasons": [NO_OFFER],
        }
    ]
    assert found.get("fulfillmentPreviewShipments", []) == []
    assert "estimatedFees" not in found


def test_2026_previews_and_offers_name_the_missing_offer(unlisted, mcf):
    previewed = preview_2026(mcf, unlisted)
    assert previewed["plannedShipments"] == []
    [constraint] = previewed["constraints"]
    assert constraint["code"] == "InvalidSku"
    assert "no offer fulfilled by Amazon" in constraint["message"]
    assert constraint["details"] == [{"type": "amazonSku", "value": unlisted}]
    offered = offers_2026(mcf, unlisted)
    assert offered["offers"] == []
    assert [c["code"] for c in offered["constraints"]] == ["InvalidSku"]


def test_2020_delivery_offers_have_none_for_an_unlisted_sku(unlisted, mcf):
    body = {
        "product": {
            "productIdentifier": {"merchantSku": unlisted},
            "amount": {"unitOfMeasure": "Eaches", "value": "1"},
        },
        "terms": {
            "origin": {"countryCode": "US"},
            "destination": {"deliveryAddress": {"postalCode": "98101", "countryCode": "US"}},
        },
    }
    response = mcf.call("POST", f"{V2020}/deliveryOffers", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["payload"]["deliveryOffers"] == []


@pytest.mark.parametrize(
    ("policy", "status"),
    [("FillOrKill", "Invalid"), ("FillAllAvailable", "Unfulfillable"), ("FillAll", "Unfulfillable")],
)
def test_2020_orders_end_by_their_policy_and_never_reserve(unlisted, mcf, policy, status):
    created = mcf.create("O-1", {unlisted: 2}, fulfillmentPolicy=policy)
    assert created.status_code == 200, created.text
    untouched(mcf, unlisted, 5)
    mcf.advance(2 * 86400)  # past picking and FillAll's 24-hour deadline
    assert mcf.status_of("O-1") == status
    [line] = mcf.order("O-1")["fulfillmentOrderItems"]
    assert (line["unfulfillableQuantity"], line["cancelledQuantity"]) == (2, 0)
    untouched(mcf, unlisted, 5)


@pytest.mark.parametrize(
    ("policy", "status"), [("FILL_OR_KILL", "INVALID"), ("FILL_ALL_AVAILABLE", "UNFULFILLABLE")]
)
def test_2026_orders_end_by_their_policy_and_never_reserve(unlisted, mcf, policy, status):
    assert create_2026(mcf, "N-1", unlisted, policy)["status"] == status
    untouched(mcf, unlisted, 5)


def test_a_merchant_fulfilled_listing_is_not_an_fba_offer(listings, mcf):
    mcf.stock("MUG", 5)
    listings.accepted("MUG", listing(channel="DEFAULT", quantity=3))
    assert fulfillable(mcf, "MUG")  # the write counts once processed; until then the implicit offer stands
    listings.processed()
    assert preview_2020(mcf, "MUG")["unfulfillablePreviewItems"][0]["itemUnfulfillableReasons"] == [NO_OFFER]


def test_an_amazon_channel_listing_is_an_fba_offer(listings, mcf):
    mcf.stock("MUG", 5)
    listings.accepted("MUG", listing(channel="AMAZON_NA", quantity=None))
    listings.processed()
    assert fulfillable(mcf, "MUG")
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 2


def test_a_new_amazon_listing_counts_once_processing_completes(unlisted, listings, mcf):
    listings.accepted(unlisted, listing(channel="AMAZON_NA", quantity=None))
    assert not fulfillable(mcf, unlisted)
    listings.processed()
    assert fulfillable(mcf, unlisted)


def test_patching_an_amazon_channel_on_restores_fulfilment_once_processed(listings, mcf):
    mcf.stock("MUG", 5)
    listings.accepted("MUG", listing(channel="DEFAULT", quantity=3))
    listings.processed()
    assert not fulfillable(mcf, "MUG")
    patched = listings.patch(
        "MUG", [{"op": "replace", "path": "/attributes/fulfillment_availability", "value": AMAZON}]
    )
    assert patched.json()["status"] == "ACCEPTED", patched.text
    assert not fulfillable(mcf, "MUG")  # still processing
    listings.processed()
    assert fulfillable(mcf, "MUG")
    assert create_2026(mcf, "N-1", "MUG", "FILL_OR_KILL")["status"] == "PROCESSING"
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 2


def test_deleting_a_listing_removes_the_offer_and_the_implicit_one(listings, mcf):
    mcf.stock("MUG", 5)
    listings.accepted("MUG", listing(channel="AMAZON_NA", quantity=None))
    listings.processed()
    assert listings.delete("MUG").status_code == 200
    assert not fulfillable(mcf, "MUG")  # createInventoryItem's implicit offer went with the listing
    assert listings.delete("MUG").status_code == 400  # nothing left to delete


def test_an_order_whose_sku_loses_its_offer_before_picking_ships_nothing(listings, mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 2}).status_code == 200
    assert mcf.details("MUG")["reservedQuantity"]["pendingCustomerOrderQuantity"] == 2
    assert listings.delete("MUG").status_code == 200
    mcf.advance(2 * 86400)
    assert mcf.status_of("O-1") == "Unfulfillable"
    assert mcf.order("O-1").get("fulfillmentShipments", []) == []
    untouched(mcf, "MUG", 5)


def test_inventory_summaries_show_the_listing_product_name(listings, mcf):
    mcf.stock("MUG", 1)
    assert summary_name(mcf) == "Product MUG"
    listings.accepted("MUG", listing(name="Blue ceramic mug", channel="AMAZON_NA", quantity=None))
    assert summary_name(mcf) == "Blue ceramic mug"
    mcf.add("MUG", 1)  # the stock event (and its notification) names the product alike
    [moved] = [e.event for e in mcf.runtime.store.events.query(EventQuery(types=STOCK_MOVES))][-1:]
    assert moved.product_name == "Blue ceramic mug"
    listings.delete("MUG")
    assert summary_name(mcf) == "Product MUG"


def summary_name(mcf: Mcf) -> str:
    response = mcf.call(
        "GET",
        "/fba/inventory/v1/summaries",
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    )
    assert response.status_code == 200, response.text
    [summary] = response.json()["payload"]["inventorySummaries"]
    return str(summary["productName"])


def test_records_of_older_snapshots_keep_their_offers():
    """Before the gate, every SKU with stock was fulfillable; records written then still decode that way."""
    item = msgspec.convert(
        {
            "seller_sku": "MUG",
            "marketplace_id": US,
            "product_name": "Mug",
            "fn_sku": "X001",
            "asin": "B001",
            "unit_weight_lb": 1.0,
            "updated_at": 0.0,
        },
        InventoryItem,
    )
    assert item.implicit_offer
    old = msgspec.convert({"sku": "MUG", "marketplace_id": US, "created_at": 0.0, "live": True}, Listing)
    assert old.fba_offer
