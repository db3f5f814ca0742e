"""The control plane as a Python API: what `/_emulator/*`, the CLI and test harnesses all drive.

    plane = runtime.control
    plane.seed({...}); plane.add_fault({...}); plane.advance("1d"); doc = plane.snapshot()

Every state-changing method commits to the durable backend (when there is one) before returning.
Bad input raises `ControlError` (HTTP status + code + message), never a half-applied change.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from emulator.control import snapshot
from emulator.control.seed import Seeder, SeedError
from emulator.control.snapshot import MAX_SPEED
from emulator.edge.faults import LATEST, FaultSpecError
from emulator.state.clock import iso, parse_iso
from emulator.state.config import CONFIG, Setting

if TYPE_CHECKING:
    from emulator.runtime import Runtime

_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([wdhms])")
_ISO_DURATION = re.compile(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\Z")


class ControlError(Exception):
    """A control request that cannot be done: `status`, machine `code`, human `message`, optional detail."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def parse_duration(value: str | float | int) -> float:
    """Seconds in `value`: a number of seconds, `1d2h30m`, `90s`, `1.5h`, or ISO-8601 `P1DT2H`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip()
        iso_match = _ISO_DURATION.match(text.upper())
        if iso_match and text.upper() not in ("P", "PT"):
            weeks, days, hours, minutes, secs = (float(g) if g else 0.0 for g in iso_match.groups())
            seconds = weeks * 604800 + days * 86400 + hours * 3600 + minutes * 60 + secs
        elif text and _DURATION.sub("", text.lower()) == "":
            seconds = sum(float(n) * _UNITS[u] for n, u in _DURATION.findall(text.lower()))
        else:
            try:
                seconds = float(text)
            except ValueError:
                raise ControlError(
                    400,
                    "InvalidDuration",
                    f"cannot read {value!r} as a duration (use e.g. 90, 45s, 2h, 1d12h or P1DT2H)",
                ) from None
    if seconds < 0:
        raise ControlError(400, "InvalidDuration", "durations must not be negative")
    return seconds


class ControlPlane:
    """Reset, seed, snapshots, clock, faults, rate limits and the journal of one runtime."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    # state -------------------------------------------------------------------------------------
    def reset(self, seller_id: str | None = None, *, faults: bool = False, journal: bool = False) -> None:
        """Forget sellers' data (all, or one seller's); optionally fault rules and the journal too."""
        self.rt.reset(seller_id)
        self.rt.limiter.refill()
        self.rt.faults.forget_stale()
        if faults:
            self.rt.faults.clear()
            self.rt.notifications.faults.clear()
        if journal:
            self.rt.journal.clear()
        self.rt.commit(meta=True)

    def seed(self, document: Any) -> dict[str, int]:
        try:
            counts = Seeder(self.rt).apply(document)
        except SeedError as error:
            raise ControlError(422, "SeedFailed", str(error), error.detail) from None
        self.rt.commit(meta=True)
        return counts

    def config(self) -> dict[str, Any]:
        """Every behaviour setting record (e.g. `outbound.timings`), by key."""
        return {key: s.value for key, s in self.rt.store.shared.table(CONFIG).items()}

    def set_config(self, key: str, record: dict[str, Any]) -> dict[str, Any]:
        """Replace one behaviour setting record; the API that reads `key` documents its fields."""
        if not isinstance(record, dict):
            raise ControlError(400, "InvalidBody", "a config record is a JSON object")
        self.rt.store.shared.table(CONFIG).put(key, Setting(value=record))
        self.rt.commit(meta=True)
        return record

    def delete_config(self, key: str) -> None:
        """Back to the defaults of `key`."""
        if self.rt.store.shared.table(CONFIG).delete(key) is None:
            raise ControlError(404, "UnknownConfig", f"no config record {key!r}")
        self.rt.commit(meta=True)

    def snapshot(self) -> dict[str, Any]:
        return snapshot.take(self.rt)

    def restore(self, document: Any) -> None:
        try:
            snapshot.restore(self.rt, document)
        except ValueError as error:
            raise ControlError(400, "InvalidSnapshot", str(error)) from None
        self.rt.limiter.refill()
        self.rt.faults.forget_stale()
        self.rt.commit(meta=True)

    # clock -------------------------------------------------------------------------------------
    def clock(self) -> dict[str, Any]:
        return self.rt.clock.describe() | {"pendingTransitions": self.rt.store.scheduler.pending()}

    def _moved(self) -> dict[str, Any]:
        fired = self.rt.settle()
        self.rt.commit(meta=True)
        return self.clock() | {"fired": fired}

    def advance(self, duration: str | float) -> dict[str, Any]:
        """Move the clock forwards and fire every transition that fell due, in order."""
        seconds = parse_duration(duration)
        if self.rt.clock.timestamp() + seconds > LATEST:
            raise ControlError(400, "InvalidDuration", "that would move the clock past the year 8000")
        self.rt.clock.advance(seconds)
        return self._moved()

    def set_clock(self, instant: str | datetime) -> dict[str, Any]:
        try:
            when = parse_iso(instant) if isinstance(instant, str) else instant
            ok = 0 <= when.timestamp() <= LATEST
        except (ValueError, OverflowError):
            ok = False
        if not ok:
            raise ControlError(
                400,
                "InvalidInstant",
                f"{instant!r} is not an ISO-8601 date-time between 1970 and the year 8000",
            )
        self.rt.clock.set(when)
        return self._moved()

    def freeze(self) -> dict[str, Any]:
        self.rt.clock.freeze()
        return self._moved()

    def run(self, speed: float = 1.0) -> dict[str, Any]:
        if not isinstance(speed, int | float) or isinstance(speed, bool) or not 0 < speed <= MAX_SPEED:
            raise ControlError(
                400, "InvalidSpeed", f"speed must be a number above 0 and at most {MAX_SPEED:g}"
            )
        self.rt.clock.run(float(speed))
        return self._moved()

    # faults ------------------------------------------------------------------------------------
    def faults(self) -> dict[str, Any]:
        return self.rt.faults.describe(self._iso)

    def add_fault(self, rule: Any) -> dict[str, Any]:
        try:
            return self.rt.faults.add(rule).describe(self._iso)
        except FaultSpecError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None

    def replace_faults(self, rules: Any) -> dict[str, Any]:
        if not isinstance(rules, list):
            raise ControlError(400, "InvalidFault", "expected a list of fault rules")
        try:
            self.rt.faults.replace(rules)
        except FaultSpecError as error:
            raise ControlError(400, "InvalidFault", str(error)) from None
        return self.faults()

    def fault(self, rule_id: str) -> dict[str, Any]:
        for rule in self.rt.faults.rules:
            if rule.id == rule_id:
                return rule.describe(self._iso)
        raise ControlError(404, "UnknownFault", f"no fault rule {rule_id!r}")

    def remove_fault(self, rule_id: str) -> None:
        if not self.rt.faults.remove(rule_id):
            raise ControlError(404, "UnknownFault", f"no fault rule {rule_id!r}")

    def clear_faults(self) -> None:
        self.rt.faults.clear()

    # rate limits -------------------------------------------------------------------------------
    def rate_limits(self) -> dict[str, Any]:
        return self.rt.limiter.describe()

    def configure_rate_limits(
        self,
        mode: str | None = None,
        sandbox_cap: bool | None = None,
        header_on_429: bool | None = None,
        overrides: dict[str, dict[str, float]] | None = None,
    ) -> dict[str, Any]:
        """Change throttling at run time; every bucket starts full again."""
        unknown = sorted(set(overrides or {}) - set(self.rt.catalog.operations))
        if unknown:
            raise ControlError(400, "UnknownOperation", f"the models declare no operations {unknown}")
        try:
            self.rt.limiter.configure(mode, sandbox_cap, header_on_429, overrides)
        except ValueError as error:
            raise ControlError(400, "InvalidRateLimits", str(error)) from None
        return self.rate_limits()

    # journal -----------------------------------------------------------------------------------
    def journal(self, **filters: Any) -> dict[str, Any]:
        """Recent SP-API calls; filters: operation_id, seller_id, status, method, faulted, since, limit,
        bodies."""
        entries = self.rt.journal.query(**filters)
        return {"entries": entries, "lastSeq": self.rt.journal.last_seq, "capacity": self.rt.journal.size}

    def clear_journal(self) -> None:
        self.rt.journal.clear()

    def _iso(self, instant: float) -> str:
        return iso(datetime.fromtimestamp(instant, self.rt.clock.now().tzinfo))
