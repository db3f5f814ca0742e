"""How long Inbound's steps take in emulator time; overridable at run time.

Write `{"<field>": seconds, ...}` to the behaviour setting `inbound.timings` (the control API's
`PUT /_emulator/config/inbound.timings`, or `store.shared.table(CONFIG)`); unknown fields are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from emulator.state.config import CONFIG

CONFIG_KEY = "inbound.timings"
HOUR = 3600.0
DAY = 24 * HOUR


@dataclass(frozen=True)
class Timings:
    """Seconds each asynchronous operation runs, how long options stay offered, and the carrier/FC path."""

    operation: float = 2.0  # every asynchronous operation: IN_PROGRESS -> SUCCESS/FAILED
    option_ttl: float = 7 * DAY  # packing and placement options expire this long after they are offered
    in_transit_after: float = 2 * HOUR  # SHIPPED -> IN_TRANSIT (the carrier scans the first box)
    delivered_after: float = 3 * DAY  # IN_TRANSIT -> DELIVERED
    checked_in_after: float = 4 * HOUR  # DELIVERED -> CHECKED_IN
    receiving_after: float = 12 * HOUR  # CHECKED_IN -> RECEIVING
    closed_after: float = 2 * DAY  # RECEIVING -> CLOSED (every unit received and stowed)


DEFAULT = Timings()


def _seconds(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def load(store: Any) -> Timings:
    """The timings in force: the defaults, with the fields the setting overrides."""
    setting = store.shared.table(CONFIG).get(CONFIG_KEY)
    if setting is None:
        return DEFAULT
    given = setting.value
    chosen = {f.name: float(given[f.name]) for f in fields(Timings) if _seconds(given.get(f.name))}
    return replace(DEFAULT, **chosen)
