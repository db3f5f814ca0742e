"""How long report processing takes in emulator time, and when a document is compressed; overridable.

A control-plane client (or a test) overrides any field by writing `{"<field>": number, ...}` to the
behaviour setting `reports.timings` (`PUT /_emulator/config/reports.timings`); unknown fields and
negative numbers are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from emulator.state import Store
from emulator.state.config import CONFIG

CONFIG_KEY = "reports.timings"
MINUTE = 60.0
HOUR = 60 * MINUTE


@dataclass(frozen=True)
class ReportTimings:
    """Seconds from a report's creation to each step, the duplicate windows, the compression threshold."""

    in_progress_after: float = 30.0  # IN_QUEUE -> IN_PROGRESS
    done_after: float = 2 * MINUTE  # -> DONE / CANCELLED / FATAL
    near_real_time_window: float = 30 * MINUTE  # an identical near-real-time request inside it is CANCELLED
    daily_window: float = 4 * HOUR  # the same for daily report types
    gzip_from_bytes: float = 65536.0  # documents of at least this size are GZIP-compressed (0: all)


DEFAULT = ReportTimings()
_NAMES = {f.name for f in fields(ReportTimings)}


def current(store: Store) -> ReportTimings:
    """The defaults with the overrides the behaviour setting holds."""
    setting = store.shared.table(CONFIG).get(CONFIG_KEY)
    given = setting.value.items() if setting is not None else ()
    usable = {
        name: float(value)
        for name, value in given
        if name in _NAMES and type(value) in (int, float) and value >= 0
    }
    return replace(DEFAULT, **usable)
