"""Events follow changes under arbitrary sequences of stock operations, orders, returns, listing
writes and clock advances (hypothesis).

After every step (settled, so every due transition has fired) the events recorded during the step
must account for the change exactly: replaying each item's InventoryAvailabilityChanged events, in
order, from its buckets before the step gives each event's buckets and ends at its buckets after
the step; each ListingStatusChanged starts where the previous one (or the step) left the listing's
status and ends where the step leaves it; ListingIssuesChanged likewise for issues. No event
repeats a state, so every change leaves exactly one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.apis.inventory.records import ITEMS, Buckets, item_key
from emulator.apis.listings import status
from emulator.apis.listings.events import ListingIssuesChanged, ListingStatusChanged
from emulator.apis.listings.records import LISTINGS, Issue, ListingStatus
from emulator.lwa.accounts import DEFAULTS
from tests.api.inventory.conftest import recorded
from tests.api.listings.conftest import Listings, listing
from tests.api.outbound.support import INVENTORY, US, Mcf
from tests.budget import examples

SKUS = ("A", "B")
ORDER_IDS = tuple(f"O{n}" for n in range(1, 9))
FBA_ONLY = [{"fulfillment_channel_code": "AMAZON_NA"}]
NONE_LEFT = [{"fulfillment_channel_code": "DEFAULT", "quantity": 0}]
PATCHES = (
    [{"op": "delete", "path": "/attributes/purchasable_offer"}],
    [{"op": "delete", "path": "/attributes/main_product_image_locator"}],
    [{"op": "replace", "path": "/attributes/fulfillment_availability", "value": FBA_ONLY}],
    [{"op": "replace", "path": "/attributes/fulfillment_availability", "value": NONE_LEFT}],
    [{"op": "add", "path": "/attributes/condition_type", "value": [{"value": "used_good"}]}],
)

STEPS = {
    "stock": st.tuples(st.sampled_from(SKUS)),
    "add": st.tuples(st.sampled_from(SKUS), st.integers(1, 6)),
    "drop": st.tuples(st.sampled_from(SKUS)),
    "order": st.tuples(
        st.sampled_from(ORDER_IDS),
        st.sampled_from(SKUS),
        st.integers(1, 3),
        st.sampled_from(("FillOrKill", "FillAll", "FillAllAvailable")),
    ),
    "cancel": st.tuples(st.sampled_from(ORDER_IDS)),
    "return": st.tuples(
        st.sampled_from(("NOLONGERWANTED", "DEFECTIVE", "QUALITYUNACCEPTABLE", "DAMAGEDBYFC"))
    ),
    "put": st.tuples(
        st.sampled_from(SKUS), st.sampled_from(("DEFAULT", "AMAZON_NA")), st.integers(0, 2), st.booleans()
    ),
    "patch": st.tuples(st.sampled_from(SKUS), st.sampled_from(range(len(PATCHES)))),
    "unlist": st.tuples(st.sampled_from(SKUS)),
    "advance": st.tuples(st.sampled_from((30, 61, 7 * 3600, 4 * 86400))),
}
# orders, returns and clock advances drive most moves: they come up more often
KINDS = ("order", "order", "order", "advance", "advance", "advance", "return", "return", "add", "add",
         "put", "put", "patch", "cancel", "unlist", "stock", "drop")  # fmt: skip
actions = st.sampled_from(KINDS).flatmap(lambda kind: STEPS[kind].map(lambda args: (kind, *args)))


def apply(mcf: Mcf, listings: Listings, action: tuple[Any, ...]) -> None:
    """Run one step; refusals (unknown SKUs, duplicate orders, bad returns) are steps too."""
    kind, *args = action
    if kind == "stock":
        body = {"sellerSku": args[0], "marketplaceId": US, "productName": f"Product {args[0]}"}
        mcf.call("POST", f"{INVENTORY}/items", json=body)
    elif kind == "add":
        line = {"sellerSku": args[0], "marketplaceId": US, "quantity": args[1]}
        token = {"x-amzn-idempotency-token": f"t-{mcf.runtime.ids.uuid()}"}
        mcf.call("POST", f"{INVENTORY}/items/inventory", headers=token, json={"inventoryItems": [line]})
    elif kind == "drop":
        mcf.call("DELETE", f"{INVENTORY}/items/{args[0]}", params={"marketplaceId": US})
    elif kind == "order":
        order_id, sku, quantity, policy = args
        mcf.create(order_id, {sku: quantity}, fulfillmentPolicy=policy)
    elif kind == "cancel":
        mcf.cancel(args[0])
    elif kind == "return":
        for order_id in ORDER_IDS:
            mcf.return_shipped(order_id, args[0])
    elif kind == "put":
        sku, channel, quantity, image = args
        listings.put(sku, listing(channel=channel, quantity=quantity, image=image))
    elif kind == "patch":
        listings.patch(args[0], PATCHES[args[1]])
    elif kind == "unlist":
        listings.delete(args[0])
    else:
        mcf.advance(args[0])


@dataclass(frozen=True)
class World:
    """What the events must account for: buckets, listing statuses and issues per SKU (None: absent)."""

    buckets: dict[str, Buckets | None]
    statuses: dict[str, tuple[ListingStatus, ...] | None]
    issues: dict[str, tuple[Issue, ...] | None]


def observe(mcf: Mcf) -> World:
    tenant = mcf.runtime.store.tenant(DEFAULTS.seller_id)
    items = {sku: tenant.table(ITEMS).get(item_key(US, sku)) for sku in SKUS}
    found = {sku: tenant.table(LISTINGS).get(item_key(US, sku)) for sku in SKUS}
    for item in items.values():
        assert item is None or item.balanced(), item
    for held in found.values():  # the kept status is the status the listing has now
        assert held is None or held.status == status.current(tenant, held), held
    return World(
        buckets={sku: i.buckets if i else None for sku, i in items.items()},
        statuses={sku: held.status if held else None for sku, held in found.items()},
        issues={sku: held.issues if held else None for sku, held in found.items()},
    )


def replay(before: Buckets, event: InventoryAvailabilityChanged) -> Buckets:
    """The buckets an event's move leaves, from the buckets before it."""
    if event.move == StockMove.DELETED:
        assert event.quantity == before.total()
        return Buckets()
    if event.source is None:
        assert event.move == StockMove.ADDED and event.target is not None
        return before.received(event.target, event.quantity)
    assert event.target is not None
    return before.moved(event.source, event.target, event.quantity)


def check_stock(before: World, after: World, events: list[InventoryAvailabilityChanged]) -> None:
    for sku in SKUS:
        held = before.buckets[sku] or Buckets()
        for event in (e for e in events if e.seller_sku == sku):
            assert event.marketplace_id == US and event.quantity > 0, event
            assert event.buckets == replay(held, event) != held, (held, event)
            held = event.buckets
        assert held == (after.buckets[sku] or Buckets()), (sku, held, after.buckets[sku])


def check_listings(before: World, after: World, events: list[Any]) -> None:
    for sku in SKUS:
        state, found = before.statuses[sku], before.issues[sku] or ()
        for event in (e for e in events if e.sku == sku):
            if isinstance(event, ListingStatusChanged):
                assert event.previous == state and event.status != state, (state, event)
                state = None if event.status == (ListingStatus.DELETED,) else event.status
            else:
                assert event.issues != found, (found, event)
                found = event.issues
        assert state == after.statuses[sku], (sku, state, after.statuses[sku])
        if after.issues[sku] is not None and before.statuses[sku] is not None:
            assert found == after.issues[sku], (sku, found, after.issues[sku])


@settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(actions, min_size=10, max_size=30))
def test_every_change_leaves_exactly_one_event_in_order(client, runtime, steps):
    runtime.reset()
    runtime.clock.set(datetime(2026, 3, 1, tzinfo=UTC))
    mcf = Mcf(client, runtime)
    listings = Listings(mcf)
    for sku in SKUS:
        mcf.stock(sku, 8)
    listings.put(SKUS[0], listing(channel="AMAZON_NA", quantity=None))
    state = observe(mcf)
    for step in steps:
        start = runtime.store.events.last_sequence
        apply(mcf, listings, step)
        runtime.settle()
        after = observe(mcf)
        check_stock(state, after, recorded(runtime, InventoryAvailabilityChanged, after=start))
        check_listings(
            state, after, recorded(runtime, ListingStatusChanged, ListingIssuesChanged, after=start)
        )
        state = after
