"""Item operations: compliance, prep details, item labels (2024-03-20) and prep instructions (v0)."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.api.inbound.support import BASE, US, Inbound

V0 = "/fba/inbound/v0"


@pytest.fixture
def seller(inbound: Inbound) -> Inbound:
    """The default seller with one FBA SKU and nothing set for it."""
    inbound.stock("MUG-01")
    return inbound


def _v0(seller: Inbound, path: str, **params: object) -> object:
    return seller.call("GET", f"{V0}{path}", params=params)


def _prep(seller: Inbound, *mskus: str) -> dict:
    response = seller.call(
        "GET", f"{BASE}/items/prepDetails", params={"marketplaceId": US, "mskus": list(mskus)}
    )
    assert response.status_code == 200, response.text
    return {d["msku"]: d for d in response.json()["mskuPrepDetails"]}


def test_prep_details_start_unknown_and_change_only_when_the_operation_succeeds(seller: Inbound) -> None:
    assert _prep(seller, "MUG-01")["MUG-01"] == {
        "msku": "MUG-01",
        "prepCategory": "UNKNOWN",
        "prepTypes": [],
    }
    body = {
        "marketplaceId": US,
        "mskuPrepDetails": [{"msku": "MUG-01", "prepCategory": "FRAGILE", "prepTypes": ["ITEM_BUBBLEWRAP"]}],
    }
    started = seller.call("POST", f"{BASE}/items/prepDetails", json=body)
    assert started.status_code == 202
    assert _prep(seller, "MUG-01")["MUG-01"]["prepCategory"] == "UNKNOWN"
    assert seller.finish(started.json()["operationId"])
    detail = _prep(seller, "MUG-01")["MUG-01"]
    assert detail["prepTypes"] == ["ITEM_BUBBLEWRAP"]
    assert detail["prepOwnerConstraint"] == detail["labelOwnerConstraint"] == "SELLER_ONLY"
    v0 = _v0(seller, "/prepInstructions", ShipToCountryCode="US", SellerSKUList="MUG-01,NOPE").json()[
        "payload"
    ]
    assert v0["SKUPrepInstructionsList"][0]["PrepInstructionList"] == ["BubbleWrapping"]
    assert v0["InvalidSKUList"] == [{"SellerSKU": "NOPE", "ErrorReason": "DoesNotExist"}]


@pytest.mark.parametrize(
    ("category", "types"),
    [("NONE", ["ITEM_POLYBAGGING"]), ("FRAGILE", ["ITEM_NO_PREP", "ITEM_TAPING"]), ("FRAGILE", [])],
)
def test_inconsistent_prep_is_refused_and_nothing_is_kept(
    seller: Inbound, category: str, types: list
) -> None:
    body = {
        "marketplaceId": US,
        "mskuPrepDetails": [{"msku": "MUG-01", "prepCategory": category, "prepTypes": types}],
    }
    refused = seller.call("POST", f"{BASE}/items/prepDetails", json=body)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "BadRequest"
    assert _prep(seller, "MUG-01")["MUG-01"]["prepCategory"] == "UNKNOWN"


@pytest.mark.parametrize(("mskus", "status"), [(["GHOST"], 404), (["MUG-01", "MUG-01"], 400)])
def test_unknown_or_repeated_skus_are_named(seller: Inbound, mskus: list, status: int) -> None:
    for path in ("compliance", "prepDetails"):
        params = {"marketplaceId": US, "mskus": mskus}
        response = seller.call("GET", f"{BASE}/items/{path}", params=params)
        assert response.status_code == status
        assert mskus[-1] in response.json()["errors"][0]["details"]


def test_compliance_details_are_kept_after_the_operation(seller: Inbound) -> None:
    tax = {"hsnCode": "4202", "declaredValue": {"amount": 12.5, "code": "USD"}, "taxRates": [{"gstRate": 18}]}
    body = {"msku": "MUG-01", "taxDetails": tax}
    started = seller.call("PUT", f"{BASE}/items/compliance", params={"marketplaceId": US}, json=body)
    seller.finish(started.json()["operationId"])
    response = seller.call(
        "GET", f"{BASE}/items/compliance", params={"marketplaceId": US, "mskus": ["MUG-01"]}
    )
    detail = response.json()["complianceDetails"][0]
    assert detail["taxDetails"]["hsnCode"] == "4202"
    assert detail["fnsku"].startswith("X0")


def test_item_labels_are_a_real_pdf_served_for_a_while(seller: Inbound) -> None:
    body = {
        "labelType": "STANDARD_FORMAT",
        "pageType": "A4_21",
        "marketplaceId": US,
        "mskuQuantities": [{"msku": "MUG-01", "quantity": 3}],
    }
    response = seller.call("POST", f"{BASE}/items/labels", json=body)
    assert response.status_code == 200, response.text
    uri = response.json()["documentDownloads"][0]["uri"]
    pdf = seller.client.get(uri)
    assert pdf.content.startswith(b"%PDF-")
    text = pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "MUG-01" in text
    seller.advance(3600)
    assert seller.client.get(uri).status_code == 403


def test_item_labels_need_their_format(seller: Inbound) -> None:
    body = {
        "labelType": "THERMAL_PRINTING",
        "marketplaceId": US,
        "mskuQuantities": [{"msku": "MUG-01", "quantity": 1}],
    }
    assert seller.call("POST", f"{BASE}/items/labels", json=body).json()["errors"][0]["code"] == "BadRequest"


def test_v0_prep_instructions_want_one_list_and_spell_their_error(seller: Inbound) -> None:
    response = _v0(seller, "/prepInstructions", ShipToCountryCode="US")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "Invalid Input"
    asin = seller.details("MUG-01")  # the SKU exists; its ASIN answers by ASIN too
    assert asin is not None
