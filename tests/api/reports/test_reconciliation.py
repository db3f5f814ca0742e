"""Reports reconcile with the live APIs for any world (hypothesis): inventory reports with
getInventorySummaries, the shipments report with the orders' shipments, and the ledger's ending
balances with its starting balances plus its movements (and with the stock itself)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emulator.apis.outbound.returns import REASONS
from emulator.apis.reports.builders.ledger_views import MOVEMENTS
from emulator.testing.handle import EmulatorHandle
from tests.api.outbound.support import V2020, Mcf
from tests.api.reports.support import Reports
from tests.budget import examples
from tests.conftest import BASE_URL

SKUS = ("A", "B", "C")
orders = st.lists(
    st.tuples(
        st.sampled_from(SKUS),
        st.integers(1, 4),
        st.booleans(),
        st.lists(st.sampled_from(sorted(REASONS)), max_size=2),
    ),
    max_size=4,
)
stock = st.dictionaries(st.sampled_from(SKUS), st.integers(0, 12), min_size=1)


def _build(mcf: Mcf, stocked: dict[str, int], placed: list[tuple[str, int, bool, list[str]]]) -> None:
    for sku, quantity in stocked.items():
        mcf.stock(sku, quantity)
    for n, (sku, quantity, ship, reasons) in enumerate(placed):
        order_id = f"O-{n}"
        if sku not in stocked or mcf.create(order_id, {sku: quantity}).status_code != 200:
            continue
        if ship:
            assert mcf.set_status(order_id, "Complete").status_code < 500
        for reason in reasons:
            mcf.return_shipped(order_id, reason)
    mcf.advance(3 * 24 * 3600 + 60)


def _summaries(mcf: Mcf, skus: list[str]) -> dict[str, dict[str, Any]]:
    return {sku: mcf.details(sku) for sku in skus}


def _check_inventory(reports: Reports, found: dict[str, dict[str, Any]]) -> None:
    myi = {row["sku"]: row for row in reports.rows("GET_FBA_MYI_ALL_INVENTORY_DATA")}
    assert set(myi) == set(found)
    for sku, details in found.items():
        row = myi[sku]
        unsellable = details["unfulfillableQuantity"]["totalUnfulfillableQuantity"]
        reserved = details["reservedQuantity"]["totalReservedQuantity"]
        researching = details["researchingQuantity"]["totalResearchingQuantity"]
        assert int(row["afn-fulfillable-quantity"]) == details["fulfillableQuantity"]
        assert int(row["afn-unsellable-quantity"]) == unsellable
        assert int(row["afn-reserved-quantity"]) == reserved
        assert int(row["afn-total-quantity"]) == details["totalQuantity"] - researching
    afn = reports.rows("GET_AFN_INVENTORY_DATA")
    sellable = {
        r["seller-sku"]: int(r["Quantity Available"])
        for r in afn
        if r["Warehouse-Condition-code"] == "SELLABLE"
    }
    assert sellable == {sku: d["fulfillableQuantity"] for sku, d in found.items()}


def _check_shipments(reports: Reports, mcf: Mcf) -> None:
    listed = mcf.call("GET", f"{V2020}/fulfillmentOrders").json()["payload"].get("fulfillmentOrders", [])
    expected: Counter[tuple[str, str, str]] = Counter()
    for summary in listed:
        order_id = summary["sellerFulfillmentOrderId"]
        for shipment in mcf.order(order_id).get("fulfillmentShipments", []):
            if shipment["fulfillmentShipmentStatus"] == "SHIPPED":
                for item in shipment["fulfillmentShipmentItem"]:
                    expected[order_id, shipment["amazonShipmentId"], item["sellerSku"]] += item["quantity"]
    report = reports.finished("GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL")
    if not expected:
        assert report["processingStatus"] == "CANCELLED"
        return
    rows = reports.rows_of(report)
    reported: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        reported[row["merchant-order-id"], row["shipment-id"], row["sku"]] += int(row["quantity-shipped"])
    assert reported == expected


def _check_ledger(reports: Reports, found: dict[str, dict[str, Any]]) -> None:
    expected: Counter[tuple[str, str]] = Counter()
    for sku, d in found.items():
        u = d["unfulfillableQuantity"]
        expected[sku, "SELLABLE"] = (
            d["fulfillableQuantity"]
            + d["reservedQuantity"]["totalReservedQuantity"]
            + d["researchingQuantity"]["totalResearchingQuantity"]
        )
        expected[sku, "DEFECTIVE"] = u["defectiveQuantity"]
        expected[sku, "CUSTOMER_DAMAGED"] = u["customerDamagedQuantity"]
        expected[sku, "CARRIER_DAMAGED"] = u["carrierDamagedQuantity"]
        expected[sku, "WAREHOUSE_DAMAGED"] = u["warehouseDamagedQuantity"]
    expected = +expected
    report = reports.finished(
        "GET_LEDGER_SUMMARY_VIEW_DATA", reportOptions={"aggregatedByTimePeriod": "DAILY"}
    )
    if report["processingStatus"] == "CANCELLED":
        assert not expected
        return
    ending: dict[tuple[str, str], int] = {}
    for row in reports.rows_of(report):
        movements = sum(int(row[name]) for name in MOVEMENTS)
        assert int(row["Ending Warehouse Balance"]) == int(row["Starting Warehouse Balance"]) + movements
        ending[row["MSKU"], row["Disposition"]] = int(row["Ending Warehouse Balance"])
    assert {key: units for key, units in ending.items() if units} == dict(expected)
    detail: Counter[tuple[str, str]] = Counter()
    for row in reports.rows("GET_LEDGER_DETAIL_VIEW_DATA"):
        detail[row["MSKU"], row["Disposition"]] += int(row["Quantity"])
    assert +detail == expected


@settings(
    max_examples=examples(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stocked=stock, placed=orders)
def test_reports_reconcile_with_the_live_apis(client, app, stocked, placed) -> None:
    EmulatorHandle(app, BASE_URL).reset()
    mcf = Mcf(client, app.runtime)
    reports = Reports(mcf)
    _build(mcf, stocked, placed)
    found = _summaries(mcf, sorted(stocked))
    _check_inventory(reports, found)
    _check_shipments(reports, mcf)
    _check_ledger(reports, found)
