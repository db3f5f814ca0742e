"""Invariants of Inbound under arbitrary sequences of steps (in or out of order), receipts, cancels, MCF
orders and clock moves (a hypothesis state machine).

After every rule: no answer is a 5xx; every unit is accounted for (each item balanced, no bucket
negative, and the inbound buckets hold exactly the units of the shipments in the matching statuses);
a plan never holds what a skipped step would have made; every status change recorded is one step of
Amazon's path.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from emulator.apis.inbound import shipments
from emulator.apis.inbound.events import InboundPlanStatusChanged, InboundShipmentStatusChanged
from emulator.apis.inbound.records import PLANS, InboundPlan
from emulator.apis.inventory.records import ITEMS
from emulator.errors import SpApiError
from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime
from emulator.state.config import CONFIG, Setting
from tests.api.inbound.support import BASE, SOURCE, Inbound, box, item
from tests.api.inventory.conftest import recorded
from tests.api.outbound.test_invariants import run_machine

SKUS = ("A", "B")
PATH = ("WORKING", "READY_TO_SHIP", "SHIPPED", "IN_TRANSIT", "DELIVERED", "CHECKED_IN", "RECEIVING", "CLOSED")
STEPS = {(a, b) for a, b in zip(PATH, PATH[1:], strict=False)} | {
    ("UNCONFIRMED", "WORKING"),
    ("UNCONFIRMED", "DELETED"),
    ("WORKING", "CANCELLED"),
    ("READY_TO_SHIP", "CANCELLED"),
}
PLAN_STEPS = {(None, "ACTIVE"), ("ACTIVE", "VOIDED"), ("ACTIVE", "SHIPPED"), ("ACTIVE", "ERRORED")}
BUCKET_OF = {
    "WORKING": "inbound_working",
    "READY_TO_SHIP": "inbound_working",
    "SHIPPED": "inbound_shipped",
    "IN_TRANSIT": "inbound_shipped",
    "DELIVERED": "inbound_shipped",
    "CHECKED_IN": "inbound_shipped",
    "RECEIVING": "inbound_receiving",
}
lines = st.dictionaries(st.sampled_from(SKUS), st.integers(1, 6), min_size=1)


class InboundMachine(RuleBasedStateMachine):
    """One seller sending stock in, taking steps in any order, and selling what arrives."""

    def __init__(self, driver: Inbound) -> None:
        super().__init__()
        self.driver = driver
        self.runtime: Runtime = driver.runtime
        self.runtime.reset()
        self.runtime.clock.set(datetime(2026, 3, 1, tzinfo=UTC))
        self.runtime.clock.freeze()  # time moves only when a rule moves it
        driver.advance(0)  # a token issued at this instant (one from later is refused once the clock is back)
        # operations end by the next call, so a rule's steps can follow each other
        self.runtime.store.shared.table(CONFIG).put("inbound.timings", Setting(value={"operation": 0}))
        for sku in SKUS:
            driver.stock(sku, 2)
        self.orders = 0
        self.last_event = 0

    @property
    def tenant(self) -> Any:
        return self.runtime.store.tenant(DEFAULTS.seller_id)

    def plans(self) -> list[InboundPlan]:
        return list(self.tenant.table(PLANS).values())

    def send(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.driver.call(method, f"{BASE}/inboundPlans{path}", **kwargs)
        assert response.status_code < 500, response.text
        return response

    @precondition(lambda self: len(self.plans()) < 3)
    @rule(units=lines)
    def create(self, units: dict[str, int]) -> None:
        body = {"destinationMarketplaces": ["ATVPDKIKX0DER"], "sourceAddress": SOURCE}
        self.send("POST", "", json=body | {"items": [item(m, q) for m, q in units.items()]})

    @precondition(lambda self: self.plans())
    @rule(
        data=st.data(),
        step=st.sampled_from(("pack", "confirm-pack", "boxes", "place", "confirm-place", "cancel")),
    )
    def take_a_step(self, data: st.DataObject, step: str) -> None:
        """Any step on any plan, whether or not its turn has come (the emulator must refuse it then)."""
        plan = data.draw(st.sampled_from(self.plans()))
        at = f"/{plan.plan_id}"
        if step == "pack":
            self.send("POST", f"{at}/packingOptions")
        elif step == "confirm-pack" and plan.packing_options:
            option = data.draw(st.sampled_from(plan.packing_options))
            self.send("POST", f"{at}/packingOptions/{option.option_id}/confirmation")
        elif step == "boxes" and plan.packing_groups:
            group = data.draw(st.sampled_from(plan.packing_groups))
            contents = {line.msku: line.quantity for line in group.items}
            if data.draw(st.booleans()):  # sometimes a box short of a unit: the operation must fail
                first = next(iter(contents))
                contents[first] -= 1
            grouping = {"packingGroupId": group.group_id, "boxes": [box(contents)]}
            self.send("POST", f"{at}/packingInformation", json={"packageGroupings": [grouping]})
        elif step == "place":
            self.send("POST", f"{at}/placementOptions", json={})
        elif step == "confirm-place" and plan.placement_options:
            option = data.draw(st.sampled_from(plan.placement_options))
            self.send("POST", f"{at}/placementOptions/{option.option_id}/confirmation")
        elif step == "cancel":
            self.send("PUT", f"{at}/cancellation")

    @precondition(lambda self: self.plans())
    @rule(data=st.data())
    def take_the_next_step(self, data: st.DataObject) -> None:
        """The step a plan is due for (the way Amazon's guide goes), with the first option offered."""
        plan = data.draw(st.sampled_from(self.plans()))
        at = f"/{plan.plan_id}"
        if not plan.packing_options:
            self.send("POST", f"{at}/packingOptions")
        elif plan.packing_option_id is None:
            self.send("POST", f"{at}/packingOptions/{plan.packing_options[0].option_id}/confirmation")
        elif not plan.boxes:
            chosen = next(o for o in plan.packing_options if o.option_id == plan.packing_option_id)
            groupings = [
                {"packingGroupId": g.group_id, "boxes": [box({line.msku: line.quantity for line in g.items})]}
                for g in plan.packing_groups
                if g.group_id in chosen.group_ids
            ]
            self.send("POST", f"{at}/packingInformation", json={"packageGroupings": groupings})
        elif not plan.placement_options:
            self.send("POST", f"{at}/placementOptions", json={})
        elif plan.placement_option_id is None:
            self.send("POST", f"{at}/placementOptions/{plan.placement_options[0].option_id}/confirmation")

    @precondition(lambda self: any(True for _ in shipments.all_shipments(self.tenant)))
    @rule(data=st.data(), all_the_way=st.booleans())
    def transport(self, data: st.DataObject, all_the_way: bool) -> None:
        """What the transportation steps do: ready a shipment, and maybe ship it."""
        shipment = data.draw(st.sampled_from(list(shipments.all_shipments(self.tenant))))
        now, ids = self.runtime.clock.timestamp(), (shipment.plan_id, shipment.shipment_id)
        try:
            shipments.ready_to_ship(self.tenant, now, *ids)
            if all_the_way:
                shipments.shipped(self.tenant, now, *ids, self.runtime.store)
        except SpApiError as refused:
            assert refused.status < 500

    @precondition(lambda self: any(True for _ in shipments.all_shipments(self.tenant)))
    @rule(data=st.data(), short=st.integers(-2, 3), damaged=st.integers(0, 3))
    def receipt(self, data: st.DataObject, short: int, damaged: int) -> None:
        shipment = data.draw(st.sampled_from(list(shipments.all_shipments(self.tenant))))
        line = shipment.items[0] if shipment.items else None
        if line is not None:
            received = max(0, line.quantity - short)
            body = {"items": [{"msku": line.msku, "received": received, "damaged": min(damaged, received)}]}
            answer = self.driver.client.put(
                f"/_emulator/inbound/shipments/{shipment.shipment_id}/receipt", json=body
            )
            assert answer.status_code in (200, 409), answer.text

    @rule(sku=st.sampled_from(SKUS), quantity=st.integers(1, 3))
    def order(self, sku: str, quantity: int) -> None:
        self.orders += 1
        assert self.driver.create(f"O-{self.orders}", {sku: quantity}).status_code < 500

    @rule(seconds=st.sampled_from((1, 5, 3600, 6 * 3600, 2 * 86400, 9 * 86400)))
    def wait(self, seconds: int) -> None:
        self.driver.advance(seconds)

    @invariant()
    def units_are_conserved_and_never_negative(self) -> None:
        self.runtime.settle()
        expected: Counter[tuple[str, str]] = Counter()
        for shipment in shipments.all_shipments(self.tenant):
            bucket = BUCKET_OF.get(shipment.status)
            for line in shipment.items if bucket else ():
                expected[line.msku, bucket] += line.quantity
        for stock in self.tenant.table(ITEMS).values():
            assert stock.balanced(), stock
            assert all(n >= 0 for n in msgspec.structs.astuple(stock.buckets)), stock
            for bucket in ("inbound_working", "inbound_shipped", "inbound_receiving"):
                assert getattr(stock.buckets, bucket) == expected[stock.seller_sku, bucket], (stock, bucket)

    @invariant()
    def no_step_is_skipped(self) -> None:
        for plan in self.plans():
            if plan.placement_option_id is not None:
                assert plan.packing_option_id is not None and plan.boxes
            if plan.placement_options:
                assert plan.packing_option_id is not None and plan.boxes
            for shipment in shipments.shipments_of(self.tenant, plan.plan_id):
                if shipment.status != "UNCONFIRMED":
                    assert shipment.placement_option_id == plan.placement_option_id
                    assert shipment.shipment_confirmation_id is not None
        changes = recorded(
            self.runtime, InboundShipmentStatusChanged, InboundPlanStatusChanged, after=self.last_event
        )
        for change in changes:
            allowed = PLAN_STEPS if isinstance(change, InboundPlanStatusChanged) else STEPS
            assert (change.previous, change.status) in allowed, change
        self.last_event = self.runtime.store.events.last_sequence


@pytest.mark.hypothesis
def test_inbound_keeps_every_unit_and_skips_no_step(client, runtime):
    run_machine(lambda: InboundMachine(Inbound(client, runtime)), 40, steps=50)
