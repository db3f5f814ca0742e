"""The report types the emulator generates: their builder, how often Amazon generates them, their ranges.

Any other report type the model accepts (a `GET_...` name) is accepted too and ends `FATAL` with an
error document saying the emulator does not generate it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from emulator.apis.reports.builders import Scope, Sheet, inventory, ledger_views, returns, shipments
from emulator.apis.reports.ledger import EVENT_TYPES
from emulator.apis.reports.timings import ReportTimings

DAY = 24 * 3600.0


class Cadence(enum.Enum):
    """How often Amazon generates a type; an identical request inside its window ends CANCELLED."""

    NEAR_REAL_TIME = "near-real-time"
    DAILY = "daily"
    ON_REQUEST = "on request"

    def window(self, timings: ReportTimings) -> float:
        if self is Cadence.NEAR_REAL_TIME:
            return timings.near_real_time_window
        return timings.daily_window if self is Cadence.DAILY else 0.0


@dataclass(frozen=True)
class ReportKind:
    """One generated report type.

    `ranged` types cover `dataStartTime`..`dataEndTime` (default: the `default_days` before the
    request); the others are a snapshot of the state when they are built. `max_days` and
    `lookback_days` are Amazon's limits on the range; `options` the `reportOptions` it takes and
    their allowed values.
    """

    build: Callable[[Scope], Sheet]
    cadence: Cadence
    ranged: bool = False
    default_days: float = 30.0
    max_days: float | None = None
    lookback_days: float | None = None
    options: dict[str, tuple[str, ...]] = field(default_factory=dict)


KINDS: dict[str, ReportKind] = {
    "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL": ReportKind(
        shipments.shipments,
        Cadence.NEAR_REAL_TIME,
        ranged=True,
        max_days=31,
        lookback_days=548,
    ),
    "GET_AFN_INVENTORY_DATA": ReportKind(inventory.afn, Cadence.NEAR_REAL_TIME),
    "GET_AFN_INVENTORY_DATA_BY_COUNTRY": ReportKind(inventory.afn_by_country, Cadence.NEAR_REAL_TIME),
    "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA": ReportKind(inventory.myi_unsuppressed, Cadence.NEAR_REAL_TIME),
    "GET_FBA_MYI_ALL_INVENTORY_DATA": ReportKind(inventory.myi_all, Cadence.NEAR_REAL_TIME),
    "GET_RESERVED_INVENTORY_DATA": ReportKind(inventory.reserved, Cadence.NEAR_REAL_TIME),
    "GET_LEDGER_SUMMARY_VIEW_DATA": ReportKind(
        ledger_views.summary,
        Cadence.ON_REQUEST,
        ranged=True,
        lookback_days=548,
        options={
            "aggregateByLocation": ledger_views.LOCATIONS,
            "aggregatedByTimePeriod": ledger_views.PERIODS,
        },
    ),
    "GET_LEDGER_DETAIL_VIEW_DATA": ReportKind(
        ledger_views.detail,
        Cadence.ON_REQUEST,
        ranged=True,
        lookback_days=548,
        options={"eventType": EVENT_TYPES},
    ),
    "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA": ReportKind(
        returns.customer_returns, Cadence.DAILY, ranged=True, lookback_days=548
    ),
}
