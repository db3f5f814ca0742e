"""Each shipping speed's carrier time comes from its own timing field, overrides included."""

from __future__ import annotations

import pytest

from emulator.apis.outbound import timings
from emulator.state import Store
from emulator.state.config import CONFIG, Setting

DISTINCT = {
    "transit_standard": 11.0,
    "transit_expedited": 22.0,
    "transit_priority": 33.0,
    "transit_scheduled": 44.0,
}


@pytest.fixture
def overridden() -> timings.Timings:
    """The timings in force once every transit time is overridden with a value of its own."""
    store = Store()
    store.shared.table(CONFIG).put(timings.CONFIG_KEY, Setting(value=DISTINCT))
    return timings.load(store)


@pytest.mark.parametrize(
    ("speed", "seconds"),
    [
        ("Standard", 11.0),
        ("Expedited", 22.0),
        ("Priority", 33.0),
        ("ScheduledDelivery", 44.0),
    ],
)
def test_each_speed_takes_its_own_overridden_transit_time(overridden, speed, seconds):
    assert overridden.transit(speed) == seconds


def test_an_unknown_speed_takes_the_scheduled_transit_time(overridden):
    assert overridden.transit("Teleport") == 44.0


def test_the_fc_time_adds_planning_picking_and_shipping():
    fast = timings.Timings(planning_after=1.0, processing_after=20.0, ship_after=300.0)
    assert fast.fc_time() == 321.0
