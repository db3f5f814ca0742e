"""What a promise (`planning.plan`) quotes: exact fees per weight tier, speed, currency and COD, the
shipping weight, the ship and arrival windows, and why lines or the whole order cannot ship."""

from __future__ import annotations

from decimal import Decimal

import msgspec
import pytest

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_ID
from emulator.apis.inventory.records import ITEMS, Buckets, InventoryItem
from emulator.apis.outbound import planning
from emulator.apis.outbound.dialect import V2026
from emulator.apis.outbound.records import Address, FeatureConstraint
from emulator.apis.outbound.timings import DAY, Timings
from emulator.state import Store, TenantState

US, JP, CA, BR = "ATVPDKIKX0DER", "A1VC38T7YXB528", "A2EUQ1WTGCTBG2", "A2Q3Y263D00KWC"
NOW = 1_000_000.0
FAST = Timings(planning_after=10.0, processing_after=200.0, ship_after=3000.0, transit_expedited=40000.0)
HOME = {
    "US": Address(
        name="A", address_line1="1 Main St", city="Seattle", postal_code="98101", country_code="US"
    ),
    "JP": Address(name="T", address_line1="1-1 Chiyoda", postal_code="100-0001", country_code="JP"),
    "CA": Address(name="C", address_line1="1 Bay St", city="Toronto", postal_code="M5J", country_code="CA"),
    "BR": Address(name="B", address_line1="1 Rua", city="Rio", postal_code="20000", country_code="BR"),
}


def stocked(marketplace_id: str, weights: dict[str, float], units: int = 10) -> TenantState:
    """A seller whose SKUs (offered for FBA) weigh as given and have `units` fulfillable units each."""
    tenant = Store().tenant("S1")
    for sku, pounds in weights.items():
        item = InventoryItem(
            seller_sku=sku,
            marketplace_id=marketplace_id,
            product_name=sku,
            fn_sku="X00" + sku,
            asin="B0" + sku,
            unit_weight_lb=pounds,
            updated_at=0.0,
            buckets=Buckets(),
        )
        tenant.table(ITEMS).put(item.key, item)
        inventory.add(tenant, 0.0, marketplace_id, sku, units)
    return tenant


def promise(
    tenant: TenantState, lines: dict[str, int], *, marketplace_id: str = US, speed: str = "Standard", **kwargs
) -> planning.Plan:
    marketplace = BY_ID[marketplace_id]
    requested = [planning.RequestedLine(sku=sku, line_id=sku, quantity=qty) for sku, qty in lines.items()]
    address = kwargs.pop("address", HOME[marketplace.country])
    return planning.plan(
        tenant, NOW, kwargs.pop("timings", Timings()), marketplace, address, requested, speed, [], **kwargs
    )


@pytest.mark.parametrize(
    ("pounds", "fee"),
    [
        (0.5, "5.49"),  # each tier includes its upper limit
        (0.75, "6.29"),
        (1.0, "6.29"),
        (2.0, "7.49"),
        (3.0, "8.29"),
        (4.0, "8.69"),  # 8.29 for the first 3 lb, 0.40 per pound above
        (3.0375, "8.31"),  # 8.305: half a cent rounds up
    ],
)
def test_the_per_unit_fee_follows_the_weight_tiers(pounds, fee):
    plan = promise(stocked(US, {"SKU": pounds}), {"SKU": 1})
    assert plan.fees == [("FBAPerUnitFulfillmentFee", Decimal(fee))]


def test_fees_and_weight_add_up_over_lines_and_units():
    plan = promise(stocked(US, {"LIGHT": 0.5, "HEAVY": 4.0}), {"LIGHT": 2, "HEAVY": 3})
    assert plan.fees == [("FBAPerUnitFulfillmentFee", Decimal("37.05"))]  # 2 x 5.49 + 3 x 8.69
    assert plan.weight_lb == Decimal("13.0")
    assert [(line.sku, weight) for line, weight in plan.shippable] == [
        ("LIGHT", Decimal("0.5")),
        ("HEAVY", Decimal("4.0")),
    ]
    assert plan.fulfillable and plan.unfulfillable == [] and plan.order_reasons == []
    assert plan.speed == "Standard" and plan.marketplace is BY_ID[US]


def test_feature_surcharges_are_added_per_unit():
    tenant = stocked(US, {"SKU": 0.5})
    marketplace = BY_ID[US]
    line = planning.RequestedLine(sku="SKU", line_id="SKU", quantity=2)
    blocked = [FeatureConstraint(name="BLOCK_AMZL", policy="Required")]
    plan = planning.plan(tenant, NOW, Timings(), marketplace, HOME["US"], [line], "Standard", blocked)
    assert plan.fees == [("FBAPerUnitFulfillmentFee", Decimal("11.78"))]  # 2 x (5.49 + 0.40)


def test_speed_and_currency_scale_the_fees():
    tenant = stocked(JP, {"SKU": 0.5})
    expedited = promise(tenant, {"SKU": 1}, marketplace_id=JP, speed="Expedited")
    assert expedited.fees == [("FBAPerUnitFulfillmentFee", Decimal("1194.08"))]  # 5.49 x 1.45 x 150 JPY
    cad = promise(stocked(CA, {"SKU": 0.5}), {"SKU": 1}, marketplace_id=CA, speed="Priority", dialect=V2026)
    assert cad.fees == [("FBAPerUnitFulfillmentFee", Decimal("15.56"))]  # 5.49 x 2.10 x 1.35 CAD
    assert cad.fulfillable  # Priority is offered in Canada
    brl = promise(stocked(BR, {"SKU": 0.5}), {"SKU": 1}, marketplace_id=BR)
    assert brl.fees == [("FBAPerUnitFulfillmentFee", Decimal("5.49"))]  # no rate for BRL: as in USD


def test_cash_on_delivery_adds_its_fee_only_when_asked():
    tenant = stocked(JP, {"SKU": 0.5})
    cod = promise(tenant, {"SKU": 1}, marketplace_id=JP, cod=True)
    assert cod.fees == [
        ("FBAPerUnitFulfillmentFee", Decimal("823.50")),
        ("FBAFulfillmentCODFee", Decimal("450.00")),  # 3.00 x 150 JPY
    ]
    assert [name for name, _ in promise(tenant, {"SKU": 1}, marketplace_id=JP).fees] == [
        "FBAPerUnitFulfillmentFee"
    ]


def test_windows_start_when_the_order_would_leave_the_fc():
    plan = promise(stocked(US, {"SKU": 1.0}), {"SKU": 1}, speed="Expedited", timings=FAST)
    leaves = NOW + 3210.0
    assert plan.ship_window == (leaves, leaves + DAY)
    assert plan.arrival_window == (leaves + 40000.0, leaves + DAY + 40000.0 + DAY)


def test_short_and_unoffered_lines_are_unfulfillable_and_later_lines_still_ship():
    tenant = stocked(US, {"FEW": 1.0, "OK": 1.0}, units=2)
    tenant.table(ITEMS).put(
        f"{US}/GONE",
        msgspec.structs.replace(tenant.table(ITEMS).get(f"{US}/OK"), seller_sku="GONE", implicit_offer=False),
    )
    plan = promise(tenant, {"GONE": 1, "FEW": 3, "OK": 2})
    assert [(line.sku, why) for line, why in plan.unfulfillable] == [
        ("GONE", ["InvalidSKU"]),
        ("FEW", ["InsufficientInventory"]),
    ]
    assert [line.sku for line, _ in plan.shippable] == ["OK"] and not plan.fulfillable
    assert plan.fees == [("FBAPerUnitFulfillmentFee", Decimal("12.58"))] and plan.weight_lb == Decimal("2.0")


def test_nothing_shippable_means_no_fees():
    plan = promise(stocked(US, {"SKU": 1.0}, units=1), {"SKU": 2})
    assert plan.fees == [] and plan.shippable == [] and plan.weight_lb == Decimal("0")


def test_order_reasons_name_the_speed_the_address_and_the_features():
    tenant = stocked(US, {"SKU": 1.0})
    nowhere = Address(name="A", address_line1="1 Main St", city="X", postal_code=" ", country_code="US")
    line = planning.RequestedLine(sku="SKU", line_id="SKU", quantity=1)
    sealed = [FeatureConstraint(name="SIGNATURE_CONFIRMATION", policy="Required")]
    plan = planning.plan(tenant, NOW, Timings(), BY_ID[US], nowhere, [line], "ScheduledDelivery", sealed)
    assert plan.order_reasons == ["DeliverySLAUnavailable", "InvalidDestinationAddress"]
    japan = planning.plan(
        stocked(JP, {"SKU": 1.0}), NOW, Timings(), BY_ID[JP], HOME["JP"], [line], "Priority", sealed
    )
    assert japan.order_reasons == ["DeliverySLAUnavailable", "FeatureNotAvailable"] and not japan.fulfillable


def test_each_version_offers_priority_and_japan_offers_scheduled_delivery():
    line = planning.RequestedLine(sku="SKU", line_id="SKU", quantity=1)
    us = stocked(US, {"SKU": 1.0})
    modern = planning.plan(us, NOW, Timings(), BY_ID[US], HOME["US"], [line], "Priority", [], dialect=V2026)
    assert modern.order_reasons == ["DeliverySLAUnavailable"]  # 2026-07-04: Priority only in CA, IN and MX
    assert promise(us, {"SKU": 1}, speed="Priority").order_reasons == []  # 2020-07-01 offers it in the US
    scheduled = promise(stocked(JP, {"SKU": 1.0}), {"SKU": 1}, marketplace_id=JP, speed="ScheduledDelivery")
    assert scheduled.order_reasons == [] and scheduled.fulfillable
