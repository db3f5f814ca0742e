"""What createFulfillmentReturn answers and getFulfillmentOrder keeps: each returned unit, field by field,
the authorization (where to send the units), and each reason code's grading once the FC receives them.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from emulator.apis.outbound.timings import DEFAULT
from tests.api.outbound.support import V2020

# reason code -> the condition the FC grades the unit with (and the inventory bucket it goes back to)
GRADES = {
    "NOLONGERWANTED": "Sellable",
    "UNWANTEDITEM": "Sellable",
    "ORDEREDWRONGITEM": "Sellable",
    "NOTCOMPATIBLE": "Sellable",
    "MISSINGPARTS": "Defective",
    "DEFECTIVE": "Defective",
    "QUALITYUNACCEPTABLE": "CustomerDamaged",
    "DAMAGEDBYCARRIER": "CarrierDamaged",
    "DAMAGEDBYFC": "FulfillerDamaged",
}
UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def at(text: str, instant: float) -> bool:
    """Whether ISO-8601 `text` (milliseconds) names `instant`."""
    return abs(datetime.fromisoformat(text).timestamp() - instant) < 0.001


@pytest.fixture
def shipment(mcf):
    """Order O-1 (one MUG per reason code, Standard) shipped just now, the clock frozen; its shipment id."""
    mcf.runtime.clock.freeze()
    mcf.stock("MUG", len(GRADES))
    mcf.create("O-1", {"MUG": len(GRADES)})
    assert mcf.set_status("O-1", "Complete").status_code == 200
    return mcf.order("O-1")["fulfillmentShipments"][0]["amazonShipmentId"]


def ask(mcf, items):
    response = mcf.call("PUT", f"{V2020}/fulfillmentOrders/O-1/return", json={"items": items})
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def item(shipment, return_id, reason, **fields):
    return {
        "sellerReturnItemId": return_id,
        "sellerFulfillmentOrderItemId": "MUG",
        "amazonShipmentId": shipment,
        "returnReasonCode": reason,
        **fields,
    }


def test_a_return_answers_each_unit_and_where_to_send_it(mcf, shipment):
    now = mcf.runtime.clock.timestamp()
    answer = ask(
        mcf,
        [
            item(shipment, "R1", "DEFECTIVE", returnComment="broken"),
            item(shipment, "R2", "NOLONGERWANTED", returnComment=""),
        ],
    )
    (authorization,) = answer["returnAuthorizations"]
    authorization_id = authorization["returnAuthorizationId"]
    assert re.fullmatch("[0-9]{10}", authorization_id)
    assert re.fullmatch("D[A-Z0-9]{8}", authorization["amazonRmaId"])
    assert re.fullmatch(f"https://www.amazon.com/returns/label/{UUID}", authorization["rmaPageURL"])
    assert authorization["fulfillmentCenterId"] == "PHX7"
    assert authorization["returnToAddress"] == {
        "name": "Amazon Returns",
        "addressLine1": "PHX7 Returns Center",
        "city": "Phoenix",
        "stateOrRegion": "AZ",
        "postalCode": "00000",
        "countryCode": "US",
    }
    first, second = answer["returnItems"]
    assert at(first.pop("statusChangedDate"), now)
    assert first == {
        "sellerReturnItemId": "R1",
        "sellerFulfillmentOrderItemId": "MUG",
        "amazonShipmentId": shipment,
        "sellerReturnReasonCode": "DEFECTIVE",
        "returnComment": "broken",
        "amazonReturnReasonCode": "DEFECTIVE",
        "status": "New",
        "returnAuthorizationId": authorization_id,
        "fulfillmentCenterId": "PHX7",
    }
    assert "returnComment" not in second, "an empty comment is no comment"
    assert second["sellerReturnItemId"] == "R2" and second["returnAuthorizationId"] == authorization_id
    assert answer["invalidReturnItems"] == []
    kept = mcf.order("O-1")
    assert kept["returnAuthorizations"] == [authorization]
    assert [r["sellerReturnItemId"] for r in kept["returnItems"]] == ["R1", "R2"]
    assert kept["returnItems"][0] == {
        **first,
        "statusChangedDate": kept["returnItems"][0]["statusChangedDate"],
    }


def test_each_reason_is_graded_and_restocked_when_the_fc_receives_the_unit(mcf, shipment):
    ask(mcf, [item(shipment, code, code) for code in GRADES])
    before = mcf.details("MUG")
    mcf.advance(DEFAULT.return_processing - 1)
    assert {r["status"] for r in mcf.order("O-1")["returnItems"]} == {"New"}
    assert mcf.details("MUG") == before
    received_at = mcf.runtime.clock.timestamp() + 1
    mcf.advance(1)
    returned = mcf.order("O-1")["returnItems"]
    assert {r["sellerReturnItemId"]: r["returnReceivedCondition"] for r in returned} == GRADES
    assert {r["status"] for r in returned} == {"Processed"}
    assert all(at(r["statusChangedDate"], received_at) for r in returned)
    after = mcf.details("MUG")
    unfulfillable = after["unfulfillableQuantity"]
    assert after["fulfillableQuantity"] == 4
    assert (
        unfulfillable["defectiveQuantity"],
        unfulfillable["customerDamagedQuantity"],
        unfulfillable["carrierDamagedQuantity"],
        unfulfillable["distributorDamagedQuantity"] + unfulfillable["warehouseDamagedQuantity"],
    ) == (2, 1, 1, 1)
