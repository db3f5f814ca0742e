"""The catalog: every in-scope operation indexed, usage plans and sandbox cases read from the models."""

from __future__ import annotations

import pytest

from emulator.catalog.usage_plans import parse_usage_plan

EXPECTED_PER_MODEL = {
    "fulfillmentOutbound_2020-07-01": 14,
    "fulfillmentOutbound_2026-07-04": 9,
    "fbaInventory": 4,
    "listingsItems_2021-08-01": 5,
    "fulfillmentInbound_2024-03-20": 45,
    "fulfillmentInboundV0": 6,
    "notifications": 10,
    "reports_2021-06-30": 9,
}


def test_catalog_indexes_all_102_in_scope_operations(catalog):
    assert len(catalog) == 102
    per_model: dict[str, int] = {}
    for op in catalog:
        per_model[op.model] = per_model.get(op.model, 0) + 1
    assert per_model == EXPECTED_PER_MODEL


def test_out_of_scope_models_are_not_served(catalog):
    assert "getItemEligibilityPreview" not in catalog
    assert "getDefinitionsProductType" not in catalog


@pytest.mark.parametrize(
    ("operation_id", "rate", "burst"),
    [
        ("getFulfillmentPreview", 2.0, 30),
        ("deliveryOffers", 5.0, 30),
        ("getInventorySummaries", 2.0, 2),
        ("getListingsItem", 5.0, 10),
        ("createInboundPlan", 2.0, 2),
        ("createReport", 0.0167, 15),
        ("getReports", 0.0222, 10),
        ("getDestinations", 1.0, 5),
    ],
)
def test_usage_plans_are_parsed_from_descriptions(catalog, operation_id, rate, burst):
    plan = catalog[operation_id].usage_plan
    assert plan is not None and (plan.rate, plan.burst) == (rate, burst)


def test_operations_without_a_plan_have_none(catalog):
    without = sorted(op.operation_id for op in catalog if op.usage_plan is None)
    assert without == sorted(
        [
            "createInventoryItem",
            "addInventory",
            "deleteInventoryItem",
            "submitFulfillmentOrderStatusUpdate",
            "updateOrderStatus",
            "updatePackage",
            "cancelSelfShipAppointment",
            "getSelfShipAppointmentSlots",
            "generateSelfShipAppointmentSlots",
            "scheduleSelfShipAppointment",
            "listPrepDetails",
        ]
    )


def test_rate_limit_header_value_looks_like_amazons(catalog):
    assert catalog["getFulfillmentPreview"].usage_plan.header_value == "2.0"
    assert catalog["createReport"].usage_plan.header_value == "0.0167"


def test_three_column_usage_plan_uses_the_default_row():
    text = (
        "| Plan type | Rate (requests per second) | Burst |\n| ---- | ---- | ---- |\n"
        "| Default | 0.5 | 3 |\n| Selling partner specific | 1 | 5 |"
    )
    plan = parse_usage_plan(text)
    assert plan is not None and (plan.rate, plan.burst) == (0.5, 3)


def test_placeholder_plans_are_ignored():
    assert parse_usage_plan("| Rate (requests per second) | Burst |\\n| ---- | ---- |\\n| n | n |") is None


def test_grantless_and_sandbox_only_operations_are_marked(catalog):
    grantless = {op.operation_id for op in catalog if op.grantless}
    assert grantless == {
        "getSubscriptionById",
        "deleteSubscriptionById",
        "sendTestNotification",
        "getDestinations",
        "createDestination",
        "getDestination",
        "deleteDestination",
    }
    sandbox_only = {op.operation_id for op in catalog if op.sandbox_only}
    assert sandbox_only == {
        "createInventoryItem",
        "addInventory",
        "deleteInventoryItem",
        "submitFulfillmentOrderStatusUpdate",
        "updateOrderStatus",
        "updatePackage",
        "sendTestNotification",
    }


def test_static_sandbox_cases_are_collected(catalog):
    assert sum(len(op.static_cases) for op in catalog) == 151
    case = catalog["getListingsItem"].static_cases[0]
    assert case.status == 200 and case.response["sku"] == "GM-ZDPI-9B4E"


def test_path_level_parameters_are_merged(catalog):
    get_report = catalog["getReport"]
    assert [p.name for p in get_report.params_in("path")] == ["reportId"]


def test_parameters_and_bodies_become_json_schema(catalog):
    summaries = catalog["getInventorySummaries"]
    marketplaces = next(p for p in summaries.parameters if p.name == "marketplaceIds")
    assert marketplaces.schema == {"type": "array", "items": {"type": "string"}, "maxItems": 1}
    create = catalog["createFulfillmentOrder"]
    assert create.body is not None and create.body.required
    assert create.body.schema == {"$ref": "#/definitions/CreateFulfillmentOrderRequest"}


def test_success_status_is_the_first_declared_2xx(catalog):
    assert catalog["createInboundPlan"].success_status == 202
    assert catalog["updateOrderStatus"].success_status == 204
    assert catalog["generateSelfShipAppointmentSlots"].success_status == 201
