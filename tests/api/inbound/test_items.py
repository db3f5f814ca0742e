"""Item operations: compliance, prep details, item labels (2024-03-20) and prep instructions (v0)."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.api.inbound.transport_support import US, Inbound
from tests.api.outbound.support import Mcf, mcf  # noqa: F401  (the `mcf` fixture)


@pytest.fixture
def inbound(mcf: Mcf) -> Inbound:
    mcf.stock("MUG-01")
    return Inbound(mcf)


def _prep(inbound: Inbound, *mskus: str) -> dict:
    response = inbound.call("GET", "/items/prepDetails", params={"marketplaceId": US, "mskus": list(mskus)})
    assert response.status_code == 200, response.text
    return {d["msku"]: d for d in response.json()["mskuPrepDetails"]}


def test_prep_details_start_unknown_and_change_only_when_the_operation_succeeds(inbound: Inbound) -> None:
    assert _prep(inbound, "MUG-01")["MUG-01"] == {
        "msku": "MUG-01",
        "prepCategory": "UNKNOWN",
        "prepTypes": [],
    }
    body = {
        "marketplaceId": US,
        "mskuPrepDetails": [{"msku": "MUG-01", "prepCategory": "FRAGILE", "prepTypes": ["ITEM_BUBBLEWRAP"]}],
    }
    started = inbound.call("POST", "/items/prepDetails", json=body)
    assert started.status_code == 202
    assert _prep(inbound, "MUG-01")["MUG-01"]["prepCategory"] == "UNKNOWN"
    assert inbound.done(started)["operationStatus"] == "SUCCESS"
    detail = _prep(inbound, "MUG-01")["MUG-01"]
    assert detail["prepTypes"] == ["ITEM_BUBBLEWRAP"]
    assert detail["prepOwnerConstraint"] == detail["labelOwnerConstraint"] == "SELLER_ONLY"
    v0 = inbound.v0("/prepInstructions", ShipToCountryCode="US", SellerSKUList="MUG-01,NOPE").json()[
        "payload"
    ]
    assert v0["SKUPrepInstructionsList"][0]["PrepInstructionList"] == ["BubbleWrapping"]
    assert v0["InvalidSKUList"] == [{"SellerSKU": "NOPE", "ErrorReason": "DoesNotExist"}]


@pytest.mark.parametrize(
    ("category", "types"),
    [("NONE", ["ITEM_POLYBAGGING"]), ("FRAGILE", ["ITEM_NO_PREP", "ITEM_TAPING"]), ("FRAGILE", [])],
)
def test_inconsistent_prep_is_refused_and_nothing_is_kept(
    inbound: Inbound, category: str, types: list
) -> None:
    body = {
        "marketplaceId": US,
        "mskuPrepDetails": [{"msku": "MUG-01", "prepCategory": category, "prepTypes": types}],
    }
    refused = inbound.call("POST", "/items/prepDetails", json=body)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "BadRequest"
    assert _prep(inbound, "MUG-01")["MUG-01"]["prepCategory"] == "UNKNOWN"


def test_unknown_or_repeated_skus_are_named(inbound: Inbound) -> None:
    for mskus in (["GHOST"], ["MUG-01", "MUG-01"]):
        response = inbound.call("GET", "/items/compliance", params={"marketplaceId": US, "mskus": mskus})
        assert response.status_code == 400
        assert mskus[-1] in response.json()["errors"][0]["details"]


def test_compliance_details_are_kept_after_the_operation(inbound: Inbound) -> None:
    tax = {"hsnCode": "4202", "declaredValue": {"amount": 12.5, "code": "USD"}, "taxRates": [{"gstRate": 18}]}
    inbound.ok(
        "PUT", "/items/compliance", params={"marketplaceId": US}, json={"msku": "MUG-01", "taxDetails": tax}
    )
    response = inbound.call("GET", "/items/compliance", params={"marketplaceId": US, "mskus": ["MUG-01"]})
    detail = response.json()["complianceDetails"][0]
    assert detail["taxDetails"]["hsnCode"] == "4202"
    assert detail["fnsku"].startswith("X0")


def test_item_labels_are_a_real_pdf_served_for_a_while(inbound: Inbound) -> None:
    body = {
        "labelType": "STANDARD_FORMAT",
        "pageType": "A4_21",
        "marketplaceId": US,
        "mskuQuantities": [{"msku": "MUG-01", "quantity": 3}],
    }
    response = inbound.call("POST", "/items/labels", json=body)
    assert response.status_code == 200, response.text
    uri = response.json()["documentDownloads"][0]["uri"]
    pdf = inbound.mcf.client.get(uri)
    assert pdf.content.startswith(b"%PDF-")
    text = pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "MUG-01" in text
    inbound.mcf.advance(3600)
    assert inbound.mcf.client.get(uri).status_code == 403


def test_item_labels_need_their_format(inbound: Inbound) -> None:
    body = {
        "labelType": "THERMAL_PRINTING",
        "marketplaceId": US,
        "mskuQuantities": [{"msku": "MUG-01", "quantity": 1}],
    }
    assert inbound.call("POST", "/items/labels", json=body).json()["errors"][0]["code"] == "BadRequest"


def test_v0_prep_instructions_want_one_list_and_spell_their_error(inbound: Inbound) -> None:
    response = inbound.v0("/prepInstructions", ShipToCountryCode="US")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "Invalid Input"
    asin = inbound.mcf.details("MUG-01")  # the SKU exists; its ASIN answers by ASIN too
    assert asin is not None
