"""Placement options split the boxes into shipments; confirming one makes them WORKING with their units."""

from __future__ import annotations

import re

from tests.api.inbound.support import BASE, box, refused


def test_placement_needs_packing_first(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 4})
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions", json={}),
        says="confirmPackingOption",
    )
    inbound.step("POST", f"{plan_id}/packingOptions")
    [option] = inbound.get(f"{plan_id}/packingOptions")["packingOptions"]
    inbound.step("POST", f"{plan_id}/packingOptions/{option['packingOptionId']}/confirmation")
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions", json={}),
        says="setPackingInformation",
    )
    assert inbound.get(f"{plan_id}/placementOptions")["placementOptions"] == []


def test_boxes_spread_over_centres_or_all_to_one_for_a_fee(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.packed({"MUG-1": 10}, boxes=[box({"MUG-1": 5}, count=2)])
    inbound.step("POST", f"{plan_id}/placementOptions", json={})
    spread, single = inbound.get(f"{plan_id}/placementOptions")["placementOptions"]
    assert (len(spread["shipmentIds"]), spread["fees"]) == (2, [])
    assert len(single["shipmentIds"]) == 1
    [fee] = single["fees"]
    assert fee["value"] == {"code": "USD", "amount": 2.7} and fee["type"] == "FEE"
    statuses = {s["shipmentId"]: s["status"] for s in inbound.get(plan_id)["shipments"]}
    assert set(statuses) == set(spread["shipmentIds"]) | set(single["shipmentIds"])
    assert set(statuses.values()) == {"UNCONFIRMED"}
    assert inbound.details("MUG-1")["inboundWorkingQuantity"] == 0


def test_confirming_a_placement_confirms_its_shipments_and_drops_the_rest(inbound):
    inbound.stock("MUG-1")
    inbound.stock("CAP-1")
    plan_id = inbound.placed({"MUG-1": 10, "CAP-1": 3}, boxes=[box({"MUG-1": 5}, count=2), box({"CAP-1": 3})])
    plan = inbound.get(plan_id)
    assert [o["status"] for o in plan["placementOptions"]] == ["ACCEPTED", "EXPIRED"]
    shipments = [inbound.shipment(plan_id, s["shipmentId"]) for s in plan["shipments"]]
    assert {s["destination"]["warehouseId"] for s in shipments} == {"ONT8", "ABE8"}
    for shipment in shipments:
        assert shipment["status"] == "WORKING"
        assert re.fullmatch(r"FBA[0-9A-Z]{9}", shipment["shipmentConfirmationId"])
        boxes = inbound.get(f"{plan_id}/shipments/{shipment['shipmentId']}/boxes")["boxes"]
        assert [b["boxId"] for b in boxes] == [
            f"{shipment['shipmentConfirmationId']}U{n:06d}" for n in range(1, len(boxes) + 1)
        ]
    units = {
        (i["msku"], i["quantity"])
        for s in shipments
        for i in inbound.get(f"{plan_id}/shipments/{s['shipmentId']}/items")["items"]
    }
    assert units == {("MUG-1", 5), ("CAP-1", 3)}
    assert (
        inbound.details("MUG-1")["inboundWorkingQuantity"],
        inbound.details("CAP-1")["inboundWorkingQuantity"],
    ) == (
        10,
        3,
    )
    chosen = plan["placementOptions"][1]["placementOptionId"]
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions/{chosen}/confirmation"),
        says="already confirmed",
    )
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions", json={}),
        says="already confirmed",
    )


def test_a_custom_placement_names_the_centres(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.packed({"MUG-1": 4})
    custom = {
        "customPlacement": [
            {
                "warehouseId": "XXX9",
                "items": [{"msku": "MUG-1", "quantity": 4, "labelOwner": "SELLER", "prepOwner": "NONE"}],
            }
        ]
    }
    refused(inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions", json=custom), says="XXX9")
    custom["customPlacement"][0]["warehouseId"] = "ABE8"
    inbound.step("POST", f"{plan_id}/placementOptions", json=custom)
    [option] = inbound.get(f"{plan_id}/placementOptions")["placementOptions"]
    [shipment_id] = option["shipmentIds"]
    assert inbound.shipment(plan_id, shipment_id)["destination"]["warehouseId"] == "ABE8"


def test_expired_and_unknown_placement_options_are_refused(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.packed({"MUG-1": 4})
    inbound.step("POST", f"{plan_id}/placementOptions", json={})
    [option] = inbound.get(f"{plan_id}/placementOptions")["placementOptions"]
    missing = "pl1234abcd-1234-abcd-5678-1234abcd5678"
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions/{missing}/confirmation"),
        404,
        "NotFound",
        says="The requested placementOptionId does not exist for the given inbound plan.",
    )
    inbound.advance(8 * 24 * 3600)
    late = inbound.call(
        "POST", f"{BASE}/inboundPlans/{plan_id}/placementOptions/{option['placementOptionId']}/confirmation"
    )
    refused(late, says="expired")
    assert inbound.details("MUG-1")["inboundWorkingQuantity"] == 0


def test_new_boxes_void_the_placement_options_offered(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.packed({"MUG-1": 4})
    inbound.step("POST", f"{plan_id}/placementOptions", json={})
    group = inbound.get(f"{plan_id}/packingOptions")["packingOptions"][0]["packingGroups"][0]
    grouping = {"packingGroupId": group, "boxes": [box({"MUG-1": 2}, count=2)]}
    inbound.step("POST", f"{plan_id}/packingInformation", json={"packageGroupings": [grouping]})
    plan = inbound.get(plan_id)
    assert plan["placementOptions"] == [] and plan["shipments"] == []
