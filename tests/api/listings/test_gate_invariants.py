"""The listing gate under arbitrary operation sequences: the order state machine of
tests/api/outbound/test_invariants.py, plus listing deletes, merchant-fulfilled writes and Amazon
channels patched or put back on.

On top of its invariants (units conserved, never negative, one event per status change): a SKU that has
no FBA offer never has units reserved, and no unit of it is picked, so none ships except units picked
before the offer went away.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import invariant, rule

from emulator.apis.inventory.events import InventoryAvailabilityChanged, StockMove
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import EventQuery
from tests.api.listings.conftest import Listings, listing
from tests.api.outbound.support import Mcf
from tests.api.outbound.test_invariants import SKUS, OrderMachine, run_machine

STOCK_EVENTS = frozenset({InventoryAvailabilityChanged.type_name()})
PROCESSED_BY = 3600  # an advance this long certainly completes a pending listing write


class GatedOrderMachine(OrderMachine):
    """Orders as in OrderMachine, while the seller deletes and rewrites the SKUs' listings.

    The machine knows which SKUs surely have no FBA offer (`unoffered`): a deleted listing takes the
    offer at once; a merchant-fulfilled write takes it once processed; a write with an Amazon channel
    may bring it back, so the SKU stops counting as unoffered as soon as that write is accepted.
    """

    def __init__(self, mcf: Mcf) -> None:
        super().__init__(mcf)
        self.listings = Listings(mcf)
        self.unoffered: set[str] = set()
        self.merchant_pending: set[str] = set()  # accepted DEFAULT writes not yet known processed
        self.gate_event = self.runtime.store.events.last_sequence
        self.taken = self.picked_or_shipped()

    def accepted(self, response: Any) -> bool:
        assert response.status_code < 500, response.text
        return response.status_code == 200 and response.json().get("status") == "ACCEPTED"

    @rule(sku=st.sampled_from(SKUS))
    def delete_listing(self, sku: str) -> None:
        if self.accepted(self.listings.delete(sku)):
            self.unoffered.add(sku)
            self.merchant_pending.discard(sku)

    @rule(sku=st.sampled_from(SKUS), amazon=st.booleans())
    def put_listing(self, sku: str, amazon: bool) -> None:
        body = listing(name=f"Product {sku}", channel="AMAZON_NA" if amazon else "DEFAULT", quantity=3)
        if self.accepted(self.listings.put(sku, body)):
            self.written(sku, amazon)

    @rule(sku=st.sampled_from(SKUS), amazon=st.booleans())
    def patch_channel(self, sku: str, amazon: bool) -> None:
        channel = {"fulfillment_channel_code": "AMAZON_NA" if amazon else "DEFAULT", "quantity": 3}
        patch = {"op": "replace", "path": "/attributes/fulfillment_availability", "value": [channel]}
        if self.accepted(self.listings.patch(sku, [patch])):
            self.written(sku, amazon)

    def written(self, sku: str, amazon: bool) -> None:
        if amazon:
            self.unoffered.discard(sku)
            self.merchant_pending.discard(sku)
        else:
            self.merchant_pending.add(sku)

    @rule(seconds=st.sampled_from((60, 3600, 3 * 3600, 86400, 4 * 86400, 15 * 86400)))
    def advance(self, seconds: int) -> None:
        super().advance(seconds)
        if seconds >= PROCESSED_BY:
            self.an_unoffered_sku_is_never_reserved_nor_picked()  # up to now, for the SKUs watched so far
            self.unoffered |= self.merchant_pending  # watched from here on
            self.merchant_pending.clear()

    def picked_or_shipped(self) -> Counter[str]:
        """Units per SKU that picking has taken so far (picked and waiting, or shipped)."""
        taken: Counter[str] = Counter()
        for order in self.orders():
            for line in order.lines:
                taken[line.sku] += line.progress.picked + line.shipped
        return taken

    def check(self) -> None:
        """Every invariant, as the state machine runs them after every rule."""
        super().check()
        self.an_unoffered_sku_is_never_reserved_nor_picked()

    @invariant()
    def an_unoffered_sku_is_never_reserved_nor_picked(self) -> None:
        self.runtime.settle()
        moves = self.runtime.store.events.query(
            EventQuery(seller_id=DEFAULTS.seller_id, types=STOCK_EVENTS, after_sequence=self.gate_event)
        )
        reserved = {e.event.seller_sku for e in moves if e.event.move == StockMove.RESERVED}
        assert not reserved & self.unoffered, (reserved, self.unoffered)
        taken = self.picked_or_shipped()
        for sku in self.unoffered:
            assert taken[sku] <= self.taken[sku], (sku, taken[sku], self.taken[sku])
        self.taken = taken
        self.gate_event = self.runtime.store.events.last_sequence


@pytest.mark.hypothesis
def test_a_sku_without_an_fba_offer_is_never_reserved_nor_shipped(client, runtime):
    run_machine(lambda: GatedOrderMachine(Mcf(client, runtime)), 40)


def test_a_deleted_listing_stops_an_order_already_holding_units(client, runtime):
    """A fixed example: units reserved while the SKU was offered are released, not shipped, once its
    listing is deleted before picking."""
    machine = GatedOrderMachine(Mcf(client, runtime))
    machine.create_2020(wanted={"A": 2}, policy="FillOrKill", action="Ship")
    machine.check()
    machine.delete_listing(sku="A")
    machine.check()
    machine.advance(seconds=86400)
    machine.check()
    [order] = machine.orders()
    assert (order.status, order.lines[0].shipped, order.lines[0].unfulfillable) == ("Unfulfillable", 0, 2)
