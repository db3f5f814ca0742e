"""Fault injection: rules that make chosen SP-API calls fail on purpose, the way Amazon sometimes does.

A rule = `match` (operationId, path glob, method, seller, marketplace) + scope (probability, first N
`times`, `every` Nth, `after` N, `from`/`until` emulator time) + one `effect`:

    error        an SP-API error (status + code/message/details), the handler does not run
    latency      the call runs normally, its response is delayed (`ms`, fixed or [min, max])
    drop         the connection is closed without any response; the handler does not run unless
                 `processed: true` (the write happens, the reply is lost)
    empty | truncate | malformed | content-type
                 the call runs (state changes happen), then the response body is corrupted
    stale        a 2xx write makes the resources it names answer 404 to GETs for `seconds`

Any effect may also carry `delayMs`. The first rule whose match and scope pass applies. Probabilities
and latency ranges draw from a per-rule RNG seeded from the emulator seed and the rule id, so the same
seed and the same requests inject the same faults. One-off faults come from the `x-mcf-emulator-fault`
request header (`protocol.FAULT`) when the operator allows it; its value is an effect object (JSON)
or a shorthand such as `503`, `latency:200`, `latency:100-500`, `drop`, `empty`, `truncate`, `malformed`,
`content-type:text/html`, `stale:30`. Stale reads only cover resources named in a GET's path
(e.g. getFulfillmentOrder).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import orjson

from emulator.errors import STANDARD, SpApiError, error_for
from emulator.state.clock import iso

MAX_DELAY_MS = 600_000
KINDS = ("error", "latency", "drop", "empty", "truncate", "malformed", "content-type", "stale")
MATCH_FIELDS = {
    "operationId": "operation_id",
    "path": "path",
    "method": "method",
    "sellerId": "seller_id",
    "marketplaceId": "marketplace_id",
}


class FaultSpecError(ValueError):
    """A fault rule or header that cannot be understood."""


def _delay(value: Any, name: str) -> tuple[float, float] | None:
    """`ms` or `[min, max]` milliseconds as a (min, max) pair of seconds."""
    if value is None:
        return None
    pair = value if isinstance(value, list) else [value, value]
    if len(pair) != 2 or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= MAX_DELAY_MS for v in pair
    ):
        raise FaultSpecError(f"{name} must be milliseconds (0 to {MAX_DELAY_MS}) or a [min, max] pair")
    low, high = sorted(pair)
    return low / 1000, high / 1000


@dataclass(frozen=True)
class Effect:
    """What happens to a call a rule (or the header) selected."""

    kind: str
    status: int | None = None
    code: str | None = None
    message: str | None = None
    details: str = ""
    delay: tuple[float, float] | None = None
    content_type: str = "text/html;charset=UTF-8"
    seconds: float = 30.0
    processed: bool = False

    @classmethod
    def parse(cls, doc: Any) -> Effect:
        if not isinstance(doc, dict) or doc.get("type") not in KINDS:
            raise FaultSpecError(f"an effect needs a `type`, one of {KINDS}")
        kind = doc["type"]
        unknown = set(doc) - {
            "type",
            "status",
            "code",
            "message",
            "details",
            "ms",
            "delayMs",
            "contentType",
            "seconds",
            "processed",
        }
        if unknown:
            raise FaultSpecError(f"unknown effect fields {sorted(unknown)}")
        status = doc.get("status", 503 if kind == "error" else None)
        if kind == "error" and (not isinstance(status, int) or not 400 <= status <= 599):
            raise FaultSpecError("an error effect needs a status between 400 and 599")
        if kind == "error" and status not in STANDARD and not (doc.get("code") and doc.get("message")):
            raise FaultSpecError(f"status {status} has no standard SP-API error: give `code` and `message`")
        seconds = doc.get("seconds", 30.0)
        if not isinstance(seconds, int | float) or seconds <= 0:
            raise FaultSpecError("stale `seconds` must be a positive number")
        delay = _delay(doc.get("ms") if kind == "latency" else doc.get("delayMs"), "ms/delayMs")
        if kind == "latency" and delay is None:
            raise FaultSpecError("a latency effect needs `ms`")
        return cls(
            kind,
            status,
            doc.get("code"),
            doc.get("message"),
            str(doc.get("details", "")),
            delay,
            str(doc.get("contentType", cls.content_type)),
            float(seconds),
            bool(doc.get("processed")),
        )

    @classmethod
    def shorthand(cls, text: str) -> Effect:
        """Parse the header form: a JSON effect object, or `kind[:argument]`."""
        text = text.strip()
        if text.startswith("{"):
            try:
                return cls.parse(orjson.loads(text))
            except orjson.JSONDecodeError:
                raise FaultSpecError("the fault header holds invalid JSON") from None
        kind, _, arg = text.partition(":")
        if kind.isdigit():
            kind, arg = "error", kind
        doc: dict[str, Any] = {"type": kind}
        try:
            if kind == "error" and arg:
                doc["status"] = int(arg)
            elif kind == "latency":
                low, _, high = arg.partition("-")
                doc["ms"] = [float(low), float(high)] if high else float(low)
            elif kind == "stale" and arg:
                doc["seconds"] = float(arg)
            elif kind == "content-type" and arg:
                doc["contentType"] = arg
        except ValueError:
            raise FaultSpecError(f"bad argument in fault header {text!r}") from None
        return cls.parse(doc)

    def error(self) -> SpApiError:
        """The SP-API error an `error` effect answers with: the one Amazon sends for the status, unless the
        rule overrides its code, message or details."""
        assert self.status is not None
        return error_for(self.status, self.message, self.details, self.code)

    def describe(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"type": self.kind}
        if self.kind == "error":
            doc.update(status=self.status, code=self.error().code)
            if self.message:
                doc["message"] = self.message
            if self.details:
                doc["details"] = self.details
        if self.delay:
            ms = [round(v * 1000, 3) for v in self.delay]
            doc["ms" if self.kind == "latency" else "delayMs"] = ms[0] if ms[0] == ms[1] else ms
        if self.kind == "content-type":
            doc["contentType"] = self.content_type
        if self.kind == "stale":
            doc["seconds"] = self.seconds
        if self.kind == "drop":
            doc["processed"] = self.processed
        return doc


@dataclass
class Injection:
    """One effect applied to one call, with its drawn delay (seconds)."""

    effect: Effect
    rule_id: str
    delay: float = 0.0

    @property
    def label(self) -> str:
        status = f":{self.effect.status}" if self.effect.kind == "error" else ""
        return f"{self.effect.kind}{status}@{self.rule_id}"


@dataclass
class FaultRule:
    """A match, a scope and an effect, with counters of how often it matched and fired."""

    id: str
    effect: Effect
    match: dict[str, str]
    probability: float = 1.0
    times: int | None = None
    every: int | None = None
    after: int = 0
    start: float | None = None
    end: float | None = None
    seed: int | str = 0
    matched: int = 0
    applied: int = 0
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def matches(self, attrs: dict[str, str | None], marketplace: Callable[[], Iterable[str]]) -> bool:
        for name, wanted in self.match.items():
            if name == "marketplace_id":
                if wanted not in marketplace():
                    return False
            elif name == "path":
                if not fnmatchcase(attrs["path"] or "", wanted):
                    return False
            elif attrs[name] != wanted:
                return False
        return True

    def fires(self, now: float) -> bool:
        """Count one matching call and decide, by time window, count scope and probability."""
        if (self.start is not None and now < self.start) or (self.end is not None and now >= self.end):
            return False
        self.matched += 1
        nth = self.matched - self.after
        if (
            nth <= 0
            or (self.every and nth % self.every)
            or (self.times is not None and self.applied >= self.times)
        ):
            return False
        if self.probability < 1.0 and self.rng.random() >= self.probability:
            return False
        self.applied += 1
        return True

    def inject(self) -> Injection:
        delay = self.effect.delay
        drawn = 0.0 if delay is None else delay[0] if delay[0] == delay[1] else self.rng.uniform(*delay)
        return Injection(self.effect, self.id, drawn)

    def describe(self) -> dict[str, Any]:
        match = {name: self.match[attr] for name, attr in MATCH_FIELDS.items() if attr in self.match}
        doc: dict[str, Any] = {
            "id": self.id,
            "match": match,
            "effect": self.effect.describe(),
            "probability": self.probability,
            "after": self.after,
            "seed": self.seed,
            "matched": self.matched,
            "applied": self.applied,
        }
        for name, value in (("times", self.times), ("every", self.every)):
            if value is not None:
                doc[name] = value
        for name, instant in (("from", self.start), ("until", self.end)):
            if instant is not None:
                doc[name] = iso(instant)
        return doc
