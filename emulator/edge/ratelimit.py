"""Throttling like production: token buckets per (application, seller, operation) on the emulator clock.

Modes: `enforce` (empty bucket -> 429 QuotaExceeded), `report` (only the `x-amzn-RateLimit-Limit` header;
the default, and the cheap one: no bucket is touched) and `off` (no header either). The plan of an
operation is its model default (reference §5.2), a per-operation override, or, with `sandbox_cap`,
Amazon's sandbox plan of 5 requests/s with a burst of 15, which then replaces every operation's own plan
(each operation keeps its own bucket). Grantless calls share a bucket per application.
Amazon sends no rate-limit header on a 429; `header_on_429` turns that on for clients that want it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emulator.catalog.operation import UsagePlan
from emulator.errors import QuotaExceeded
from emulator.protocol import RATE_LIMIT
from emulator.settings import RATE_LIMIT_MODES

SANDBOX_PLAN = UsagePlan(rate=5.0, burst=15)


@dataclass
class RateLimiter:
    """The throttling settings of one emulator and its buckets: key -> [tokens, last refill instant]."""

    mode: str = "report"
    sandbox_cap: bool = False
    header_on_429: bool = False
    overrides: dict[str, UsagePlan] = field(default_factory=dict)
    _buckets: dict[tuple[str, str, str], list[float]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.configure(mode=self.mode)

    def plan(self, operation_id: str, default: UsagePlan | None) -> UsagePlan | None:
        """The plan applied to `operation_id` (operations without a model plan are never throttled)."""
        if default is None:
            return None
        if self.sandbox_cap:
            return SANDBOX_PLAN
        return self.overrides.get(operation_id, default)

    def admit(
        self, operation_id: str, default: UsagePlan | None, application: str, seller: str | None, now: float
    ) -> str | None:
        """Take one token for this call; returns the header value to send, or raises QuotaExceeded."""
        if self.mode == "off":
            return None
        plan = self.plan(operation_id, default)
        if plan is None:
            return None
        if self.mode == "enforce":
            self._take(plan, (application, seller or "", operation_id), now)
        return plan.header_value

    def _take(self, plan: UsagePlan, key: tuple[str, str, str], now: float) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = [float(plan.burst), now]
        elif now > bucket[1]:  # a clock set backwards refills nothing
            bucket[0] = min(float(plan.burst), bucket[0] + (now - bucket[1]) * plan.rate)
            bucket[1] = now
        if bucket[0] < 1.0:
            headers = {RATE_LIMIT: plan.header_value} if self.header_on_429 else None
            raise QuotaExceeded(headers=headers)
        bucket[0] -= 1.0

    def refill(self) -> None:
        """Forget every bucket, so the next call of each finds it full."""
        self._buckets = {}

    def configure(
        self,
        mode: str | None = None,
        sandbox_cap: bool | None = None,
        header_on_429: bool | None = None,
        overrides: dict[str, dict[str, float]] | None = None,
    ) -> None:
        """Change settings (None leaves one as is); buckets start full again afterwards."""
        if mode is not None:
            if mode not in RATE_LIMIT_MODES:
                raise ValueError(f"rate-limit mode must be one of {RATE_LIMIT_MODES}, not {mode!r}")
            self.mode = mode
        if sandbox_cap is not None:
            self.sandbox_cap = sandbox_cap
        if header_on_429 is not None:
            self.header_on_429 = header_on_429
        if overrides is not None:
            self.overrides = {op: parse_plan(op, plan) for op, plan in overrides.items()}
        self.refill()

    def describe(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "sandboxCap": self.sandbox_cap,
            "headerOn429": self.header_on_429,
            "overrides": {op: {"rate": p.rate, "burst": p.burst} for op, p in sorted(self.overrides.items())},
        }


def parse_plan(operation_id: str, plan: dict[str, float]) -> UsagePlan:
    """A `{"rate": r, "burst": b}` override, checked."""
    try:
        rate, burst = float(plan["rate"]), int(plan["burst"])
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"override for {operation_id} needs a numeric rate and burst") from None
    if rate <= 0 or burst < 1:
        raise ValueError(f"override for {operation_id}: rate must be > 0 and burst >= 1")
    return UsagePlan(rate=rate, burst=burst)
