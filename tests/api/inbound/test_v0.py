"""Fulfillment Inbound v0 over the same plans: shipments, items, labels and the bill of lading."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest

from emulator.apis.inbound_v0 import queries
from tests.api.inbound.support import US, Inbound
from tests.api.inbound.transport_support import (
    DAY,
    LTL,
    PARTNERED,
    SMALL,
    Transport,
    transport_fixture,  # noqa: F401  (the `transport` fixture)
)

V0 = "/fba/inbound/v0"


def _get(inbound: Inbound, path: str, status: int = 200, **params: Any) -> dict[str, Any]:
    response = inbound.call("GET", f"{V0}{path}", params=params)
    assert response.status_code == status, response.text
    return dict(response.json())


def _pdf(inbound: Inbound, url: str) -> pypdf.PdfReader:
    download = inbound.client.get(url)
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(download.content))


def test_shipments_by_status_and_id_name_the_confirmation_id(transport: Transport) -> None:
    inbound = transport.inbound
    confirmation = transport.shipment()["shipmentConfirmationId"]
    data = _get(inbound, "/shipments", QueryType="SHIPMENT", MarketplaceId=US, ShipmentStatusList="WORKING")
    [info] = data["payload"]["ShipmentData"]
    assert info["ShipmentId"] == confirmation
    assert info["ShipmentStatus"] == "WORKING"
    assert info["ShipFromAddress"]["City"] == "Seattle"
    by_id = _get(inbound, "/shipments", QueryType="SHIPMENT", MarketplaceId=US, ShipmentIdList=confirmation)
    assert by_id["payload"]["ShipmentData"] == [info]
    closed = _get(inbound, "/shipments", QueryType="SHIPMENT", MarketplaceId=US, ShipmentStatusList="CLOSED")
    assert closed["payload"]["ShipmentData"] == []


def test_date_ranges_page_with_a_next_token(inbound: Inbound, monkeypatch: pytest.MonkeyPatch) -> None:
    inbound.stock("MUG-01")
    for _ in range(3):
        inbound.placed({"MUG-01": 2})
    monkeypatch.setattr(queries, "PAGE", 2)
    window = {"LastUpdatedAfter": "2000-01-01T00:00:00Z", "LastUpdatedBefore": "2999-01-01T00:00:00Z"}
    first = _get(inbound, "/shipments", QueryType="DATE_RANGE", MarketplaceId=US, **window)["payload"]
    assert len(first["ShipmentData"]) == 2
    rest = _get(inbound, "/shipments", QueryType="NEXT_TOKEN", MarketplaceId=US, NextToken=first["NextToken"])
    assert len(rest["payload"]["ShipmentData"]) == 1
    assert "NextToken" not in rest["payload"]


def test_bad_queries_are_spelled_as_v0_spells_them(inbound: Inbound) -> None:
    for params in (
        {"QueryType": "DATE_RANGE", "MarketplaceId": US, "LastUpdatedAfter": "2026-01-01T00:00:00Z"},
        {"QueryType": "NEXT_TOKEN", "MarketplaceId": US, "NextToken": "not-a-token"},
    ):
        error = _get(inbound, "/shipments", 400, **params)["errors"][0]
        assert error["code"] == "Invalid Input", error


def test_items_show_planned_and_received_units(transport: Transport) -> None:
    inbound = transport.inbound
    confirmation = transport.shipment()["shipmentConfirmationId"]
    [line] = _get(inbound, f"/shipments/{confirmation}/items")["payload"]["ItemData"]
    assert (line["SellerSKU"], line["QuantityShipped"], line["QuantityReceived"]) == ("MUG-01", 24, 0)
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    transport.track()
    inbound.advance(10 * DAY)
    [line] = _get(inbound, f"/shipments/{confirmation}/items")["payload"]["ItemData"]
    assert line["QuantityReceived"] == 24
    window = {"LastUpdatedAfter": "2000-01-01T00:00:00Z", "LastUpdatedBefore": "2999-01-01T00:00:00Z"}
    items = _get(inbound, "/shipmentItems", QueryType="DATE_RANGE", MarketplaceId=US, **window)
    assert items["payload"]["ItemData"] == [line]


def test_labels_need_confirmed_transportation_and_real_box_ids(transport: Transport) -> None:
    inbound = transport.inbound
    confirmation = transport.shipment()["shipmentConfirmationId"]
    query = {"PageType": "PackageLabel_Letter_2", "LabelType": "UNIQUE"}
    early = _get(inbound, f"/shipments/{confirmation}/labels", 400, **query)
    assert "confirmTransportationOptions" in early["errors"][0]["message"]
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    [box_id] = transport.box_ids()
    url = _get(inbound, f"/shipments/{confirmation}/labels", PackageLabelsToPrint=box_id, **query)["payload"]
    pdf = _pdf(inbound, url["DownloadURL"])
    assert box_id in pdf.pages[0].extract_text()
    wrong = _get(inbound, f"/shipments/{confirmation}/labels", 400, PackageLabelsToPrint="NOPE", **query)
    assert wrong["errors"][0]["code"] == "IncorrectPackageIdentifier"


def test_bill_of_lading_only_for_partnered_freight(transport: Transport) -> None:
    inbound = transport.inbound
    confirmation = transport.shipment()["shipmentConfirmationId"]
    options = transport.options(pallets=[{"quantity": 1}])
    transport.window()
    transport.confirm(transport.pick(options, LTL, PARTNERED))
    url = _get(inbound, f"/shipments/{confirmation}/billOfLading")["payload"]["DownloadURL"]
    assert "Bill of lading" in _pdf(inbound, url).pages[0].extract_text()
    pallets = _get(
        inbound,
        f"/shipments/{confirmation}/labels",
        PageType="PackageLabel_Letter_2",
        LabelType="PALLET",
        NumberOfPallets=1,
    )
    assert _pdf(inbound, pallets["payload"]["DownloadURL"]).pages


def test_another_seller_sees_no_shipment(transport: Transport, other_seller_headers: dict) -> None:
    confirmation = transport.shipment()["shipmentConfirmationId"]
    response = transport.inbound.client.get(
        f"{V0}/shipments/{confirmation}/items", headers=other_seller_headers
    )
    assert response.status_code == 404
