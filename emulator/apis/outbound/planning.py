"""What Amazon would promise for a set of order lines: stock check, weight, fees, dates, per speed.

Version-neutral; previews (both versions), delivery offers and order creation build on it.
Choices where Amazon is silent (documented in the README): fee tables below, in the marketplace
currency; Priority where the request's version offers it (`dialect`), ScheduledDelivery only in JP, COD
only in JP and IN; unfulfillable item reasons `InvalidSKU` (no FBA offer in the marketplace, see
`stock`) and `InsufficientInventory`; order reasons `DeliverySLAUnavailable`,
`InvalidDestinationAddress`, `FeatureNotAvailable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_COUNTRY, Marketplace
from emulator.apis.outbound import features, stock
from emulator.apis.outbound.dialect import V2020, Dialect
from emulator.apis.outbound.money import DECIMAL
from emulator.apis.outbound.records import FeatureConstraint
from emulator.apis.outbound.timings import DAY, Timings
from emulator.errors import InvalidInput
from emulator.state import TenantState

SPEEDS = ("Standard", "Expedited", "Priority", "ScheduledDelivery")
COD_COUNTRIES = ("JP", "IN")


def names_city(country: str) -> bool:
    """Whether an address in `country` names a city (Japanese addresses do not)."""
    return country != "JP"


MAX_LINES, MAX_UNITS = 100, 250
MAX_INT32 = 2**31 - 1
SPEED_FACTOR = {
    "Standard": Decimal("1.00"),
    "Expedited": Decimal("1.45"),
    "Priority": Decimal("2.10"),
    "ScheduledDelivery": Decimal("1.60"),
}
CURRENCY_FACTOR = {
    "USD": Decimal("1"),
    "CAD": Decimal("1.35"),
    "MXN": Decimal("17"),
    "JPY": Decimal("150"),
    "INR": Decimal("83"),
    "GBP": Decimal("0.8"),
    "EUR": Decimal("0.92"),
}
CENT = Decimal("0.01")


class Line(Protocol):
    """A requested line: an order line, or a line of a preview or offer request."""

    @property
    def sku(self) -> str: ...

    @property
    def line_id(self) -> str: ...

    @property
    def quantity(self) -> int: ...


class Place(Protocol):
    """Where a shipment goes, as far as a promise cares (an `Address` or an offer's rough destination)."""

    @property
    def country_code(self) -> str: ...

    @property
    def postal_code(self) -> str: ...

    @property
    def city(self) -> str | None: ...


@dataclass(frozen=True)
class RequestedLine:
    """A line of a preview or offer request."""

    sku: str
    line_id: str
    quantity: int


@dataclass(frozen=True)
class RoughPlace:
    """An offer request's destination: a country, perhaps a postal code and a city."""

    country_code: str
    postal_code: str
    city: str | None


@dataclass
class Plan:
    """One speed's promise for a set of lines."""

    speed: str
    marketplace: Marketplace
    shippable: list[tuple[Line, Decimal]] = field(default_factory=list)
    """Each line that can ship, with its unit weight in pounds."""
    unfulfillable: list[tuple[Line, list[str]]] = field(default_factory=list)
    order_reasons: list[str] = field(default_factory=list)
    weight_lb: Decimal = Decimal("0")
    fees: list[tuple[str, Decimal]] = field(default_factory=list)
    ship_window: tuple[float, float] = (0.0, 0.0)
    arrival_window: tuple[float, float] = (0.0, 0.0)

    @property
    def fulfillable(self) -> bool:
        return not self.unfulfillable and not self.order_reasons


def decimal_text(amount: Decimal) -> str:
    """An amount of money as the APIs write it: a decimal string with two places."""
    return str(amount.quantize(CENT))


def whole_units(text: str, field: str) -> int:
    """A decimal-string amount of eaches as an int: finite, whole and within int32 (else a 400)."""
    if not DECIMAL.match(text):
        raise InvalidInput(f"{field} {text!r} is not a decimal number.", field)
    value = Decimal(text)
    if not value.is_finite() or value != value.to_integral_value() or abs(value) > MAX_INT32:
        raise InvalidInput(f"{field} must be a whole number of eaches (got {text!r}).", field)
    return int(value)


def speed_available(speed: str, country: str, dialect: Dialect = V2020) -> bool:
    """Whether `speed` is offered in `country` to requests of `dialect`'s version."""
    if speed == "Priority":
        return country in dialect.priority_countries
    if speed == "ScheduledDelivery":
        return country == "JP"
    return True


def address_problem(address: Place) -> str | None:
    """Why an address cannot be delivered to, or None."""
    country = address.country_code
    if country not in BY_COUNTRY:
        return f"countryCode {country!r} is not a supported destination country"
    if not address.postal_code.strip():
        return "postalCode is empty"
    if names_city(country) and not (address.city or "").strip():
        return "city is required outside Japan"
    if not names_city(country) and address.city is not None:
        return "city must not be used in Japan"
    return None


def check_lines(lines: Sequence[Line], dialect: Dialect) -> None:
    """Amazon's documented limits: 100 lines, 250 units, unique line ids, positive quantities."""
    if not lines:
        raise InvalidInput("At least one item is required.", dialect.lines)
    if len(lines) > MAX_LINES:
        raise InvalidInput(f"An order may have at most {MAX_LINES} line items.", dialect.lines)
    for line in lines:
        if line.quantity <= 0:
            raise InvalidInput(
                f"{dialect.quantity} must be positive for {dialect.line(line.line_id)}.",
                f"{dialect.quantity}={line.quantity}",
            )
    if sum(line.quantity for line in lines) > MAX_UNITS:
        raise InvalidInput(f"An order may have at most {MAX_UNITS} units.", dialect.lines)
    ids = [line.line_id for line in lines]
    if len(set(ids)) != len(ids):
        raise InvalidInput(f"{dialect.line_id} values must be unique within an order.", dialect.lines)


def require_skus(tenant: TenantState, marketplace_id: str, lines: Sequence[Line], dialect: Dialect) -> None:
    """Unknown SKUs are a 400 with Amazon's observed wording (reference §6.2), not an unfulfillable line."""
    for line in lines:
        if inventory.find(tenant, marketplace_id, line.sku) is None:
            raise InvalidInput(dialect.unknown_sku.format(line=line.line_id), f"{dialect.sku}={line.sku}")


# Per-unit fulfilment fee by shipping weight (lb): tiers up to 3 lb, then a per-pound surcharge.
_FEE_TIERS = tuple(
    (Decimal(limit), Decimal(fee))
    for limit, fee in (("0.5", "5.49"), ("1", "6.29"), ("2", "7.49"), ("3", "8.29"))
)
_FEE_ABOVE_TIERS = Decimal("0.40")


def _unit_fee(weight_lb: Decimal) -> Decimal:
    for limit, fee in _FEE_TIERS:
        if weight_lb <= limit:
            return fee
    return _FEE_TIERS[-1][1] + (weight_lb - _FEE_TIERS[-1][0]) * _FEE_ABOVE_TIERS


def plan(
    tenant: TenantState,
    now: float,
    timings: Timings,
    marketplace: Marketplace,
    address: Place,
    lines: Sequence[Line],
    speed: str,
    constraints: Sequence[FeatureConstraint],
    cod: bool = False,
    dialect: Dialect = V2020,
) -> Plan:
    """The promise for `lines` at `speed`, judged against unreserved (fulfillable) stock."""
    result = Plan(speed, marketplace)
    if not speed_available(speed, marketplace.country, dialect):
        result.order_reasons.append("DeliverySLAUnavailable")
    if address_problem(address):
        result.order_reasons.append("InvalidDestinationAddress")
    if features.unavailable(constraints, marketplace.country):
        result.order_reasons.append("FeatureNotAvailable")
    per_unit = Decimal("0")
    for line in lines:
        item = inventory.find(tenant, marketplace.marketplace_id, line.sku)
        reason = stock.shortfall(tenant, marketplace.marketplace_id, line.sku, line.quantity)
        if item is None or reason is not None:
            result.unfulfillable.append((line, [reason or stock.NO_STOCK]))
            continue
        weight = Decimal(str(item.unit_weight_lb))
        result.shippable.append((line, weight))
        result.weight_lb += weight * line.quantity
        per_unit += (_unit_fee(weight) + features.surcharge(constraints)) * line.quantity
    scale = SPEED_FACTOR[speed] * CURRENCY_FACTOR.get(marketplace.currency, Decimal("1"))
    if result.shippable:
        result.fees.append(("FBAPerUnitFulfillmentFee", (per_unit * scale).quantize(CENT, ROUND_HALF_UP)))
        if address.country_code != marketplace.country:
            result.fees.append(
                ("FBATransportationFee", (Decimal("4.99") * scale).quantize(CENT, ROUND_HALF_UP))
            )
        if cod:
            result.fees.append(
                ("FBAFulfillmentCODFee", (Decimal("3.00") * scale).quantize(CENT, ROUND_HALF_UP))
            )
    earliest_ship = now + timings.fc_time()
    transit = timings.transit(speed)
    result.ship_window = (earliest_ship, earliest_ship + DAY)
    result.arrival_window = (earliest_ship + transit, earliest_ship + DAY + transit + DAY)
    return result


def cod_capable(marketplace: Marketplace) -> bool:
    return marketplace.country in COD_COUNTRIES
