"""The requests the benchmark sends, and the names of the world they run against.

A request is a template: `@SKU@` becomes a random SKU of the world, `@SKU2@` and `@SKU3@` the SKUs
after it, `@ORDER@` a random existing order id and `@NEW@` an id never used before. The same templates drive
the Lua script wrk runs and the Python probe that checks every target answers them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

MARKETPLACE = "ATVPDKIKX0DER"
OUTBOUND = "/fba/outbound/2020-07-01/fulfillmentOrders"
SHIP_TO = (
    '{"name":"Jane Doe","addressLine1":"410 Terry Ave N","city":"Seattle","stateOrRegion":"WA",'
    '"postalCode":"98109","countryCode":"US","phone":"+12065550100"}'
)
LINES = (
    '[{"sellerSku":"@SKU@","sellerFulfillmentOrderItemId":"line-1","quantity":1},'
    '{"sellerSku":"@SKU2@","sellerFulfillmentOrderItemId":"line-2","quantity":2}]'
)
_PLACEHOLDER = re.compile(r"@(SKU|SKU2|SKU3|ORDER|NEW)@")
SKU_FORMAT = "BENCH-SKU-%05d"
ORDER_FORMAT = "BENCH-ORDER-%07d"


def sku_name(n: int) -> str:
    """The n-th SKU of the benchmark world (1-based)."""
    return SKU_FORMAT % n


def order_name(n: int) -> str:
    """The n-th fulfillment order the world starts with (1-based)."""
    return ORDER_FORMAT % n


ORDER_BODY = (
    f'{{"marketplaceId":"{MARKETPLACE}","sellerFulfillmentOrderId":"@NEW@",'
    '"displayableOrderId":"@NEW@","displayableOrderDate":"2026-11-01T12:00:00Z",'
    '"displayableOrderComment":"Thank you for your order",'
    f'"shippingSpeedCategory":"Standard","destinationAddress":{SHIP_TO},"items":{LINES}}}'
)
PREVIEW_BODY = f'{{"marketplaceId":"{MARKETPLACE}","address":{SHIP_TO},"items":{LINES}}}'


def fill(template: str, sku: int, skus: int, order: str, new_id: str) -> str:
    """`template` with its placeholders replaced (`sku` is 1-based; the next ones wrap around)."""
    values = {
        "SKU": sku_name(sku),
        "SKU2": sku_name(sku % skus + 1),
        "SKU3": sku_name((sku + 1) % skus + 1),
        "ORDER": order,
        "NEW": new_id,
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


@dataclass(frozen=True)
class Scenario:
    """One benchmarked call: its name, operation, request templates and the model Prism serves it from."""

    name: str
    operation_id: str
    method: str
    path: str
    body: str | None
    model: str

    def expand(self, rng: random.Random, skus: int, orders: int, new_id: str) -> tuple[str, str | None]:
        """(path, body) with every placeholder filled in at random, as wrk's script does it."""
        sku, order = rng.randint(1, skus), order_name(rng.randint(1, max(orders, 1)))
        body = None if self.body is None else fill(self.body, sku, skus, order, new_id)
        return fill(self.path, sku, skus, order, new_id), body


INVENTORY_MODEL = "models/fba-inventory-api-model/fbaInventory.json"
OUTBOUND_MODEL = "models/fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json"

INVENTORY = (
    f"/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId={MARKETPLACE}"
    f"&marketplaceIds={MARKETPLACE}"
)
SCENARIOS = (
    Scenario(
        "getInventorySummaries",
        "getInventorySummaries",
        "GET",
        f"{INVENTORY}&sellerSkus=@SKU@,@SKU2@,@SKU3@",
        None,
        INVENTORY_MODEL,
    ),
    Scenario(
        "getFulfillmentPreview",
        "getFulfillmentPreview",
        "POST",
        f"{OUTBOUND}/preview",
        PREVIEW_BODY,
        OUTBOUND_MODEL,
    ),
    Scenario(
        "getFulfillmentOrder", "getFulfillmentOrder", "GET", f"{OUTBOUND}/@ORDER@", None, OUTBOUND_MODEL
    ),
    Scenario("getInventorySummaries/page", "getInventorySummaries", "GET", INVENTORY, None, INVENTORY_MODEL),
    Scenario(
        "createFulfillmentOrder", "createFulfillmentOrder", "POST", OUTBOUND, ORDER_BODY, OUTBOUND_MODEL
    ),
)
"""Stock of three SKUs (the call a connector makes per order or per SKU change), a preview, an order
read, a full first page of 50 detailed summaries (the periodic full sync), and an order placed. The
create runs last: it grows the world, so every read is measured on a world of the stated size."""
TARGETED = ("getInventorySummaries", "getFulfillmentPreview", "getInventorySummaries/page")
"""The scenarios the throughput and latency targets are checked on."""
