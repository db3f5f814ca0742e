"""A seeded world for the contract suite, and the request parts that point generated cases into it.

`seed` builds a small world through the SP-API operations themselves: stocked SKUs, open, held and shipped
orders of both Outbound versions (with their shipment ids and package numbers), a listing, a notification
destination and a subscription. `World.overlay(operation_id)` is a strategy of `Overlay`s: path and query
parameters and top-level body fields drawn from the world (or new ids where the operation creates
something), laid over a case schemathesis generated, so the rest of the request stays generated.
Without it generated ids and SKUs never exist, and the success bodies of most operations go unchecked.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from contracts import world_inbound_transport as inbound_transport
from contracts import world_reports
from contracts.overlays import DROP, Overlay
from contracts.overlays import one as _one
from contracts.overlays import seed_call as _call
from contracts.target import Target
from contracts.workflows import US, WORKFLOWS

SKUS = ("W-MUG", "W-CUP", "W-PEN")
OPEN_ORDERS = ("W-OPEN-1", "W-OPEN-2", "W-OPEN-3")
HELD_ORDER = "W-HELD-1"
SHIPPED_ORDER = "W-SHIPPED-1"
LISTING_SKU = "W-MUG"
SUBSCRIBED = "FULFILLMENT_ORDER_STATUS"
UNSUBSCRIBED = ("ANY_OFFER_CHANGED", "FBA_INVENTORY_AVAILABILITY_CHANGES", "LISTINGS_ITEM_STATUS_CHANGE")


@dataclass(frozen=True)
class World:
    """What `seed` made: the values generated cases are pointed at."""

    seller_id: str
    shipment_id: str
    package_numbers: tuple[int, ...]
    destination_id: str
    spare_destination_id: str  # no subscription uses it, so it can be deleted
    subscription_id: str
    reports: world_reports.ReportsWorld
    fresh: Callable[[], int] = field(default_factory=lambda: itertools.count(1).__next__)
    extras: dict[str, Any] = field(default_factory=dict)  # what the world_<api>.py modules seeded, by API

    def overlay(self, operation_id: str) -> st.SearchStrategy[Overlay]:
        """Overlays for one operation; every operation the emulator serves has some."""
        return OVERLAYS[operation_id](self)

    def new_id(self, prefix: str) -> st.SearchStrategy[str]:
        """A fresh id on every draw (creates must not collide with the world or each other)."""
        return st.builds(lambda: f"{prefix}-{self.fresh()}")


def order_2020(order_id: str, sku: str = "W-MUG", quantity: int = 1, action: str = "Ship") -> dict[str, Any]:
    """The workflows' createFulfillmentOrder body, for one line of `quantity` units of `sku`."""
    return {
        **_workflow_body("createFulfillmentOrder"),
        "sellerFulfillmentOrderId": order_id,
        "displayableOrderId": order_id,
        "fulfillmentAction": action,
        "items": [{"sellerSku": sku, "sellerFulfillmentOrderItemId": "line-1", "quantity": quantity}],
    }


def _workflow_body(operation_id: str) -> dict[str, Any]:
    """The request body the project's workflows send first to `operation_id` (a known-good body)."""
    body: dict[str, Any] = next(
        step.body for workflow in WORKFLOWS for step in workflow.steps if step.operation_id == operation_id
    )
    return body


ADDRESS: dict[str, str] = _workflow_body("createFulfillmentOrder")["destinationAddress"]
LISTING = _workflow_body("putListingsItem")


def seed(target: Target, seller_id: str) -> World:
    """Build the world on a freshly reset target through its SP-API operations."""
    v2020 = "/fba/outbound/2020-07-01/fulfillmentOrders"
    for n, sku in enumerate(SKUS):
        item = {"sellerSku": sku, "marketplaceId": US, "productName": f"World {sku}"}
        _call(target, "createInventoryItem", "/fba/inventory/v1/items", json=item)
        _call(
            target,
            "addInventory",
            "/fba/inventory/v1/items/inventory",
            headers={"x-amzn-idempotency-token": f"world-{n}"},
            json={"inventoryItems": [{"sellerSku": sku, "marketplaceId": US, "quantity": 1000}]},
        )
    for order_id in OPEN_ORDERS:
        _call(target, "createFulfillmentOrder", v2020, json=order_2020(order_id))
    _call(target, "createFulfillmentOrder", v2020, json=order_2020(HELD_ORDER, action="Hold"))
    _call(target, "createFulfillmentOrder", v2020, json=order_2020(SHIPPED_ORDER, quantity=2))
    _call(
        target,
        "submitFulfillmentOrderStatusUpdate",
        f"{v2020}/{SHIPPED_ORDER}/status",
        json={"fulfillmentOrderStatus": "Complete"},
    )
    shipped = _call(target, "getFulfillmentOrder", f"{v2020}/{SHIPPED_ORDER}")["payload"]
    [shipment] = shipped["fulfillmentShipments"]
    packages = tuple(p["packageNumber"] for p in shipment["fulfillmentShipmentPackage"])
    _call(
        target,
        "putListingsItem",
        f"/listings/2021-08-01/items/{seller_id}/{LISTING_SKU}",
        params={"marketplaceIds": US},
        json=LISTING,
    )
    destination, spare = (
        _call(
            target,
            "createDestination",
            "/notifications/v1/destinations",
            json={"name": name, "resourceSpecification": {"sqs": {"arn": _queue(name)}}},
        )["payload"]["destinationId"]
        for name in ("world", "spare")
    )
    subscription = _call(
        target,
        "createSubscription",
        f"/notifications/v1/subscriptions/{SUBSCRIBED}",
        json={"payloadVersion": "1.0", "destinationId": destination},
    )["payload"]["subscriptionId"]
    reports = world_reports.seed(
        lambda *request, **parts: _call(target, *request, **parts),
        lambda value: _configure(target, world_reports.TIMINGS, value),
    )
    world = World(
        seller_id, shipment["amazonShipmentId"], packages, destination, spare, subscription, reports
    )
    world.extras["inbound"] = seed_inbound(target, SKUS[0])
    world.extras["inbound_transport"] = inbound_transport.seed(target, seller_id)
    return world


def _configure(target: Target, key: str, value: dict[str, Any] | None) -> None:
    """Set (or, with None, remove) a behaviour setting of the emulator under test."""
    path = f"/_emulator/config/{key}"
    answer = target.http.put(path, json=value) if value is not None else target.http.delete(path)
    answer.raise_for_status()


def _queue(name: str) -> str:
    return f"arn:aws:sqs:us-east-1:123456789012:{name}"


skus = st.sampled_from(SKUS)
open_orders = st.sampled_from(OPEN_ORDERS)
any_order = st.sampled_from((*OPEN_ORDERS, HELD_ORDER, SHIPPED_ORDER))
MARKETPLACE = {"marketplaceId": US}
LISTING_QUERY = {"marketplaceIds": [US], "issueLocale": DROP}


def _line_2026(sku: Any, line_id: bool = True) -> Any:
    """One 2026 line of one unit of a drawn SKU (an order's lines have ids, a preview's do not)."""
    return st.builds(
        lambda s: [
            {
                **({"lineItemId": "line-1"} if line_id else {}),
                "product": {"productIdentifier": {"amazonSku": s}},
                "amount": {"unit": "EACHES", "value": "1"},
            }
        ],
        sku,
    )


def _order_2026(world: World) -> st.SearchStrategy[Overlay]:
    return _one(
        body={
            "orderId": world.new_id("W-NEW"),
            "destination": {"deliveryAddress": ADDRESS},
            "lineItems": _line_2026(skus),
            "fulfillmentConfiguration": DROP,
            "origin": DROP,
            "services": DROP,
        },
        whole_body=True,
    )


def _forced(id_param: str, status_field: str, statuses: tuple[str, ...]) -> st.SearchStrategy[Overlay]:
    """A sandbox status update of an open order to one of `statuses`."""
    return _one(path={id_param: open_orders}, body={status_field: st.sampled_from(statuses)}, whole_body=True)


def _subscription(world: World) -> st.SearchStrategy[Overlay]:
    return _one(path={"notificationType": SUBSCRIBED, "subscriptionId": world.subscription_id})


OVERLAYS: dict[str, Callable[[World], st.SearchStrategy[Overlay]]] = {
    # FBA Inventory
    "getInventorySummaries": lambda w: _one(
        query={
            "granularityType": "Marketplace",
            "granularityId": US,
            "marketplaceIds": [US],
            "nextToken": DROP,
            "startDateTime": DROP,
            "sellerSkus": st.lists(skus, min_size=1, max_size=3, unique=True),
            "sellerSku": DROP,
        }
    ),
    "createInventoryItem": lambda w: _one(
        body={"sellerSku": w.new_id("W-ITEM"), "marketplaceId": US, "productName": "New item"}
    ),
    "deleteInventoryItem": lambda w: _one(path={"sellerSku": skus}, query=MARKETPLACE),
    "addInventory": lambda w: _one(
        headers={"x-amzn-idempotency-token": w.new_id("token")},
        body={
            "inventoryItems": st.lists(
                st.fixed_dictionaries(
                    {"sellerSku": skus, "marketplaceId": st.just(US), "quantity": st.integers(1, 50)}
                ),
                min_size=1,
                max_size=3,
            )
        },
        whole_body=True,
    ),
    # Fulfillment Outbound 2020-07-01
    "getFulfillmentPreview": lambda w: _one(
        body={
            "address": ADDRESS,
            "marketplaceId": US,
            "items": st.builds(
                lambda s: [{"sellerSku": s, "quantity": 1, "sellerFulfillmentOrderItemId": "line-1"}], skus
            ),
            "featureConstraints": DROP,
        }
    ),
    "deliveryOffers": lambda w: _one(
        body={
            "product": st.builds(
                lambda s: {
                    "productIdentifier": {"merchantSku": s},
                    "amount": {"unitOfMeasure": "Eaches", "value": "1"},
                },
                skus,
            ),
            "terms": {
                "origin": {"countryCode": "US"},
                "destination": {"deliveryAddress": {"postalCode": "98101", "countryCode": "US"}},
            },
        },
        whole_body=True,
    ),
    "listAllFulfillmentOrders": lambda w: _one(query={"queryStartDate": DROP, "nextToken": DROP}),
    "createFulfillmentOrder": lambda w: _one(
        body=st.builds(lambda n, s: order_2020(n, s), w.new_id("W-NEW"), skus), whole_body=True
    ),
    "getPackageTrackingDetails": lambda w: _one(
        query={"packageNumber": st.sampled_from(w.package_numbers), "amazonFulfillmentTrackingNumber": DROP}
    ),
    "listReturnReasonCodes": lambda w: _one(
        query={"sellerSku": skus, "marketplaceId": US, "sellerFulfillmentOrderId": DROP, "language": DROP}
    ),
    "createFulfillmentReturn": lambda w: _one(
        path={"sellerFulfillmentOrderId": SHIPPED_ORDER},
        body=st.builds(
            lambda n: {
                "items": [
                    {
                        "sellerReturnItemId": n,
                        "sellerFulfillmentOrderItemId": "line-1",
                        "amazonShipmentId": w.shipment_id,
                        "returnReasonCode": "DEFECTIVE",
                    }
                ]
            },
            w.new_id("W-RETURN"),
        ),
        whole_body=True,
    ),
    "getFulfillmentOrder": lambda w: _one(path={"sellerFulfillmentOrderId": any_order}),
    "updateFulfillmentOrder": lambda w: _one(
        path={"sellerFulfillmentOrderId": open_orders},
        body={"displayableOrderComment": st.sampled_from(("Updated", "Thanks again"))},
        whole_body=True,
    ),
    "cancelFulfillmentOrder": lambda w: _one(path={"sellerFulfillmentOrderId": open_orders}),
    "submitFulfillmentOrderStatusUpdate": lambda w: _forced(
        "sellerFulfillmentOrderId",
        "fulfillmentOrderStatus",
        ("Planning", "Processing", "Complete", "Cancelled"),
    ),
    "getFeatures": lambda w: _one(query=MARKETPLACE),
    "getFeatureInventory": lambda w: _one(
        path={"featureName": st.sampled_from(("BLANK_BOX", "BLOCK_AMZL"))},
        query={"marketplaceId": US, "nextToken": DROP, "queryStartDate": DROP},
    ),
    "getFeatureSKU": lambda w: _one(
        path={"featureName": st.sampled_from(("BLANK_BOX", "BLOCK_AMZL")), "sellerSku": skus},
        query=MARKETPLACE,
    ),
    # Fulfillment Outbound 2026-07-04
    "getOrderPreview": lambda w: _one(
        body={"destination": {"deliveryAddress": ADDRESS}, "lineItems": _line_2026(skus, line_id=False)},
        whole_body=True,
    ),
    "getOffers": lambda w: _one(
        body={
            "origin": {"countryCode": "US"},
            "items": st.builds(lambda s: [{"productIdentifier": {"amazonSku": s}}], skus),
        },
        whole_body=True,
    ),
    "cancelOrder": lambda w: _one(path={"orderId": open_orders}),
    "updateOrderStatus": lambda w: _forced("orderId", "status", ("COMPLETE", "CANCELLED")),
    "updatePackage": lambda w: _one(
        path={"orderId": SHIPPED_ORDER, "packageId": st.sampled_from([str(n) for n in w.package_numbers])},
        body={"status": st.sampled_from(("DELIVERED", "DELAYED"))},
        whole_body=True,
    ),
    "getOrder": lambda w: _one(path={"orderId": any_order}, query={"shipments": DROP}),
    "updateOrder": lambda w: _one(
        path={"orderId": HELD_ORDER},
        body={"fulfillmentConfiguration": {"action": "SHIP"}},
        whole_body=True,
    ),
    "listOrders": lambda w: _one(query={"nextToken": DROP, "startDate": DROP, "endDate": DROP}),
    "createOrder": _order_2026,
    # Listings Items 2021-08-01
    "getListingsItem": lambda w: _one(
        path={"sellerId": w.seller_id, "sku": LISTING_SKU}, query={**LISTING_QUERY, "includedData": DROP}
    ),
    "putListingsItem": lambda w: _one(
        path={"sellerId": w.seller_id, "sku": w.new_id("W-LISTED")},
        query={**LISTING_QUERY, "mode": DROP, "includedData": DROP},
        body=LISTING,
        whole_body=True,
    ),
    "patchListingsItem": lambda w: _one(
        path={"sellerId": w.seller_id, "sku": LISTING_SKU},
        query={**LISTING_QUERY, "mode": DROP, "includedData": DROP},
        body={
            "productType": "PRODUCT",
            "patches": [
                {"op": "replace", "path": "/attributes/item_name", "value": [{"value": "Renamed mug"}]}
            ],
        },
        whole_body=True,
    ),
    "deleteListingsItem": lambda w: _one(
        path={"sellerId": w.seller_id, "sku": LISTING_SKU}, query=LISTING_QUERY
    ),
    "searchListingsItems": lambda w: _one(
        path={"sellerId": w.seller_id},
        query={
            "marketplaceIds": [US],
            "identifiers": DROP,
            "identifiersType": DROP,
            "pageToken": DROP,
            "issueLocale": DROP,
            "createdAfter": DROP,
            "createdBefore": DROP,
            "lastUpdatedAfter": DROP,
            "lastUpdatedBefore": DROP,
            "withIssueSeverity": DROP,
            "withStatus": DROP,
            "withoutStatus": DROP,
            "sortBy": DROP,
            "sortOrder": DROP,
        },
    ),
    # Notifications v1
    "getSubscriptions": lambda w: _one(query={"notificationTypes": [SUBSCRIBED], "nextToken": DROP}),
    "getSubscription": lambda w: _one(path={"notificationType": SUBSCRIBED}, query={"payloadVersion": DROP}),
    "createSubscription": lambda w: _one(
        path={"notificationType": st.sampled_from(UNSUBSCRIBED)},
        body={"payloadVersion": "1.0", "destinationId": w.destination_id, "processingDirective": DROP},
        whole_body=True,
    ),
    "getSubscriptionById": _subscription,
    "deleteSubscriptionById": _subscription,
    "sendTestNotification": lambda w: _one(
        path={"notificationType": SUBSCRIBED},
        body={
            "destinationId": w.destination_id,
            "testNotification": {"payloadVersion": "1.0", "testScenario": "order"},
        },
        whole_body=True,
    ),
    "getDestinations": lambda w: _one(),
    "createDestination": lambda w: _one(
        body=st.builds(
            lambda n: {"name": n, "resourceSpecification": {"sqs": {"arn": _queue(n)}}}, w.new_id("queue")
        ),
        whole_body=True,
    ),
    "getDestination": lambda w: _one(path={"destinationId": w.destination_id}),
    "deleteDestination": lambda w: _one(path={"destinationId": w.spare_destination_id}),
}


def _reports(operation_id: str) -> Callable[[World], st.SearchStrategy[Overlay]]:
    return lambda w: _one(**world_reports.parts(operation_id, w.reports, DROP))


OVERLAYS.update({op: _reports(op) for op in world_reports.OPERATIONS})

from contracts.world_inbound import INBOUND_OVERLAYS, seed_inbound  # noqa: E402  (it builds on the above)

OVERLAYS.update(INBOUND_OVERLAYS)

OVERLAYS.update(inbound_transport.TRANSPORT_OVERLAYS)
