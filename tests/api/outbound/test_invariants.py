"""Invariants of MCF orders under arbitrary operation sequences (a hypothesis state machine over both
versions); threads racing for scarce stock over HTTP are in tests/e2e/test_mcf_flow.py.

After every rule the clock's due transitions are settled, then: every unit is accounted for and no count
is negative, and every status change of an order, a shipment or a returned unit since the last check left
exactly one domain event, in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from emulator.apis.outbound import orderbook
from emulator.apis.outbound.events import OrderStatusChanged, ReturnStatusChanged, ShipmentStatusChanged
from emulator.apis.outbound.records import TERMINAL, Order
from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime
from emulator.state.events import EventQuery
from tests.api.outbound.support import ADDRESS, V2020, V2026, Mcf
from tests.budget import examples

SKUS = ("A", "B")
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
STATUSES_2026 = ("PROCESSING", "COMPLETE", "COMPLETE_PARTIAL", "CANCELLED", "UNFULFILLABLE", "INVALID")
POLICIES = {"FillOrKill": "FILL_OR_KILL", "FillAll": "FILL_ALL", "FillAllAvailable": "FILL_ALL_AVAILABLE"}
ACTIONS = {"Ship": "SHIP", "Hold": "HOLD"}
Key = tuple[str, ...]
OUTBOUND_EVENTS = frozenset(
    kind.type_name() for kind in (OrderStatusChanged, ShipmentStatusChanged, ReturnStatusChanged)
)

lines = st.dictionaries(st.sampled_from(SKUS), st.integers(1, 5), min_size=1)
policies = st.sampled_from(tuple(POLICIES))
actions = st.sampled_from(("Ship", "Ship", "Ship", "Hold"))  # mostly orders that move on


def answered(response: Any) -> None:
    """Whatever the emulator thinks of a request, it answers it (never a 5xx)."""
    assert response.status_code < 500, response.text


def statuses(orders: list[Order]) -> dict[Key, str]:
    """The status of every order, shipment and returned unit, by what it is."""
    found: dict[Key, str] = {}
    for order in orders:
        found["order", order.order_id] = order.status
        for shipment in order.shipments:
            found["shipment", order.order_id, shipment.shipment_id] = shipment.status
        for item in order.return_items:
            found["return", order.order_id, item.return_item_id] = item.status
    return found


def subject(event: Any) -> Key:
    if isinstance(event, OrderStatusChanged):
        return "order", event.order_id
    if isinstance(event, ShipmentStatusChanged):
        return "shipment", event.order_id, event.shipment_id
    assert isinstance(event, ReturnStatusChanged), event
    return "return", event.order_id, event.return_item_id


class OrderMachine(RuleBasedStateMachine):
    """One seller placing, changing, cancelling, forcing and returning orders in both versions."""

    placed_orders = Bundle("orders")

    def __init__(self, mcf: Mcf) -> None:
        super().__init__()
        self.mcf = mcf
        self.runtime: Runtime = mcf.runtime
        self.runtime.reset()
        self.runtime.clock.set(datetime(2026, 3, 1, tzinfo=UTC))
        self.runtime.clock.freeze()  # time moves only when a rule moves it
        mcf.advance(0)  # a token issued at this instant (one from later is refused once the clock is back)
        self.added: Counter[str] = Counter()
        self.placed = 0
        for sku in SKUS:
            mcf.stock(sku, 6)
            self.added[sku] += 6
        self.seen = statuses(self.orders())
        self.last_event = self.runtime.store.events.last_sequence

    def orders(self) -> list[Order]:
        return list(self.runtime.store.tenant(DEFAULTS.seller_id).table(orderbook.ORDERS).values())

    @rule(sku=st.sampled_from(SKUS), quantity=st.integers(1, 6))
    def add(self, sku: str, quantity: int) -> None:
        self.mcf.add(sku, quantity)
        self.added[sku] += quantity

    def new_id(self) -> str:
        self.placed += 1
        return f"O{self.placed}"

    @rule(target=placed_orders, wanted=lines, policy=policies, action=actions)
    def create_2020(self, wanted: dict[str, int], policy: str, action: str) -> str:
        order_id = self.new_id()
        created = self.mcf.create(order_id, wanted, fulfillmentPolicy=policy, fulfillmentAction=action)
        assert created.status_code == 200, created.text
        return order_id

    @rule(target=placed_orders, wanted=lines, policy=policies, action=actions)
    def create_2026(self, wanted: dict[str, int], policy: str, action: str) -> str:
        order_id = self.new_id()
        items = [
            {
                "lineItemId": sku,
                "product": {"productIdentifier": {"amazonSku": sku}},
                "amount": {"unit": "EACHES", "value": str(quantity)},
            }
            for sku, quantity in wanted.items()
        ]
        body = {
            "orderId": order_id,
            "destination": {"deliveryAddress": ADDRESS},
            "lineItems": items,
            "fulfillmentConfiguration": {"policy": POLICIES[policy], "action": ACTIONS[action]},
        }
        created = self.mcf.call("POST", f"{V2026}/orders", json=body)
        assert created.status_code == 200, created.text
        return order_id

    @rule(order_id=placed_orders, sku=st.sampled_from(SKUS), quantity=st.integers(1, 6), action=actions)
    def update_2020(self, order_id: str, sku: str, quantity: int, action: str) -> None:
        body = {
            "fulfillmentAction": action,
            "items": [{"sellerFulfillmentOrderItemId": sku, "quantity": quantity}],
        }
        answered(self.mcf.call("PUT", f"{V2020}/fulfillmentOrders/{order_id}", json=body))

    @rule(order_id=placed_orders, action=actions)
    def update_2026(self, order_id: str, action: str) -> None:
        body = {"fulfillmentConfiguration": {"action": ACTIONS[action]}}
        answered(self.mcf.call("PUT", f"{V2026}/orders/{order_id}", json=body))

    @rule(order_id=placed_orders, version=st.sampled_from((V2020, V2026)))
    def cancel(self, order_id: str, version: str) -> None:
        if version == V2020:
            answered(self.mcf.cancel(order_id))
        else:
            answered(self.mcf.call("PUT", f"{V2026}/orders/{order_id}/cancel"))

    @rule(order_id=placed_orders, status=st.sampled_from(STATUSES))
    def status_2020(self, order_id: str, status: str) -> None:
        answered(self.mcf.set_status(order_id, status))

    @rule(order_id=placed_orders, status=st.sampled_from(STATUSES_2026))
    def status_2026(self, order_id: str, status: str) -> None:
        answered(self.mcf.call("PUT", f"{V2026}/orders/{order_id}/status", json={"status": status}))

    @rule(seconds=st.sampled_from((60, 3600, 3 * 3600, 86400, 4 * 86400, 15 * 86400)))
    def advance(self, seconds: int) -> None:
        self.mcf.advance(seconds)

    @rule(order_id=placed_orders)
    def return_shipped(self, order_id: str) -> None:
        self.mcf.return_shipped(order_id)

    def check(self) -> None:
        """Both invariants, as the state machine runs them after every rule."""
        self.units_are_accounted_for()
        self.every_status_change_left_one_event_in_order()

    @invariant()
    def units_are_accounted_for(self) -> None:
        self.runtime.settle()
        orders = self.orders()
        for sku in SKUS:
            self.check_stock(sku, orders)
        for order in orders:
            for line in order.lines:
                progress = line.progress
                assert (
                    min(progress.reserved, progress.picked, line.shipped, line.cancelled, line.unfulfillable)
                    >= 0
                )
                assert line.shipped + line.cancelled + line.unfulfillable + progress.reserved <= line.quantity
                assert progress.picked <= progress.reserved, line
            if order.status in TERMINAL:
                assert all(line.progress.reserved == 0 for line in order.lines), order.status

    def check_stock(self, sku: str, orders: list[Order]) -> None:
        """The SKU's buckets (as getInventorySummaries shows them) against the units the orders hold."""
        details = self.mcf.details(sku)
        assert all(count >= 0 for count in numbers(details)), details
        total = details["totalQuantity"]
        assert total == (
            details["fulfillableQuantity"]
            + details["inboundWorkingQuantity"]
            + details["inboundShippedQuantity"]
            + details["inboundReceivingQuantity"]
            + details["reservedQuantity"]["totalReservedQuantity"]
            + details["researchingQuantity"]["totalResearchingQuantity"]
            + details["unfulfillableQuantity"]["totalUnfulfillableQuantity"]
        ), details
        held = [line for order in orders for line in order.lines if line.sku == sku]
        assert details["reservedQuantity"]["pendingCustomerOrderQuantity"] == sum(
            line.progress.reserved for line in held
        )
        returned = sum(
            1
            for order in orders
            for item in order.return_items
            if item.status == "Processed" and order.line(item.line_id).sku == sku
        )
        shipped = self.added[sku] - total  # units that left the network
        assert shipped == sum(line.shipped for line in held) - returned >= 0

    @invariant()
    def every_status_change_left_one_event_in_order(self) -> None:
        self.runtime.settle()
        events = self.runtime.store.events.query(
            EventQuery(seller_id=DEFAULTS.seller_id, types=OUTBOUND_EVENTS, after_sequence=self.last_event)
        )
        orders = self.orders()
        now = statuses(orders)
        running = dict(self.seen)
        for entry in events:
            event, key = entry.event, subject(entry.event)
            assert event.previous == running.get(key), (entry, running.get(key))
            assert event.status != event.previous, entry
            running[key] = event.status
        assert running == now
        by_id = {order.order_id: order for order in orders}
        for entry in events:
            if isinstance(entry.event, OrderStatusChanged):
                order = by_id[entry.event.order_id]
                assert entry.event.marketplace_id == order.marketplace_id
                assert entry.event.displayable_order_id == order.terms.displayable_order_id
        last_shipment_event = {
            subject(e.event): e.event for e in events if isinstance(e.event, ShipmentStatusChanged)
        }
        for (_, order_id, shipment_id), event in last_shipment_event.items():
            shipment = next(s for s in by_id[order_id].shipments if s.shipment_id == shipment_id)
            assert [(p.number, p.carrier_code, p.tracking_number) for p in event.packages] == [
                (p.number, p.carrier_code, p.tracking_number) for p in shipment.packages
            ]
            assert event.estimated_arrival_at == shipment.arrive_at
        self.seen = now
        self.last_event = self.runtime.store.events.last_sequence


def numbers(document: Any) -> list[int]:
    """Every integer in a JSON document."""
    if isinstance(document, dict):
        return [n for value in document.values() for n in numbers(value)]
    return [document] if isinstance(document, int) and not isinstance(document, bool) else []


def run_machine(machine: Callable[[], RuleBasedStateMachine], ci_examples: int, steps: int = 30) -> None:
    """Run a state machine of up to `steps` steps over `ci_examples` examples (as the budget scales them)."""
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples(ci_examples),
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


@pytest.mark.hypothesis
def test_orders_keep_their_units_and_report_every_status_change(client, runtime):
    run_machine(lambda: OrderMachine(Mcf(client, runtime)), 60)


def test_a_one_unit_fill_all_order_reserves_and_ships_one_unit(client, runtime):
    """A fixed example the state machine once found: picking a FillAll order must not reserve its units
    a second time (it then shipped 2 of 1 units and stayed in Processing)."""
    machine = OrderMachine(Mcf(client, runtime))
    machine.check()
    machine.create_2020(wanted={"A": 1}, policy="FillAll", action="Ship")
    machine.check()
    machine.advance(seconds=3 * 3600)  # picked
    machine.check()
    machine.advance(seconds=86400)  # shipped
    machine.check()
    [order] = machine.orders()
    assert (order.status, order.lines[0].shipped) == ("Complete", 1)
