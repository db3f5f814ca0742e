"""The fault rules of one emulator, their two pipeline steps, and the stale-read window.

`InjectFault` runs after authentication: it applies a header fault or the first firing rule, answers
stale reads with 404, and leaves delivery effects on the exchange for `edge/delivery.py`.
`MarkStale` runs after a successful dispatch and opens the stale window of what a write named.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import orjson

from emulator.edge.exchange import Exchange
from emulator.edge.faults import MATCH_FIELDS, Effect, FaultRule, FaultSpecError, Injection
from emulator.errors import InvalidInput, NotFound, ServiceUnavailable, nearest
from emulator.protocol import FAULT
from emulator.state import Clock
from emulator.state.clock import reachable

ID_FIELD = re.compile(r"(Id|ID|sku|Sku|SKU)$")
RULE_FIELDS = {"id", "match", "effect", "probability", "times", "every", "after", "from", "until", "seed"}


def _count(doc: dict[str, Any], name: str, minimum: int) -> int | None:
    value = doc.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise FaultSpecError(f"`{name}` must be an integer >= {minimum}")
    return value


def _instant(doc: dict[str, Any], name: str) -> float | None:
    if doc.get(name) is None:
        return None
    try:
        return reachable(str(doc[name]))
    except ValueError as error:
        raise FaultSpecError(f"`{name}`: {error}") from None


class FaultEngine:
    """Rules in order, the seed their RNGs derive from, and the open stale windows. A rule matching an
    operationId outside `operation_ids` (when given: the catalog's) is refused, the nearest one suggested."""

    def __init__(self, seed: int, allow_header: bool = False, operation_ids: Collection[str] = ()) -> None:
        self.seed = seed
        self.allow_header = allow_header
        self.operation_ids = operation_ids
        self.rules: list[FaultRule] = []
        self._next_id = 0
        self._stale: dict[tuple[str, str], float] = {}
        self._header_rng = random.Random(f"{seed}:header")

    # rules -------------------------------------------------------------------------------------
    def parse(self, doc: Any) -> FaultRule:
        """A rule from its JSON form (see module docstring of `edge/faults.py`)."""
        if not isinstance(doc, dict):
            raise FaultSpecError("a fault rule must be a JSON object")
        unknown = set(doc) - RULE_FIELDS
        if unknown:
            hints = "".join(nearest(name, RULE_FIELDS) for name in sorted(unknown))
            raise FaultSpecError(f"unknown fault rule fields {sorted(unknown)}{hints}")
        match_doc = doc.get("match") or {}
        if not isinstance(match_doc, dict) or set(match_doc) - set(MATCH_FIELDS):
            raise FaultSpecError(f"`match` may only name {sorted(MATCH_FIELDS)}")
        match = {MATCH_FIELDS[k]: str(v) for k, v in match_doc.items() if v is not None}
        wanted = match.get("operation_id")
        if wanted is not None and self.operation_ids and wanted not in self.operation_ids:
            hint = nearest(wanted, self.operation_ids)
            raise FaultSpecError(f"`match.operationId`: the models declare no operation {wanted!r}{hint}")
        if "method" in match:
            match["method"] = match["method"].upper()
        probability = doc.get("probability", 1.0)
        if not isinstance(probability, int | float) or not 0.0 <= probability <= 1.0:
            raise FaultSpecError("`probability` must be between 0 and 1")
        rule_id = str(doc.get("id") or "")
        if not rule_id:
            self._next_id += 1
            rule_id = f"f{self._next_id}"
        seed = doc.get("seed", self.seed)
        if not isinstance(seed, int | str) or isinstance(seed, bool):
            raise FaultSpecError("`seed` must be an integer or a string")
        start, end = _instant(doc, "from"), _instant(doc, "until")
        if start is not None and end is not None and end <= start:
            raise FaultSpecError("`until` must be later than `from`")
        rule = FaultRule(
            rule_id,
            Effect.parse(doc.get("effect")),
            match,
            float(probability),
            _count(doc, "times", 0),
            _count(doc, "every", 1),
            _count(doc, "after", 0) or 0,
            start,
            end,
            seed,
        )
        rule.rng.seed(f"{seed}:{rule_id}")
        return rule

    def add(self, doc: Any) -> FaultRule:
        """Parse and append a rule; an id already in use replaces that rule in place."""
        rule = self.parse(doc)
        for index, existing in enumerate(self.rules):
            if existing.id == rule.id:
                self.rules[index] = rule
                return rule
        self.rules.append(rule)
        return rule

    def replace(self, docs: list[Any]) -> list[FaultRule]:
        """Swap the whole rule list, numbered from f1 again (all parsed first: a bad rule changes nothing)."""
        counter, self._next_id = self._next_id, 0
        try:
            rules = [self.parse(doc) for doc in docs]
            if len({r.id for r in rules}) != len(rules):
                raise FaultSpecError("fault rule ids must be unique")
        except FaultSpecError:
            self._next_id = counter
            raise
        self.rules = rules
        return rules

    def remove(self, rule_id: str) -> bool:
        before = len(self.rules)
        self.rules = [r for r in self.rules if r.id != rule_id]
        return len(self.rules) != before

    def clear(self) -> None:
        """Forget every rule and stale window; new rule ids start again at f1."""
        self.rules = []
        self._stale = {}
        self._next_id = 0

    def header_delay(self, delay: tuple[float, float]) -> float:
        """A delay drawn for a header fault (seeded like the rules)."""
        return self._header_rng.uniform(*delay)

    @property
    def has_stale(self) -> bool:
        return bool(self._stale)

    def forget_stale(self) -> None:
        self._stale = {}

    # per request -------------------------------------------------------------------------------
    def select(self, attrs: dict[str, str | None], query: bytes, body: bytes, now: float) -> Injection | None:
        """The injection of the first rule that fires for this call, if any."""
        cache: list[set[str]] = []

        def marketplaces() -> set[str]:
            if not cache:
                cache.append(_marketplaces(query, body))
            return cache[0]

        for rule in self.rules:
            if rule.matches(attrs, marketplaces) and rule.fires(now):
                return rule.inject()
        return None

    def is_stale(self, seller: str, values: Iterable[str], now: float) -> bool:
        stale = self._stale
        for value in values:
            until = stale.get((seller, value))
            if until is not None:
                if until > now:
                    return True
                del stale[(seller, value)]
        return False

    def open_stale(self, seller: str, values: Iterable[str], until: float) -> None:
        for value in values:
            self._stale[(seller, value)] = until

    def describe(self) -> dict[str, Any]:
        return {"rules": [r.describe() for r in self.rules], "headerFaults": self.allow_header}


def _marketplaces(query: bytes, body: bytes) -> set[str]:
    """Marketplace ids a call names, in its query (`marketplaceId(s)`) or its JSON body's top level."""
    found = {
        v
        for k, raw in parse_qsl(query.decode("latin-1"))
        if k in ("marketplaceId", "marketplaceIds")
        for v in raw.split(",")
    }
    if body[:1] == b"{":
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            return found
        for key in ("marketplaceId", "marketplaceIds"):
            value = doc.get(key)
            found.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return found


def _written_ids(x: Exchange) -> set[str]:
    """The resource identifiers a write names: its path parameters and id-like top-level body strings."""
    values = set(x.path_params.values())
    if isinstance(x.body, dict):
        values.update(v for k, v in x.body.items() if isinstance(v, str) and ID_FIELD.search(k))
    return values


@dataclass(frozen=True, slots=True)
class FaultStep:
    """What both fault steps work with: the rules (and stale windows), on the emulator clock."""

    faults: FaultEngine
    clock: Clock


@dataclass(frozen=True, slots=True)
class InjectFault(FaultStep):
    """Pipeline step: a header fault, else the first firing rule; stale reads answer 404."""

    def __call__(self, x: Exchange) -> None:
        engine = self.faults
        assert x.caller is not None  # Authenticate, the step before, answers 403 without one
        seller = x.caller.seller_id
        injection = None
        if engine.allow_header and FAULT in x.headers:
            injection = self._header_fault(x)
        elif engine.rules:
            assert x.operation is not None
            attrs = {
                "operation_id": x.operation.operation_id,
                "path": x.raw_path,
                "method": x.method,
                "seller_id": seller,
            }
            injection = engine.select(attrs, x.query_string, x.body_bytes, self.clock.timestamp())
        if (
            engine.has_stale
            and x.method == "GET"
            and seller
            and x.path_params
            and engine.is_stale(seller, x.path_params.values(), self.clock.timestamp())
        ):
            x.faults.append("stale-read")
            raise NotFound()
        if injection is None:
            return
        x.faults.append(injection.label)
        x.injection = injection
        if injection.effect.kind == "error":
            raise injection.effect.error()
        if injection.effect.kind == "drop" and not injection.effect.processed:
            raise ServiceUnavailable(
                details="never sent: the connection is dropped before the call is processed"
            )

    def _header_fault(self, x: Exchange) -> Injection:
        try:
            injection = Injection(Effect.shorthand(x.headers[FAULT]), "header")
        except FaultSpecError as error:
            raise InvalidInput(f"Invalid {FAULT} header.", str(error)) from None
        if injection.effect.delay:
            injection.delay = self.faults.header_delay(injection.effect.delay)
        return injection


@dataclass(frozen=True, slots=True)
class MarkStale(FaultStep):
    """Pipeline step after dispatch: a successful write under a `stale` effect opens its window."""

    def __call__(self, x: Exchange) -> None:
        injection = x.injection
        if (
            injection is None
            or injection.effect.kind != "stale"
            or not 200 <= x.status < 300
            or x.caller is None
        ):
            return
        seller = x.caller.seller_id
        if seller:
            until = self.clock.timestamp() + injection.effect.seconds
            self.faults.open_stale(seller, _written_ids(x), until)
