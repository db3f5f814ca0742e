"""getPackageTrackingDetails, returns (reason codes, createFulfillmentReturn, restock) and features."""

from __future__ import annotations

import pytest

from emulator.apis.outbound.timings import DEFAULT, HOUR
from tests.api.outbound.support import V2020

US = "ATVPDKIKX0DER"


@pytest.fixture
def shipped(mcf):
    """Order O-1 (3 MUG, Standard) shipped just now."""
    mcf.stock("MUG", 10)
    mcf.create("O-1", {"MUG": 3})
    mcf.set_status("O-1", "Complete")
    return mcf.order("O-1")["fulfillmentShipments"][0]


def tracking(mcf, number):
    response = mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": number})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def test_tracking_progresses_to_delivery(mcf, shipped):
    number = shipped["fulfillmentShipmentPackage"][0]["packageNumber"]
    first = tracking(mcf, number)
    assert first["currentStatus"] == "IN_TRANSIT" and first["carrierCode"] == "AMZN_US"
    assert [e["eventCode"] for e in first["trackingEvents"]] == ["EVENT_101"]
    assert first["customerTrackingLink"].endswith(first["trackingNumber"])
    mcf.advance(DEFAULT.transit_standard - 5 * HOUR)
    out = tracking(mcf, number)
    assert out["currentStatus"] == "OUT_FOR_DELIVERY" and "deliveryWindow" in out
    mcf.advance(6 * HOUR)
    done = tracking(mcf, number)
    assert done["currentStatus"] == "DELIVERED" and done["signedForBy"] == "Jane Doe"
    codes = [e["eventCode"] for e in done["trackingEvents"]]
    assert codes == ["EVENT_301", "EVENT_302", "EVENT_201", "EVENT_202", "EVENT_102", "EVENT_101"]
    package = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]
    assert package["deliveryInformation"]["deliveryDocumentList"][0]["documentType"] == "DELIVERY_IMAGE"


def test_pending_package_has_no_events_and_unknown_package_is_404(mcf):
    mcf.stock("MUG", 10)
    mcf.create("O-1", {"MUG": 1}, shippingSpeedCategory="Expedited")
    mcf.set_status("O-1", "Processing")
    package = mcf.order("O-1")["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]
    assert package["carrierCode"] == "UPS" and package["trackingNumber"].startswith("1Z")
    pending = tracking(mcf, package["packageNumber"])
    assert pending["currentStatus"] == "UNKNOWN" and pending["trackingEvents"] == []
    assert mcf.call("GET", f"{V2020}/tracking", params={"packageNumber": 42}).status_code == 404


def test_other_sellers_cannot_track_my_packages(mcf, shipped, client, other_seller_headers):
    number = shipped["fulfillmentShipmentPackage"][0]["packageNumber"]
    response = client.get(f"{V2020}/tracking", params={"packageNumber": number}, headers=other_seller_headers)
    assert response.status_code == 404


def test_return_reason_codes(mcf):
    mcf.stock("MUG", 1)
    found = mcf.call("GET", f"{V2020}/returnReasonCodes", params={"sellerSku": "MUG", "language": "fr_CA"})
    codes = {c["returnReasonCode"]: c for c in found.json()["payload"]["reasonCodeDetails"]}
    assert "DEFECTIVE" in codes and codes["DEFECTIVE"]["translatedDescription"] == "Défectueux"
    assert mcf.call("GET", f"{V2020}/returnReasonCodes", params={"sellerSku": "GHOST"}).status_code == 400


def return_items(mcf, items):
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1/return", json={"items": items})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def test_returns_come_back_to_inventory_by_disposition(mcf, shipped):
    base = {"sellerFulfillmentOrderItemId": "MUG", "amazonShipmentId": shipped["amazonShipmentId"]}
    result = return_items(
        mcf,
        [
            {**base, "sellerReturnItemId": "R1", "returnReasonCode": "NOLONGERWANTED"},
            {**base, "sellerReturnItemId": "R2", "returnReasonCode": "DEFECTIVE", "returnComment": "broken"},
        ],
    )
    assert [r["status"] for r in result["returnItems"]] == ["New", "New"]
    authorization = result["returnAuthorizations"][0]
    assert authorization["fulfillmentCenterId"] == "PHX7" and authorization["rmaPageURL"].startswith(
        "https://"
    )
    assert mcf.details("MUG")["fulfillableQuantity"] == 7
    mcf.advance(DEFAULT.return_processing + 1)
    payload = mcf.order("O-1")
    assert {r["sellerReturnItemId"]: r["returnReceivedCondition"] for r in payload["returnItems"]} == {
        "R1": "Sellable",
        "R2": "Defective",
    }
    assert payload["returnAuthorizations"] == [authorization]
    details = mcf.details("MUG")
    assert details["fulfillableQuantity"] == 8
    assert details["unfulfillableQuantity"]["defectiveQuantity"] == 1
    assert details["totalQuantity"] == 9


def test_invalid_return_items_say_why(mcf, shipped):
    base = {
        "sellerFulfillmentOrderItemId": "MUG",
        "amazonShipmentId": shipped["amazonShipmentId"],
        "returnReasonCode": "DEFECTIVE",
    }
    result = return_items(
        mcf,
        [{**base, "sellerReturnItemId": f"R{n}"} for n in range(4)]
        + [
            {**base, "sellerReturnItemId": "R0"},
            {**base, "sellerReturnItemId": "X1", "amazonShipmentId": "nope"},
            {**base, "sellerReturnItemId": "X2", "returnReasonCode": "MADE_UP"},
        ],
    )
    reasons = {
        i["sellerReturnItemId"]: i["invalidItemReason"]["invalidItemReasonCode"]
        for i in result["invalidReturnItems"]
    }
    assert len(result["returnItems"]) == 3
    assert reasons == {
        "R3": "NoReturnableQuantity",
        "R0": "DuplicateRequest",
        "X1": "InvalidValues",
        "X2": "InvalidValues",
    }


def test_returns_need_shipped_units(mcf):
    mcf.stock("MUG", 10)
    mcf.create("O-1", {"MUG": 1})
    mcf.set_status("O-1", "Processing")
    shipment = mcf.order("O-1")["fulfillmentShipments"][0]["amazonShipmentId"]
    result = return_items(
        mcf,
        [
            {
                "sellerReturnItemId": "R1",
                "sellerFulfillmentOrderItemId": "MUG",
                "amazonShipmentId": shipment,
                "returnReasonCode": "DEFECTIVE",
            }
        ],
    )
    assert (
        result["invalidReturnItems"][0]["invalidItemReason"]["invalidItemReasonCode"]
        == "NoCompletedShipItems"
    )
    assert result["returnAuthorizations"] == []


def test_features_follow_the_marketplace(mcf):
    us = mcf.call("GET", f"{V2020}/features", params={"marketplaceId": US}).json()["payload"]["features"]
    ca = mcf.call("GET", f"{V2020}/features", params={"marketplaceId": "A2EUQ1WTGCTBG2"}).json()["payload"][
        "features"
    ]
    eligible = {f["featureName"]: f["sellerEligible"] for f in us}
    assert eligible["SIGNATURE_CONFIRMATION"] is True and eligible["BLANK_BOX"] is True
    assert {f["featureName"]: f["sellerEligible"] for f in ca}["SIGNATURE_CONFIRMATION"] is False


def test_feature_inventory_and_sku_come_from_stock(mcf):
    mcf.stock("MUG", 4)
    mcf.stock("EMPTY")
    inventory = mcf.call("GET", f"{V2020}/features/inventory/BLANK_BOX", params={"marketplaceId": US})
    assert [s["sellerSku"] for s in inventory.json()["payload"]["featureSkus"]] == ["MUG"]
    sku = mcf.call("GET", f"{V2020}/features/inventory/BLANK_BOX/MUG", params={"marketplaceId": US}).json()[
        "payload"
    ]
    assert sku["isEligible"] is True and sku["skuCount"] == 4
    empty = mcf.call(
        "GET", f"{V2020}/features/inventory/BLANK_BOX/EMPTY", params={"marketplaceId": US}
    ).json()
    assert (
        empty["payload"]["ineligibleReasons"] == ["SKU_NOT_ELIGIBLE"] and "sellerSku" not in empty["payload"]
    )
    ghost = mcf.call(
        "GET", f"{V2020}/features/inventory/BLANK_BOX/GHOST", params={"marketplaceId": US}
    ).json()
    assert ghost["payload"]["ineligibleReasons"] == ["INVALID_SKU"]
    unknown = mcf.call("GET", f"{V2020}/features/inventory/TELEPORT", params={"marketplaceId": US})
    assert unknown.status_code == 400


def test_feature_inventory_pages(mcf):
    for n in range(55):
        mcf.stock(f"S{n:02d}", 1)
    first = mcf.call("GET", f"{V2020}/features/inventory/OVERBOX", params={"marketplaceId": US}).json()[
        "payload"
    ]
    second = mcf.call(
        "GET",
        f"{V2020}/features/inventory/OVERBOX",
        params={"marketplaceId": US, "nextToken": first["nextToken"]},
    ).json()["payload"]
    assert len(first["featureSkus"]) == 50 and len(second["featureSkus"]) == 5 and "nextToken" not in second
    bad = mcf.call(
        "GET", f"{V2020}/features/inventory/OVERBOX", params={"marketplaceId": US, "nextToken": "zz"}
    )
    assert bad.status_code == 400
