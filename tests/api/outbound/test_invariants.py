"""Unit accounting under arbitrary operation sequences (hypothesis), and no overselling under concurrency."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.service import BUCKETS
from emulator.apis.outbound import records
from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import ADDRESS, V2020, Mcf

SKUS = ("A", "B")
ORDER_IDS = ("O1", "O2", "O3", "O4")
STATUSES = (
    "Received",
    "Planning",
    "Processing",
    "Complete",
    "CompletePartialled",
    "Unfulfillable",
    "Invalid",
    "Cancelled",
)

actions = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(SKUS), st.integers(1, 6)),
    st.tuples(
        st.just("create"),
        st.sampled_from(ORDER_IDS),
        st.dictionaries(st.sampled_from(SKUS), st.integers(1, 5), min_size=1),
        st.sampled_from(("FillOrKill", "FillAll", "FillAllAvailable")),
        st.sampled_from(("Ship", "Hold")),
    ),
    st.tuples(
        st.just("update"),
        st.sampled_from(ORDER_IDS),
        st.sampled_from(SKUS),
        st.integers(1, 6),
        st.sampled_from(("Ship", "Hold")),
    ),
    st.tuples(st.just("cancel"), st.sampled_from(ORDER_IDS)),
    st.tuples(st.just("status"), st.sampled_from(ORDER_IDS), st.sampled_from(STATUSES)),
    st.tuples(st.just("advance"), st.sampled_from((60, 3600, 3 * 3600, 86400, 15 * 86400))),
    st.tuples(st.just("return"), st.sampled_from(ORDER_IDS)),
)


def apply(mcf: Mcf, action: tuple) -> None:
    kind, *args = action
    if kind == "add":
        mcf.add(args[0], args[1])
    elif kind == "create":
        order_id, lines, policy, how = args
        mcf.create(order_id, lines, fulfillmentPolicy=policy, fulfillmentAction=how)
    elif kind == "update":
        order_id, sku, quantity, how = args
        mcf.call(
            "PUT",
            f"{V2020}/fulfillmentOrders/{order_id}",
            json={
                "fulfillmentAction": how,
                "items": [{"sellerFulfillmentOrderItemId": sku, "quantity": quantity}],
            },
        )
    elif kind == "cancel":
        mcf.cancel(args[0])
    elif kind == "status":
        mcf.set_status(args[0], args[1])
    elif kind == "advance":
        mcf.advance(args[0])
    else:
        return_everything(mcf, args[0])


def return_everything(mcf: Mcf, order_id: str) -> None:
    """Ask to return every shipped line of an order (one unit each; repeats are DuplicateRequests)."""
    order = mcf.call("GET", f"{V2020}/fulfillmentOrders/{order_id}")
    if order.status_code != 200:
        return
    for shipment in order.json()["payload"]["fulfillmentShipments"]:
        for line in shipment["fulfillmentShipmentItem"]:
            line_id = line["sellerFulfillmentOrderItemId"]
            item = {
                "sellerReturnItemId": f"{shipment['amazonShipmentId']}-{line_id}",
                "sellerFulfillmentOrderItemId": line_id,
                "amazonShipmentId": shipment["amazonShipmentId"],
                "returnReasonCode": "DEFECTIVE",
            }
            mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}/return", json={"items": [item]})


def check_accounting(mcf: Mcf, added: Counter) -> None:
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)
    orders = list(tenant.table(records.ORDERS).values())
    for sku in SKUS:
        item = tenant.table(inventory.TABLE).get(f"ATVPDKIKX0DER/{sku}")
        q = item["q"]
        assert set(q) == set(BUCKETS) and all(v >= 0 for v in q.values()), q
        assert sum(q.values()) == item["added"] == added[sku], (q, item["added"], added[sku])
        lines = [i for o in orders for i in o["items"] if i["sellerSku"] == sku]
        assert q["pendingCustomerOrder"] == sum(i["reserved"] for i in lines)
        returned = sum(
            1
            for o in orders
            for r in o["returnItems"]
            if r["status"] == "Processed"
            and next(
                i
                for i in o["items"]
                if i["sellerFulfillmentOrderItemId"] == r["sellerFulfillmentOrderItemId"]
            )["sellerSku"]
            == sku
        )
        assert q["shipped"] == sum(i["shipped"] for i in lines) - returned
    for order in orders:
        for i in order["items"]:
            assert min(i["reserved"], i["picked"], i["shipped"], i["cancelled"], i["unfulfillable"]) >= 0, i
            assert i["shipped"] + i["cancelled"] + i["unfulfillable"] + i["reserved"] <= i["quantity"], i
            assert i["picked"] <= i["reserved"], i
        if order["status"] in ("Complete", "CompletePartialled", "Unfulfillable", "Invalid", "Cancelled"):
            assert all(i["reserved"] == 0 for i in order["items"]), order["status"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(actions, min_size=1, max_size=25))
def test_every_unit_is_accounted_for(client, app, runtime, steps):
    runtime.reset()
    runtime.clock.set(datetime(2026, 3, 1, tzinfo=UTC))
    mcf = Mcf(client, runtime)
    added: Counter = Counter()
    for sku in SKUS:
        mcf.stock(sku, 3)
        added[sku] += 3
    for step in steps:
        apply(mcf, step)
        if step[0] == "add":
            added[step[1]] += step[2]
        check_accounting(mcf, added)
    assert not app.edge.violations


def test_concurrent_creates_never_oversell(app, runtime):
    async def scenario() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8787") as http:
            token = (
                await http.post(
                    "/auth/o2/token",
                    data={
                        "grant_type": "refresh_token",
                        "refresh_token": DEFAULTS.refresh_token,
                        "client_id": DEFAULTS.client_id,
                        "client_secret": DEFAULTS.client_secret,
                    },
                )
            ).json()["access_token"]
            headers = {"x-amz-access-token": token}
            await http.post(
                "/fba/inventory/v1/items",
                headers=headers,
                json={"sellerSku": "SCARCE", "marketplaceId": "ATVPDKIKX0DER", "productName": "Scarce"},
            )
            await http.post(
                "/fba/inventory/v1/items/inventory",
                headers={**headers, "x-amzn-idempotency-token": "t"},
                json={
                    "inventoryItems": [
                        {"sellerSku": "SCARCE", "marketplaceId": "ATVPDKIKX0DER", "quantity": 10}
                    ]
                },
            )

            async def place(n: int) -> int:
                response = await http.post(
                    f"{V2020}/fulfillmentOrders",
                    headers=headers,
                    json={
                        "sellerFulfillmentOrderId": f"RUSH-{n}",
                        "displayableOrderId": f"RUSH-{n}",
                        "displayableOrderDate": "2026-01-01T00:00:00Z",
                        "displayableOrderComment": "rush",
                        "shippingSpeedCategory": "Standard",
                        "destinationAddress": ADDRESS,
                        "items": [
                            {"sellerSku": "SCARCE", "sellerFulfillmentOrderItemId": "1", "quantity": 1}
                        ],
                    },
                )
                return response.status_code

            return list(await asyncio.gather(*(place(n) for n in range(40))))

    statuses = asyncio.run(scenario())
    assert statuses == [200] * 40
    orders = list(runtime.store.tenant(DEFAULTS.seller_id).table(records.ORDERS).values())
    accepted = [o for o in orders if o["status"] == "Received"]
    assert len(accepted) == 10 and len(orders) - len(accepted) == 30
    assert all(o["status"] == "Invalid" for o in orders if o not in accepted)
    q = runtime.store.tenant(DEFAULTS.seller_id).table(inventory.TABLE).get("ATVPDKIKX0DER/SCARCE")["q"]
    assert q["fulfillable"] == 0 and q["pendingCustomerOrder"] == 10
