"""Registering a SKU: its unit weight (0.25 to 4.99 pounds, in hundredths) and its implicit FBA offer."""

from __future__ import annotations

from emulator.apis.inventory import records, service
from emulator.state import Clock, IdFactory, Store, TenantState
from emulator.state.records import Schema

US = "ATVPDKIKX0DER"


class Drawn(IdFactory):
    """Ids as seeded, except that every digit drawn is `digit`."""

    def __init__(self, digit: str) -> None:
        super().__init__(7)
        self.digit = digit

    def digits(self, length: int) -> str:
        return self.digit * length


def tenant() -> TenantState:
    return Store(Schema([records.ITEMS])).tenant("S1")


def weight(digit: str) -> float:
    return service.create(tenant(), Clock(), Drawn(digit), US, "MUG", "Mug").unit_weight_lb


def test_the_lightest_and_heaviest_draws_are_the_range_ends():
    assert (weight("0"), weight("5"), weight("9")) == (0.25, 2.88, 4.99)


def test_only_a_sku_registered_with_an_implicit_offer_has_one_to_withdraw():
    state, clock, ids = tenant(), Clock(), IdFactory(3)
    service.create(state, clock, ids, US, "SANDBOX", "Mug", implicit_offer=True)
    service.create(state, clock, ids, US, "INBOUND", "Mug")
    assert service.withdraw_implicit_offer(state, US, "SANDBOX")
    assert service.get(state, US, "SANDBOX").implicit_offer is False
    assert not service.withdraw_implicit_offer(state, US, "SANDBOX")  # gone with the first call
    assert not service.withdraw_implicit_offer(state, US, "INBOUND")
    assert not service.withdraw_implicit_offer(state, US, "GHOST")
