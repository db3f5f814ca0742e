"""What createFulfillmentReturn answers and getFulfillmentOrder keeps: each returned unit, field by field,
the authorization (where to send the units), and each reason code's grading once the FC receives them.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from emulator.apis.outbound.events import ReturnStatusChanged
from emulator.apis.outbound.timings import DEFAULT
from emulator.lwa.accounts import DEFAULTS
from emulator.state.events import EventQuery
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


def refused(return_id, line_id, code, description):
    return {
        "sellerReturnItemId": return_id,
        "sellerFulfillmentOrderItemId": line_id,
        "invalidItemReason": {"invalidItemReasonCode": code, "description": description},
    }


def test_refused_units_say_why_and_the_rest_go_ahead(mcf, shipment):
    ask(mcf, [item(shipment, "R1", "DEFECTIVE")])
    answer = ask(
        mcf,
        [
            item(shipment, "R1", "DEFECTIVE"),  # used by the earlier request
            item(shipment, "R2", "MADE_UP"),
            item("nope", "R3", "DEFECTIVE"),
            item(shipment, "R4", "DEFECTIVE") | {"sellerFulfillmentOrderItemId": "CUP"},
            item(shipment, "R5", "DEFECTIVE"),
            item(shipment, "R5", "DEFECTIVE"),  # used earlier in this request
        ]
        + [item(shipment, f"S{n}", "DEFECTIVE") for n in range(len(GRADES) - 2)]
        + [item(shipment, "S9", "DEFECTIVE")],  # one unit more than shipped
    )
    assert answer["invalidReturnItems"] == [
        refused("R1", "MUG", "DuplicateRequest", "This return item id was already used."),
        refused("R2", "MUG", "InvalidValues", "Unknown return reason code MADE_UP."),
        refused("R3", "MUG", "InvalidValues", "The item or shipment is not part of this order."),
        refused("R4", "CUP", "InvalidValues", "The item or shipment is not part of this order."),
        refused("R5", "MUG", "DuplicateRequest", "This return item id was already used."),
        refused("S9", "MUG", "NoReturnableQuantity", "Every shipped unit of this item already has a return."),
    ]
    assert [r["sellerReturnItemId"] for r in answer["returnItems"]] == ["R5"] + [
        f"S{n}" for n in range(len(GRADES) - 2)
    ]


def test_units_of_a_shipment_still_in_the_fc_cannot_be_returned(mcf):
    mcf.stock("MUG", 1)
    mcf.create("O-1", {"MUG": 1})
    assert mcf.set_status("O-1", "Processing").status_code == 200
    shipment = mcf.order("O-1")["fulfillmentShipments"][0]["amazonShipmentId"]
    answer = ask(mcf, [item(shipment, "R1", "DEFECTIVE")])
    assert answer == {
        "returnItems": [],
        "invalidReturnItems": [
            refused("R1", "MUG", "NoCompletedShipItems", "The shipment has not shipped yet.")
        ],
        "returnAuthorizations": [],
    }
    assert mcf.order("O-1")["returnItems"] == []


def test_each_returned_unit_records_its_authorisation_and_its_receipt(mcf, shipment):
    start = mcf.runtime.store.events.last_sequence
    asked_at = mcf.runtime.clock.timestamp()
    answer = ask(mcf, [item(shipment, "R1", "QUALITYUNACCEPTABLE")])
    authorization_id = answer["returnAuthorizations"][0]["returnAuthorizationId"]
    mcf.advance(DEFAULT.return_processing)
    mcf.order("O-1")  # the next call settles the clock
    query = EventQuery(
        seller_id=DEFAULTS.seller_id, types=frozenset({ReturnStatusChanged.type_name()}), after_sequence=start
    )
    recorded = mcf.runtime.store.events.query(query)
    unit = {"order_id": "O-1", "return_item_id": "R1", "authorization_id": authorization_id, "sku": "MUG"}
    assert [(e.at, e.event) for e in recorded] == [
        (
            asked_at,
            ReturnStatusChanged(**unit, previous=None, status="New", order_status="Complete"),
        ),
        (
            asked_at + DEFAULT.return_processing,
            ReturnStatusChanged(
                **unit,
                previous="New",
                status="Processed",
                order_status="Complete",
                received_condition="CustomerDamaged",
            ),
        ),
    ]
