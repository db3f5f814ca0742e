"""updateFulfillmentOrder (2020-07-01) into the stored order terms: the ship-from country (stored,
though no 2020 response shows it) is changed when sent and kept when left out, as are the emails."""

from __future__ import annotations

from emulator.apis.outbound import wire_2020
from tests.unit.test_outbound_wire import BODY_2020

TERMS = wire_2020.draft({**BODY_2020, "shipFromCountryCode": "US"}).terms


def test_terms_left_out_of_an_update_are_kept():
    kept = wire_2020.update({"displayableOrderId": "SHOP-2"}, TERMS).terms
    assert kept.displayable_order_id == "SHOP-2"
    assert kept.ship_from_country_code == "US"
    assert kept.notification_emails == ["jane@example.com"]


def test_an_update_changes_the_ship_from_country():
    changed = wire_2020.update({"shipFromCountryCode": "CA"}, TERMS).terms
    assert changed.ship_from_country_code == "CA"
