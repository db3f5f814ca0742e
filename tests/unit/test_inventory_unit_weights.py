"""A new SKU weighs between 0.25 and 4.99 pounds per unit, in hundredths."""

from __future__ import annotations

from emulator.apis.inventory import records, service
from emulator.state import Clock, IdFactory, Store
from emulator.state.records import Schema

US = "ATVPDKIKX0DER"


class Drawn(IdFactory):
    """Ids as seeded, except that every digit drawn is `digit`."""

    def __init__(self, digit: str) -> None:
        super().__init__(7)
        self.digit = digit

    def digits(self, length: int) -> str:
        return self.digit * length


def weight(digit: str) -> float:
    tenant = Store(Schema([records.ITEMS])).tenant("S1")
    return service.create(tenant, Clock(), Drawn(digit), US, "MUG", "Mug").unit_weight_lb


def test_the_lightest_and_heaviest_draws_are_the_range_ends():
    assert (weight("0"), weight("5"), weight("9")) == (0.25, 2.88, 4.99)
