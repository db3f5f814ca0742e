"""MCF delivery features (reference §6.7): which exist where, what they cost, which SKUs qualify.

Computed from state: a seller is enrolled in every feature offered in the marketplace's country;
a SKU is eligible when it exists in the marketplace and has units in the network, and its
`skuCount` is its fulfillable quantity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound.records import FeatureConstraint
from emulator.errors import InvalidInput
from emulator.state import TenantState

# name -> (description, countries where offered; None = everywhere, per-unit surcharge in USD)
CATALOG: dict[str, tuple[str, tuple[str, ...] | None, Decimal]] = {
    "BLOCK_AMZL": (
        "Block Amazon Logistics: ship with a carrier other than Amazon Logistics.",
        None,
        Decimal("0.40"),
    ),
    "BLANK_BOX": ("Ship in unbranded packaging without Amazon logos.", None, Decimal("0.00")),
    "OVERBOX": ("Pack the product inside an additional outer box.", None, Decimal("0.25")),
    "PACKING_SLIP": ("Include a seller-branded packing slip in the package.", None, Decimal("0.00")),
    "SIGNATURE_CONFIRMATION": ("Require the recipient's signature on delivery.", ("US",), Decimal("1.25")),
}


def offered(name: str, country: str) -> bool:
    entry = CATALOG.get(name)
    return entry is not None and (entry[1] is None or country in entry[1])


def required(constraints: Sequence[FeatureConstraint] | None) -> list[str]:
    """Names of the features a request marks `Required`."""
    return [c.name or "" for c in constraints or () if c.policy == "Required"]


def unavailable(constraints: Sequence[FeatureConstraint] | None, country: str) -> list[str]:
    return [name for name in required(constraints) if not offered(name, country)]


def surcharge(constraints: Sequence[FeatureConstraint] | None) -> Decimal:
    return sum((CATALOG[n][2] for n in required(constraints) if n in CATALOG), Decimal("0"))


def require_known(name: str) -> None:
    if name not in CATALOG:
        raise InvalidInput(f"{name!r} is not a valid feature name.", f"featureName={name}")


@dataclass(frozen=True)
class FeatureSku:
    """A SKU that can use a feature: its identifiers and its fulfillable count."""

    sku: str
    fn_sku: str
    asin: str
    count: int


@dataclass(frozen=True)
class Eligibility:
    """Whether one SKU can use a feature: why not, or the SKU as the feature sees it."""

    reasons: list[str]
    found: FeatureSku | None


def sku_eligibility(
    tenant: TenantState, marketplace_id: str, country: str, name: str, sku: str
) -> Eligibility:
    """getFeatureSKU's answer for one SKU."""
    require_known(name)
    item = inventory.find(tenant, marketplace_id, sku)
    reasons = []
    if not offered(name, country):
        reasons.append("MERCHANT_NOT_ENROLLED")
    if item is None:
        reasons.append("INVALID_SKU")
    elif inventory.total_quantity(item) == 0:
        reasons.append("SKU_NOT_ELIGIBLE")
    if reasons or item is None:
        return Eligibility(reasons, None)
    return Eligibility([], FeatureSku(sku, item.fn_sku, item.asin, item.buckets.fulfillable))


def eligible_skus(
    tenant: TenantState, marketplace_id: str, country: str, name: str, since: float | None
) -> list[FeatureSku]:
    """Every SKU eligible for the feature (optionally only those changed since `since`), in SKU order."""
    require_known(name)
    if not offered(name, country):
        return []
    chosen = [
        i
        for i in inventory.items(tenant, marketplace_id)
        if inventory.total_quantity(i) > 0 and (since is None or i.updated_at >= since)
    ]
    chosen.sort(key=lambda i: i.seller_sku)
    return [FeatureSku(i.seller_sku, i.fn_sku, i.asin, i.buckets.fulfillable) for i in chosen]
