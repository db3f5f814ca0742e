"""updateFulfillmentOrder (2020-07-01) and cancelFulfillmentOrder: the destination and speed rules an
update must meet (the order's marketplace cannot change), feature constraints an update leaves out are
kept, the refusal once picking has started (its message and details), and the clocks an update restarts:
releasing a hold starts planning afresh, an update that keeps the hold keeps its expiry."""

from __future__ import annotations

from emulator.apis.outbound.timings import DAY, DEFAULT
from tests.api.outbound.support import ADDRESS, US
from tests.api.outbound.test_order_refusals_say_why import refused, update


def held(mcf, order_id: str = "O-1") -> None:
    mcf.stock("MUG", 5)
    assert mcf.create(order_id, {"MUG": 1}, fulfillmentAction="Hold").status_code == 200


def test_an_update_to_a_speed_the_marketplace_lacks_is_refused(mcf):
    held(mcf)
    assert refused(update(mcf, "O-1", shippingSpeedCategory="ScheduledDelivery")) == (
        "Shipping speed ScheduledDelivery is not available in this marketplace.",
        "shippingSpeedCategory",
    )
    assert mcf.order("O-1")["fulfillmentOrder"]["shippingSpeedCategory"] == "Standard"


def test_an_update_to_priority_where_it_is_offered_reads_back(mcf):
    held(mcf)
    response = update(mcf, "O-1", shippingSpeedCategory="Priority")
    assert response.status_code == 200, response.text
    assert mcf.order("O-1")["fulfillmentOrder"]["shippingSpeedCategory"] == "Priority"


def test_an_update_to_an_undeliverable_address_is_refused(mcf):
    held(mcf)
    cityless = {key: value for key, value in ADDRESS.items() if key != "city"}
    assert refused(update(mcf, "O-1", destinationAddress=cityless)) == (
        "The destination address is invalid: city is required outside Japan.",
        "destinationAddress",
    )
    assert mcf.order("O-1")["fulfillmentOrder"]["destinationAddress"]["city"] == ADDRESS["city"]


def test_an_order_being_picked_can_no_longer_be_updated_or_cancelled(mcf):
    mcf.stock("MUG", 5)
    assert mcf.create("O-1", {"MUG": 1}).status_code == 200
    assert mcf.set_status("O-1", "Processing").status_code == 200
    assert refused(update(mcf, "O-1", displayableOrderComment="Later")) == (
        "Fulfillment order O-1 is Processing and can no longer be updated.",
        "fulfillmentOrderStatus=Processing",
    )
    assert refused(mcf.cancel("O-1")) == (
        "Fulfillment order O-1 is Processing and can no longer be cancelled; cancellation is possible "
        "only before picking starts (New, Received or Planning).",
        "fulfillmentOrderStatus=Processing",
    )


def test_releasing_a_hold_starts_planning_afresh(mcf):
    held(mcf)
    mcf.advance(DAY)
    assert update(mcf, "O-1", fulfillmentAction="Ship").status_code == 200
    assert mcf.status_of("O-1") == "Received"
    mcf.advance(DEFAULT.planning_after)
    assert mcf.status_of("O-1") == "Planning"


def test_an_update_that_keeps_the_hold_keeps_its_expiry(mcf):
    held(mcf)
    mcf.advance(10 * DAY)
    assert update(mcf, "O-1", displayableOrderComment="Still waiting").status_code == 200
    mcf.advance(DEFAULT.hold_expiry - 10 * DAY)
    assert mcf.status_of("O-1") == "Cancelled"


def test_the_marketplace_of_an_order_cannot_change(mcf):
    held(mcf)
    assert update(mcf, "O-1", marketplaceId=US, displayableOrderComment="Same").status_code == 200
    assert refused(update(mcf, "O-1", marketplaceId="A2EUQ1WTGCTBG2", displayableOrderComment="Moved")) == (
        "The marketplace of an existing order cannot change.",
        "marketplaceId",
    )
    assert mcf.order("O-1")["fulfillmentOrder"]["displayableOrderComment"] == "Same"


def test_feature_constraints_an_update_leaves_out_are_kept(mcf):
    mcf.stock("MUG", 5)
    wanted = [{"featureName": "BLANK_BOX", "featureFulfillmentPolicy": "Required"}]
    created = mcf.create("O-1", {"MUG": 1}, fulfillmentAction="Hold", featureConstraints=wanted)
    assert created.status_code == 200, created.text
    assert update(mcf, "O-1", displayableOrderComment="Later").status_code == 200
    assert mcf.order("O-1")["fulfillmentOrder"]["featureConstraints"] == wanted
