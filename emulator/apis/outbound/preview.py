"""Previews and delivery offers: `planning.Plan`s for a request, rendered in 2020-07-01 shapes.

Choices where Amazon is silent: without `shippingSpeedCategories` every speed offered in the
marketplace is previewed; unfulfillable previews carry no shipments or fees; weights are in
POUNDS for the US and KILOGRAMS elsewhere; delivery windows (JP ScheduledDelivery) are three
4-hour slots on the earliest arrival day; an offer request with too little stock gets no offers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from emulator.apis.inventory.marketplaces import BY_COUNTRY, Marketplace, require
from emulator.apis.outbound import planning, records
from emulator.apis.outbound.lifecycle import Env
from emulator.errors import InvalidInput

LB_TO_KG = Decimal("0.45359237")
HOUR = 3600.0


def speeds_for(requested: list[str] | None, marketplace: Marketplace) -> list[str]:
    return list(requested or [s for s in planning.SPEEDS if planning.speed_available(s, marketplace.country)])


def weight(pounds: Decimal, marketplace: Marketplace) -> dict[str, str]:
    if marketplace.country == "US":
        return {"unit": "POUNDS", "value": str(pounds.quantize(planning.CENT))}
    return {"unit": "KILOGRAMS", "value": str((pounds * LB_TO_KG).quantize(planning.CENT))}


def plans(
    env: Env,
    marketplace: Marketplace,
    address: dict[str, Any],
    lines: list[dict[str, Any]],
    speeds: list[str],
    constraints: list[dict[str, Any]],
    include_cod: bool,
    now: float,
) -> list[tuple[planning.Plan, bool]]:
    """(plan, isCOD) for every requested speed, plus COD variants where COD exists."""
    planning.check_lines(lines)
    planning.require_skus(env.tenant, marketplace.marketplace_id, lines)
    found = []
    for speed in speeds:
        found.append(
            (
                planning.plan(env.tenant, now, env.timings, marketplace, address, lines, speed, constraints),
                False,
            )
        )
        if include_cod and planning.cod_capable(marketplace):
            found.append(
                (
                    planning.plan(
                        env.tenant,
                        now,
                        env.timings,
                        marketplace,
                        address,
                        lines,
                        speed,
                        constraints,
                        cod=True,
                    ),
                    True,
                )
            )
    return found


def delivery_windows(plan: planning.Plan) -> list[dict[str, str]]:
    start = plan.arrival_window[0]
    return [
        {"startDate": records.at(start + n * 4 * HOUR), "endDate": records.at(start + (n + 1) * 4 * HOUR)}
        for n in range(3)
    ]


def fulfillment_preview(
    plan: planning.Plan, cod: bool, constraints: list[dict[str, Any]] | None, windows: bool
) -> dict[str, Any]:
    """2020-07-01 `FulfillmentPreview`."""
    mp = plan.marketplace
    found: dict[str, Any] = {
        "shippingSpeedCategory": plan.speed,
        "isFulfillable": plan.fulfillable,
        "isCODCapable": cod,
        "marketplaceId": mp.marketplace_id,
        "estimatedShippingWeight": weight(plan.weight_lb, mp),
    }
    if plan.fulfillable:
        found["estimatedFees"] = [{"name": name, "amount": plan.money(amount)} for name, amount in plan.fees]
        found["fulfillmentPreviewShipments"] = [
            {
                "earliestShipDate": records.at(plan.ship_window[0]),
                "latestShipDate": records.at(plan.ship_window[1]),
                "earliestArrivalDate": records.at(plan.arrival_window[0]),
                "latestArrivalDate": records.at(plan.arrival_window[1]),
                "fulfillmentPreviewItems": [
                    {
                        "sellerSku": line["sellerSku"],
                        "quantity": line["quantity"],
                        "sellerFulfillmentOrderItemId": line["sellerFulfillmentOrderItemId"],
                        "estimatedShippingWeight": weight(line["unitWeightLb"], mp),
                        "shippingWeightCalculationMethod": "Package",
                    }
                    for line in plan.shippable
                ],
            }
        ]
    if plan.unfulfillable:
        found["unfulfillablePreviewItems"] = [
            {
                "sellerSku": line["sellerSku"],
                "quantity": line["quantity"],
                "sellerFulfillmentOrderItemId": line["sellerFulfillmentOrderItemId"],
                "itemUnfulfillableReasons": reasons,
            }
            for line, reasons in plan.unfulfillable
        ]
    if plan.order_reasons:
        found["orderUnfulfillableReasons"] = plan.order_reasons
    if windows and plan.speed == "ScheduledDelivery" and plan.fulfillable:
        found["scheduledDeliveryInfo"] = {
            "deliveryTimeZone": mp.time_zone,
            "deliveryWindows": delivery_windows(plan),
        }
    if constraints:
        found["featureConstraints"] = constraints
    return found


def offer_plans(
    env: Env,
    participations: tuple[str, ...],
    sku: str,
    quantity_text: str,
    origin_country: str,
    destination: dict[str, Any] | None,
    now: float,
) -> tuple[Marketplace, list[planning.Plan]]:
    """The plans behind deliveryOffers / getOffers for one SKU (only speeds that can be met)."""
    local = BY_COUNTRY.get(origin_country)
    if local is None:
        raise InvalidInput(f"Unsupported origin countryCode {origin_country!r}.", "countryCode")
    marketplace = require(local.marketplace_id, participations, "origin.countryCode")
    quantity = planning.whole_units(quantity_text, "amount.value")
    if quantity <= 0:
        raise InvalidInput("Amount value must be a positive whole number of eaches.", "amount.value")
    line = {"sellerSku": sku, "sellerFulfillmentOrderItemId": sku, "quantity": quantity}
    planning.require_skus(env.tenant, marketplace.marketplace_id, [line])
    where = destination or {}
    address = {
        "countryCode": where.get("countryCode", origin_country),
        "postalCode": where.get("postalCode", "-"),
        "city": where.get("city", "-"),
    }
    found = [
        planning.plan(env.tenant, now, env.timings, marketplace, address, [line], speed, [])
        for speed in planning.SPEEDS
        if planning.speed_available(speed, marketplace.country)
    ]
    return marketplace, [p for p in found if p.fulfillable]
