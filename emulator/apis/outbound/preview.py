"""Previews and delivery offers: the `planning.Plan`s behind a preview or offer request, in either version.

Choices where Amazon is silent: without requested speeds every speed offered in the marketplace is
previewed; unfulfillable previews carry no shipments or fees; weights are in POUNDS for the US and
KILOGRAMS elsewhere; delivery windows (JP ScheduledDelivery) are three 4-hour slots on the earliest
arrival day; an offer request with too little stock gets no offers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from emulator.apis.inventory.marketplaces import BY_COUNTRY, Marketplace, require
from emulator.apis.outbound import planning
from emulator.apis.outbound.dialect import Dialect
from emulator.apis.outbound.lifecycle import Env
from emulator.apis.outbound.planning import Plan, RequestedLine, RoughPlace
from emulator.apis.outbound.records import Address, FeatureConstraint
from emulator.errors import InvalidInput

LB_TO_KG = Decimal("0.45359237")
HOUR = 3600.0


@dataclass(frozen=True)
class PreviewRequest:
    """A preview request of either version in neutral form."""

    marketplace_id: str | None
    address: Address
    lines: list[RequestedLine]
    speeds: list[str] | None
    """Speeds asked for; None for every speed the marketplace offers."""
    constraints: list[FeatureConstraint]
    include_cod: bool
    dialect: Dialect


@dataclass(frozen=True)
class OfferRequest:
    """A delivery-offer question for one SKU of either version in neutral form."""

    sku: str
    quantity_text: str
    origin_country: str
    destination: RoughPlace
    dialect: Dialect


@dataclass(frozen=True)
class Weight:
    unit: str
    value: str


def speeds_for(requested: list[str] | None, marketplace: Marketplace, dialect: Dialect) -> list[str]:
    offered = [s for s in planning.SPEEDS if planning.speed_available(s, marketplace.country, dialect)]
    return list(requested or offered)


def weight(pounds: Decimal, marketplace: Marketplace) -> Weight:
    if marketplace.country == "US":
        return Weight("POUNDS", str(pounds.quantize(planning.CENT)))
    return Weight("KILOGRAMS", str((pounds * LB_TO_KG).quantize(planning.CENT)))


def plans(env: Env, marketplace: Marketplace, request: PreviewRequest, now: float) -> list[tuple[Plan, bool]]:
    """(plan, isCOD) for every requested speed, plus COD variants where COD exists."""
    planning.check_lines(request.lines, request.dialect)
    planning.require_skus(env.tenant, marketplace.marketplace_id, request.lines, request.dialect)
    with_cod = (False, True) if request.include_cod and planning.cod_capable(marketplace) else (False,)
    return [
        (
            planning.plan(
                env.tenant,
                now,
                env.timings,
                marketplace,
                request.address,
                request.lines,
                speed,
                request.constraints,
                cod=cod,
                dialect=request.dialect,
            ),
            cod,
        )
        for speed in speeds_for(request.speeds, marketplace, request.dialect)
        for cod in with_cod
    ]


def delivery_windows(plan: Plan) -> list[tuple[float, float]]:
    """Three 4-hour delivery slots from the earliest arrival."""
    start = plan.arrival_window[0]
    return [(start + n * 4 * HOUR, start + (n + 1) * 4 * HOUR) for n in range(3)]


def offer_plans(
    env: Env, participations: Sequence[str], request: OfferRequest, now: float
) -> tuple[list[Plan], list[str]]:
    """The plans behind deliveryOffers / getOffers for one SKU (only speeds that can be met), and why
    it cannot ship at the standard speed: the item's unfulfillable reasons (stock), else the order's
    (an address nobody delivers to, a feature the marketplace lacks); empty when it can."""
    local = BY_COUNTRY.get(request.origin_country)
    if local is None:
        raise InvalidInput(f"Unsupported origin countryCode {request.origin_country!r}.", "countryCode")
    marketplace = require(local.marketplace_id, tuple(participations), "origin.countryCode")
    quantity = planning.whole_units(request.quantity_text, "amount.value")
    if quantity <= 0:
        raise InvalidInput("Amount value must be a positive whole number of eaches.", "amount.value")
    line = RequestedLine(sku=request.sku, line_id=request.sku, quantity=quantity)
    planning.require_skus(env.tenant, marketplace.marketplace_id, [line], request.dialect)
    found = [
        planning.plan(
            env.tenant,
            now,
            env.timings,
            marketplace,
            request.destination,
            [line],
            speed,
            [],
            dialect=request.dialect,
        )
        for speed in speeds_for(None, marketplace, request.dialect)
    ]
    standard = found[0]
    reasons = [reason for _, why in standard.unfulfillable for reason in why] or standard.order_reasons
    return [p for p in found if p.fulfillable], reasons
