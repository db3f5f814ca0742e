"""Reports end to end through Amazon's official SDK against a real `mcf-emulator serve` process.

Stock, an MCF order shipped and one unit returned; every generated report type requested; the clock
advanced; each report DONE, its document downloaded (plain, then GZIP) and its rows checked against
the API's own view of the world.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator

import httpx
import pytest

from emulator.apis.reports.kinds import KINDS
from tests.api.outbound.support import order_body
from tests.e2e.test_mcf_flow import RETURN_DELAY, US, advance_clock, official_sdk
from tests.processes import emulator_serve

TYPES = tuple(KINDS)
PROCESSING = 180.0


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with emulator_serve("--seed", "5", "--strict-responses") as base:
        yield base


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode()), delimiter="\t"))


def _world(inventory: object, outbound: object) -> object:
    """Ten mugs, an order of three shipped, one unit of it returned (asked); the shipment."""
    inventory.create_inventory_item({"sellerSku": "R-MUG", "marketplaceId": US, "productName": "Report mug"})
    inventory.add_inventory(
        "r-stock-1", {"inventoryItems": [{"sellerSku": "R-MUG", "marketplaceId": US, "quantity": 10}]}
    )
    outbound.create_fulfillment_order(order_body("R-1", "R-MUG", 3))
    outbound.submit_fulfillment_order_status_update("R-1", {"fulfillmentOrderStatus": "Complete"})
    shipment = outbound.get_fulfillment_order("R-1").payload.fulfillment_shipments[0]
    item = {
        "sellerReturnItemId": "R-R1",
        "sellerFulfillmentOrderItemId": "line-1",
        "amazonShipmentId": shipment.amazon_shipment_id,
        "returnReasonCode": "DEFECTIVE",
    }
    outbound.create_fulfillment_return("R-1", {"items": [item]})
    return shipment


def _documents(reports: object, report_ids: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """Each report DONE, its document downloaded plain; rows per type."""
    found = {}
    for report_type, report_id in report_ids.items():
        report = reports.get_report(report_id)
        assert report.processing_status == "DONE", (report_type, report)
        document = reports.get_report_document(report.report_document_id)
        assert document.compression_algorithm is None
        download = httpx.get(document.url)
        assert download.status_code == 200 and "charset=UTF-8" in download.headers["content-type"]
        found[report_type] = _rows(download.content)
    return found


def test_every_generated_report_agrees_with_the_apis(base_url):
    from spapi import FbaInventoryApi, FbaOutboundApi, ReportsApi

    with official_sdk(base_url) as api:
        shipment = _world(FbaInventoryApi(api), FbaOutboundApi(api))
    advance_clock(base_url, RETURN_DELAY)
    with official_sdk(base_url) as api:
        FbaOutboundApi(api).create_fulfillment_order(order_body("R-2", "R-MUG", 2))  # held: reserved units
        reports = ReportsApi(api)
        ids = {t: reports.create_report({"reportType": t, "marketplaceIds": [US]}).report_id for t in TYPES}
    advance_clock(base_url, PROCESSING)
    with official_sdk(base_url) as api:
        rows = _documents(ReportsApi(api), ids)
        summary = (
            FbaInventoryApi(api)
            .get_inventory_summaries("Marketplace", US, [US], details=True, seller_sku="R-MUG")
            .payload.inventory_summaries[0]
        )
        order = FbaOutboundApi(api).get_fulfillment_order("R-1").payload
    details = summary.inventory_details

    (shipped,) = rows["GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL"]
    assert (shipped["merchant-order-id"], shipped["shipment-id"]) == ("R-1", shipment.amazon_shipment_id)
    assert (
        int(shipped["quantity-shipped"])
        == order.fulfillment_shipments[0].fulfillment_shipment_item[0].quantity
    )
    package = order.fulfillment_shipments[0].fulfillment_shipment_package[0]
    assert (shipped["carrier"], shipped["tracking-number"]) == (package.carrier_code, package.tracking_number)

    afn = {
        r["Warehouse-Condition-code"]: int(r["Quantity Available"]) for r in rows["GET_AFN_INVENTORY_DATA"]
    }
    unsellable = details.unfulfillable_quantity.total_unfulfillable_quantity
    assert afn == {"SELLABLE": details.fulfillable_quantity, "UNSELLABLE": unsellable}
    assert {r["country"] for r in rows["GET_AFN_INVENTORY_DATA_BY_COUNTRY"]} == {"US"}
    for myi in ("GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA", "GET_FBA_MYI_ALL_INVENTORY_DATA"):
        (row,) = rows[myi]
        assert (row["sku"], row["fnsku"], row["asin"]) == ("R-MUG", summary.fn_sku, summary.asin)
        assert int(row["afn-fulfillable-quantity"]) == details.fulfillable_quantity
        assert int(row["afn-reserved-quantity"]) == details.reserved_quantity.total_reserved_quantity == 2
        assert int(row["afn-unsellable-quantity"]) == unsellable == 1
    (reserved,) = rows["GET_RESERVED_INVENTORY_DATA"]
    assert (
        int(reserved["reserved_customerorders"]) == details.reserved_quantity.pending_customer_order_quantity
    )

    detail = [
        (r["Event Type"], int(r["Quantity"]), r["Disposition"]) for r in rows["GET_LEDGER_DETAIL_VIEW_DATA"]
    ]
    assert detail == [
        ("Receipts", 10, "SELLABLE"),
        ("Shipments", -3, "SELLABLE"),
        ("CustomerReturns", 1, "DEFECTIVE"),
    ]
    ending = {
        r["Disposition"]: int(r["Ending Warehouse Balance"]) for r in rows["GET_LEDGER_SUMMARY_VIEW_DATA"]
    }
    sellable = details.fulfillable_quantity + details.reserved_quantity.total_reserved_quantity
    assert ending == {"SELLABLE": sellable, "DEFECTIVE": 1}
    (returned,) = rows["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"]
    assert (returned["order-id"], returned["detailed-disposition"], returned["reason"]) == (
        "R-1",
        "DEFECTIVE",
        order.return_items[0].seller_return_reason_code,
    )


def test_a_compressed_document_downloads_as_gzip_or_with_content_encoding(base_url):
    from spapi import ReportsApi

    setting = httpx.put(f"{base_url}/_emulator/config/reports.timings", json={"gzip_from_bytes": 0})
    assert setting.status_code in (200, 204), setting.text
    advance_clock(base_url, 3600)  # past the window of the reports of the first test
    with official_sdk(base_url) as api:
        report_id = (
            ReportsApi(api)
            .create_report({"reportType": "GET_FBA_MYI_ALL_INVENTORY_DATA", "marketplaceIds": [US]})
            .report_id
        )
    advance_clock(base_url, PROCESSING)
    with official_sdk(base_url) as api:
        reports = ReportsApi(api)
        document_id = reports.get_report(report_id).report_document_id
        plain = reports.get_report_document(document_id)
        encoded = reports.get_report_document(document_id, enable_content_encoding_url_header=True)
    assert plain.compression_algorithm == "GZIP"
    raw = httpx.get(plain.url)
    assert raw.headers["content-encoding"] == "identity"
    content = gzip.decompress(raw.content)
    assert _rows(content)[0]["sku"]
    decoded = httpx.get(encoded.url)
    assert decoded.headers["content-encoding"] == "gzip" and decoded.content == content
    advance_clock(base_url, 301)
    assert httpx.get(plain.url).status_code == 403
