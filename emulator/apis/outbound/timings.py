"""How long each step of an MCF order takes in emulator time; overridable at run time.

Defaults are realistic for a domestic US order. A control-plane client (or a test) overrides any
field by writing `{"<field>": seconds, ...}` to the record `outbound.timings` of
`store.shared.table(CONFIG)`; the control API holds the record to its document (`OutboundTimings`: known
fields, seconds from 0 to ten years), and fields left out keep their defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emulator.state.config import durations

CONFIG_KEY = "outbound.timings"
HOUR = 3600.0
DAY = 24 * HOUR


@dataclass(frozen=True)
class Timings:
    """Seconds from entering one status to the next automatic step."""

    received_after: float = 0.0  # New -> Received/Invalid: validated within the create call
    planning_after: float = 600.0  # Received -> Planning (Ship orders)
    processing_after: float = 2 * HOUR  # Planning -> Processing: picking starts, shipment PENDING
    ship_after: float = 4 * HOUR  # Processing -> packages leave the FC: SHIPPED, order Complete
    hold_expiry: float = 14 * DAY  # a Hold order nobody releases is cancelled by Amazon
    fill_all_deadline: float = DAY  # FillAll: unshipped remainder becomes unfulfillable
    return_processing: float = 3 * DAY  # return authorised -> the FC receives and grades the unit
    offer_ttl: float = 1800.0  # delivery offers expire after 30 minutes
    transit_standard: float = 3 * DAY
    transit_expedited: float = 2 * DAY
    transit_priority: float = 1 * DAY
    transit_scheduled: float = 1 * DAY

    def transit(self, speed: str) -> float:
        """Carrier time from leaving the FC to delivery, per 2020-07-01 shipping speed."""
        return {
            "Standard": self.transit_standard,
            "Expedited": self.transit_expedited,
            "Priority": self.transit_priority,
        }.get(speed, self.transit_scheduled)

    def fc_time(self) -> float:
        """Time from an order's receipt to its packages leaving the fulfilment centre."""
        return self.planning_after + self.processing_after + self.ship_after


DEFAULT = Timings()


def load(store: Any) -> Timings:
    """The timings in force: the defaults with any overrides from the config table."""
    return durations(store.shared, CONFIG_KEY, DEFAULT)
