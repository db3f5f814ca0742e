"""Property: whatever orders and stock moves happen, the outbox holds exactly one notification per
event of a subscribed type of the subscribed seller, and none for other types or other sellers."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emulator.lwa.accounts import DEFAULTS
from emulator.notifications.outbox import OutboxQuery
from emulator.state.events import EventQuery
from emulator.testing.handle import EmulatorHandle
from tests.api.notifications.conftest import create_destination, grantless_headers, subscribe
from tests.api.outbound.support import Mcf
from tests.budget import examples
from tests.conftest import BASE_URL, issue_token
from tests.notifications.support import StockCounted, stock_payload

INVENTORY = "FBA_INVENTORY_AVAILABILITY_CHANGES"
SUBSCRIBED = ("FULFILLMENT_ORDER_STATUS", INVENTORY)
SELLER, OTHER = "A1MCFEMULATOR1", "A2OTHERSELLER9"
SKUS = ("MUG-1", "TEE-1")

steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("stock"), st.sampled_from((SELLER, OTHER)), st.sampled_from(SKUS), st.integers(1, 5)
        ),
        st.tuples(
            st.just("order"), st.sampled_from((SELLER, OTHER)), st.sampled_from(SKUS), st.integers(1, 3)
        ),
        st.tuples(st.just("advance"), st.sampled_from((600, 7200, 14400, 86400 * 4))),
        st.tuples(st.just("cancel"), st.sampled_from((SELLER, OTHER)), st.integers(0, 3)),
        st.tuples(st.just("counted"), st.sampled_from((SELLER, OTHER)), st.integers(0, 9)),
    ),
    min_size=1,
    max_size=10,
)


def drivers(client, runtime) -> dict[str, Mcf]:
    return {SELLER: Mcf(client, runtime), OTHER: Mcf(client, runtime)}


def sign_in(client, runtime, mcf: dict[str, Mcf]) -> None:
    """Fresh access tokens for both sellers (the clock may have expired the old ones)."""
    mcf[SELLER].headers = {"x-amz-access-token": issue_token(client)}
    token = runtime.accounts.add_refresh_token(DEFAULTS.client_id, OTHER)
    mcf[OTHER].headers = {"x-amz-access-token": issue_token(client, token)}


@settings(max_examples=examples(20), deadline=None, suppress_health_check=list(HealthCheck))
@given(steps)
def test_one_notification_per_subscribed_event(client, app, runtime, plan):
    EmulatorHandle(app, BASE_URL).reset()
    app.notifications.builders.add("StockCounted", INVENTORY, stock_payload)
    runtime.accounts.add_seller(OTHER)
    mcf = drivers(client, runtime)
    sign_in(client, runtime, mcf)
    destination_id = create_destination(client, grantless_headers(client))
    for kind in SUBSCRIBED:
        subscribe(client, mcf[SELLER].headers, destination_id, kind)
    created: dict[str, list[str]] = {SELLER: [], OTHER: []}
    for seller in (SELLER, OTHER):
        for sku in SKUS:
            mcf[seller].stock(sku, 3)
    for step in plan:
        if step[0] == "stock":
            _, seller, sku, quantity = step
            mcf[seller].add(sku, quantity)
        elif step[0] == "order":
            _, seller, sku, quantity = step
            order_id = f"O-{len(created[seller])}"
            if mcf[seller].create(order_id, {sku: quantity}).status_code == 200:
                created[seller].append(order_id)
        elif step[0] == "advance":
            app.control.advance(step[1])
            sign_in(client, runtime, mcf)
        elif step[0] == "cancel":
            _, seller, index = step
            if index < len(created[seller]):
                mcf[seller].cancel(created[seller][index])
        else:
            _, seller, count = step
            runtime.store.tenant(seller).record(
                runtime.clock.timestamp(), StockCounted(sku="MUG-1", fulfillable=count)
            )
            runtime.commit()

    expected: Counter[str] = Counter()
    for record in runtime.store.events.query(EventQuery(seller_id=SELLER)):
        builder = app.notifications.builders.of(record)
        if builder is not None and builder.notification_type in SUBSCRIBED:
            expected.update(d.notification_type for d in builder.build(record))
    published = app.notifications.outbox.query(OutboxQuery())
    assert Counter(n["notificationType"] for n in published if n["sellerId"] == SELLER) == expected
    assert all(n["sellerId"] == SELLER and n["notificationType"] in SUBSCRIBED for n in published)
    assert len({n["notificationId"] for n in published}) == len(published)
