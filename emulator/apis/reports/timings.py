"""How long report processing takes in emulator time, and when a document is compressed; overridable.

A control-plane client (or a test) overrides any field by writing `{"<field>": number, ...}` to the
behaviour setting `reports.timings` (`PUT /_emulator/config/reports.timings`), which the control API holds
to its document (`ReportsTimings`).
"""

from __future__ import annotations

from dataclasses import dataclass

from emulator.state import Store
from emulator.state.config import durations

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


def current(store: Store) -> ReportTimings:
    """The defaults with the overrides the behaviour setting holds."""
    return durations(store.shared, CONFIG_KEY, DEFAULT)
