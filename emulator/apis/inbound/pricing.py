"""What Amazon's partnered carriers charge in the emulator: per pound of boxes, or per pound of pallets.

Amazon's prices are not published; these are the emulator's own, in the marketplace's currency.
"""

from __future__ import annotations

from emulator.apis.inbound.transport_records import Money

KG_IN_LB = 2.20462


def pounds(value: float, unit: str) -> float:
    return value * KG_IN_LB if unit == "KG" else value


def parcel(weight_lb: float, currency: str) -> Money:
    """Small parcel: a base charge and a rate per pound."""
    return Money(amount=round(4.0 + 0.45 * weight_lb, 2), code=currency)


def freight(weight_lb: float, currency: str) -> Money:
    """Less-than-truckload freight: a base charge and a lower rate per pound."""
    return Money(amount=round(150.0 + 0.12 * weight_lb, 2), code=currency)
