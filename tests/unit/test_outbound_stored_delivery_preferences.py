"""What a 2026-07-04 createOrder body stores as the order's delivery preferences (a snapshot shows it):
nothing without delivery notes or a drop-off location, as for a 2020-07-01 order without
deliveryPreferences; the notes alone when only they are given."""

from __future__ import annotations

from typing import Any

from emulator.apis.outbound import wire_2020, wire_2026
from emulator.apis.outbound.records import DeliveryPreferences
from tests.api.outbound.support import ADDRESS, order_body

NOW = 1_780_000_000.0
LINE = {"product": {"productIdentifier": {"amazonSku": "MUG"}}, "amount": {"unit": "EACHES", "value": "1"}}


def body(**destination: Any) -> dict[str, Any]:
    return {"orderId": "N-1", "destination": {"deliveryAddress": ADDRESS, **destination}, "lineItems": [LINE]}


def test_no_notes_and_no_drop_off_store_no_delivery_preferences():
    assert wire_2020.draft(order_body("O-1")).terms.delivery_preferences is None
    assert wire_2026.draft(body(), NOW).terms.delivery_preferences is None
    assert wire_2026.draft(body(deliveryNotes=""), NOW).terms.delivery_preferences is None


def test_notes_alone_are_stored_as_the_delivery_preferences():
    stored = wire_2026.draft(body(deliveryNotes="Ring twice"), NOW).terms.delivery_preferences
    assert stored == DeliveryPreferences(instructions="Ring twice", drop_off=None)
