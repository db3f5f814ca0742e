"""A 2026-07-04 order line shows how many of its units were cancelled and how many are unfulfillable, as
EACHES amounts: zero while nothing is, the line's units once the seller cancels or the order is refused."""

from __future__ import annotations

from tests.api.outbound.test_outbound_2026 import create, get

NONE = {"unit": "EACHES", "value": "0.0"}
BOTH = {"unit": "EACHES", "value": "2.0"}


def amounts(mcf) -> tuple[dict[str, str], dict[str, str]]:
    [line] = get(mcf)["lineItems"]
    return line["cancelledAmount"], line["unfulfillableAmount"]


def test_a_line_nothing_happened_to_has_zero_cancelled_and_unfulfillable(mcf):
    mcf.stock("MUG", 5)
    assert create(mcf).status_code == 200
    assert amounts(mcf) == (NONE, NONE)


def test_a_cancelled_orders_line_shows_its_units_cancelled(mcf):
    mcf.stock("MUG", 5)
    assert create(mcf).status_code == 200
    assert mcf.cancel("N-1").status_code == 200
    assert amounts(mcf) == (BOTH, NONE)


def test_an_unfulfillable_orders_line_shows_its_units_unfulfillable(mcf):
    mcf.stock("MUG", 5)
    assert create(mcf).status_code == 200
    assert mcf.set_status("N-1", "Unfulfillable").status_code == 200
    assert amounts(mcf) == (NONE, BOTH)
