"""Stateful sequences: concrete first requests, then each later step reached through a project link.

A `Step` names its operation, the earlier step whose exchange feeds it (`via`, resolved with the
link `links.py` defines from that operation and status), its own fixed inputs, the status it must
get and JSON-pointer expectations on the answer. Every answer also goes through the suite's checks.
`{run}` in any string is replaced by a token unique to the run, so remote targets (never reset)
get fresh SKUs and order ids each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

US = "ATVPDKIKX0DER"
_ADDRESS = {
    "name": "Jane Doe",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
}


@dataclass(frozen=True)
class Step:
    """One call of a workflow."""

    operation_id: str
    via: int | None = None
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    status: int | None = None  # default: any 2xx the model declares for the operation
    expect: dict[str, Any] = field(default_factory=dict)  # JSON pointer -> value in the response body


@dataclass(frozen=True)
class Workflow:
    """A named sequence of steps."""

    name: str
    steps: tuple[Step, ...]


def _stock(sku: str, quantity: int) -> tuple[Step, ...]:
    return (
        Step(
            "createInventoryItem",
            body={"sellerSku": sku, "marketplaceId": US, "productName": f"Product {sku}"},
        ),
        Step(
            "addInventory",
            headers={"x-amzn-idempotency-token": f"stock-{sku}"},
            body={"inventoryItems": [{"sellerSku": sku, "marketplaceId": US, "quantity": quantity}]},
        ),
        Step(
            "getInventorySummaries",
            via=0,
            query={"granularityType": "Marketplace", "details": "true"},
            expect={"/payload/inventorySummaries/0/totalQuantity": quantity},
        ),
    )


_ORDER_2020 = {
    "sellerFulfillmentOrderId": "WF-2020{run}",
    "displayableOrderId": "WF-2020{run}",
    "displayableOrderDate": "2026-01-02T03:04:05Z",
    "displayableOrderComment": "Thank you",
    "shippingSpeedCategory": "Standard",
    "destinationAddress": _ADDRESS,
    "items": [{"sellerSku": "WF-MUG{run}", "sellerFulfillmentOrderItemId": "line-1", "quantity": 2}],
}
_ORDER_2026 = {
    "orderId": "WF-2026{run}",
    "destination": {"deliveryAddress": _ADDRESS},
    "origin": {"countryCode": "US"},
    "fulfillmentConfiguration": {"action": "HOLD"},
    "lineItems": [
        {
            "lineItemId": "line-1",
            "product": {"productIdentifier": {"amazonSku": "WF-MUG{run}"}},
            "amount": {"unit": "EACHES", "value": "2"},
        }
    ],
}
_STATUS_2020 = "/payload/fulfillmentOrder/fulfillmentOrderStatus"
_PLAN = {
    "destinationMarketplaces": [US],
    "name": "Workflow plan",
    "sourceAddress": {
        **{k: v for k, v in _ADDRESS.items() if k != "stateOrRegion"},
        "stateOrProvinceCode": "WA",
        "phoneNumber": "2065550100",
    },
    "items": [{"msku": "WF-MUG{run}", "labelOwner": "SELLER", "prepOwner": "SELLER", "quantity": 12}],
}

WORKFLOWS: tuple[Workflow, ...] = (
    Workflow(
        "outbound 2020-07-01: stock -> create -> get -> update -> get -> cancel -> get",
        (
            *_stock("WF-MUG{run}", 10),
            Step("createFulfillmentOrder", body=_ORDER_2020),
            Step(
                "getFulfillmentOrder",
                via=3,
                expect={"/payload/fulfillmentOrder/sellerFulfillmentOrderId": "WF-2020{run}"},
            ),
            Step("updateFulfillmentOrder", via=3, body={"displayableOrderComment": "Updated comment"}),
            Step(
                "getFulfillmentOrder",
                via=5,
                expect={"/payload/fulfillmentOrder/displayableOrderComment": "Updated comment"},
            ),
            Step("cancelFulfillmentOrder", via=3),
            Step("getFulfillmentOrder", via=7, expect={_STATUS_2020: "Cancelled"}),
        ),
    ),
    Workflow(
        "outbound 2026-07-04: stock -> create (hold) -> get -> cancel -> get",
        (
            *_stock("WF-MUG{run}", 10),
            Step("createOrder", body=_ORDER_2026),
            Step("getOrder", via=3, expect={"/order/orderId": "WF-2026{run}"}),
            Step("cancelOrder", via=3),
            Step("getOrder", via=5, expect={"/order/status": "CANCELLED"}),
        ),
    ),
    Workflow(
        # The later steps wait for each operation to end on the clock, which a workflow cannot do; the
        # emulator's own tests (tests/api/inbound) and the end-to-end flow take them.
        "inbound 2024-03-20: stock -> plan -> operation status -> plan -> items",
        (
            *_stock("WF-MUG{run}", 1),
            Step("createInboundPlan", body=_PLAN),
            Step("getInboundOperationStatus", via=3),
            Step("getInboundPlan", via=3, expect={"/name": "Workflow plan"}),
            Step(
                "listInboundPlanItems",
                via=3,
                expect={"/items/0/msku": "WF-MUG{run}", "/items/0/quantity": 12},
            ),
        ),
    ),
    Workflow(
        "notifications: destination -> get -> delete",
        (
            Step(
                "createDestination",
                body={
                    "name": "workflow",
                    "resourceSpecification": {"sqs": {"arn": "arn:aws:sqs:us-east-1:123456789012:workflow"}},
                },
            ),
            Step("getDestination", via=0),
            Step("deleteDestination", via=0),
        ),
    ),
    Workflow(
        "reports: request -> get -> cancel",
        (
            Step("createReport", body={"reportType": "GET_AFN_INVENTORY_DATA", "marketplaceIds": [US]}),
            Step("getReport", via=0),
            Step("cancelReport", via=0),
        ),
    ),
    Workflow(
        "listings: put -> get -> patch -> delete",
        (
            Step(
                "putListingsItem",
                path={"sellerId": "A1MCFEMULATOR1", "sku": "WF-MUG{run}"},
                query={"marketplaceIds": US},
                # A complete listing: an empty `attributes` is INVALID (HTTP 200, nothing stored) on
                # Amazon and on the stateful emulator alike, and the following get would then be a 404.
                body={
                    "productType": "PRODUCT",
                    "requirements": "LISTING",
                    "attributes": {
                        "item_name": [{"value": "Workflow mug", "marketplace_id": US}],
                        "condition_type": [{"value": "new_new"}],
                        "purchasable_offer": [
                            {
                                "marketplace_id": US,
                                "currency": "USD",
                                "our_price": [{"schedule": [{"value_with_tax": 9.99}]}],
                            }
                        ],
                        "fulfillment_availability": [{"fulfillment_channel_code": "DEFAULT", "quantity": 3}],
                    },
                },
                expect={"/status": "ACCEPTED"},
            ),
            Step("getListingsItem", via=0, expect={"/sku": "WF-MUG{run}"}),
            Step(
                "patchListingsItem",
                via=0,
                body={
                    "productType": "PRODUCT",
                    "patches": [
                        {
                            "op": "replace",
                            "path": "/attributes/item_name",
                            "value": [{"value": "Workflow mug, renamed"}],
                        }
                    ],
                },
                expect={"/status": "ACCEPTED"},
            ),
            Step("deleteListingsItem", via=0),
        ),
    ),
)
