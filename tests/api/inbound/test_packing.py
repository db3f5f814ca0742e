"""Packing options, packing groups and packing information, in Amazon's order."""

from __future__ import annotations

from tests.api.inbound.support import BASE, box, refused


def options(inbound, plan_id):
    return inbound.get(f"{plan_id}/packingOptions")["packingOptions"]


def test_options_appear_only_once_their_operation_succeeded(inbound):
    inbound.stock("MUG-1")
    inbound.stock("CAP-1")
    plan_id = inbound.plan({"MUG-1": 4, "CAP-1": 2})
    started = inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions").json()
    assert options(inbound, plan_id) == []
    inbound.finish(started["operationId"])
    together, apart = options(inbound, plan_id)
    assert len(together["packingGroups"]) == 1 and len(apart["packingGroups"]) == 2
    assert {together["status"], apart["status"]} == {"OFFERED"}
    [group] = together["packingGroups"]
    items = inbound.get(f"{plan_id}/packingGroups/{group}/items")["items"]
    assert {(i["msku"], i["quantity"]) for i in items} == {("MUG-1", 4), ("CAP-1", 2)}
    assert [o["packingOptionId"] for o in inbound.get(plan_id)["packingOptions"]] == [
        together["packingOptionId"],
        apart["packingOptionId"],
    ]


def test_confirming_accepts_one_option_and_lets_the_others_lapse(inbound):
    inbound.stock("MUG-1")
    inbound.stock("CAP-1")
    plan_id = inbound.plan({"MUG-1": 4, "CAP-1": 2})
    inbound.step("POST", f"{plan_id}/packingOptions")
    together, apart = options(inbound, plan_id)
    inbound.step("POST", f"{plan_id}/packingOptions/{apart['packingOptionId']}/confirmation")
    assert [o["status"] for o in options(inbound, plan_id)] == ["EXPIRED", "ACCEPTED"]
    again = inbound.call(
        "POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions/{together['packingOptionId']}/confirmation"
    )
    refused(again, says="already confirmed")
    refused(inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions"), says="already confirmed")


def test_unknown_and_expired_options_cannot_be_confirmed(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 4})
    inbound.step("POST", f"{plan_id}/packingOptions")
    [option] = options(inbound, plan_id)
    unknown = "po" + "0" * 8 + option["packingOptionId"][10:]
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions/{unknown}/confirmation"),
        404,
        "NotFound",
        says="packingOptionId does not exist",
    )
    inbound.advance(8 * 24 * 3600)
    assert options(inbound, plan_id)[0]["status"] == "EXPIRED"
    late = inbound.call(
        "POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions/{option['packingOptionId']}/confirmation"
    )
    refused(late, says="expired")
    inbound.step("POST", f"{plan_id}/packingOptions")  # offered anew
    assert options(inbound, plan_id)[0]["status"] == "OFFERED"


def test_packing_information_needs_a_confirmed_option(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 4})
    inbound.step("POST", f"{plan_id}/packingOptions")
    [option] = options(inbound, plan_id)
    grouping = {"packingGroupId": option["packingGroups"][0], "boxes": [box({"MUG-1": 4})]}
    early = inbound.call(
        "POST", f"{BASE}/inboundPlans/{plan_id}/packingInformation", json={"packageGroupings": [grouping]}
    )
    refused(early, says="confirmPackingOption")


def test_boxes_must_hold_exactly_the_groups_units(inbound):
    inbound.stock("MUG-1")
    plan_id, group = inbound.chosen({"MUG-1": 4})
    short = {"packingGroupId": group, "boxes": [box({"MUG-1": 3})]}
    status = inbound.step(
        "POST", f"{plan_id}/packingInformation", expect="FAILED", json={"packageGroupings": [short]}
    )
    [problem] = status["operationProblems"]
    assert (problem["code"], problem["severity"]) == ("BoxContentsMismatch", "ERROR")
    assert "MUG-1 expected 4, boxed 3" in problem["message"]
    assert inbound.get(f"{plan_id}/packingGroups/{group}/boxes")["boxes"] == []
    stranger = {"packingGroupId": group, "boxes": [box({"CAP-9": 4})]}
    refused(
        inbound.call(
            "POST", f"{BASE}/inboundPlans/{plan_id}/packingInformation", json={"packageGroupings": [stranger]}
        ),
        says="CAP-9",
    )
    unknown = {"packingGroupId": "pg" + group[2:-4] + "0000", "boxes": [box({"MUG-1": 4})]}
    refused(
        inbound.call(
            "POST", f"{BASE}/inboundPlans/{plan_id}/packingInformation", json={"packageGroupings": [unknown]}
        ),
        404,
        "NotFound",
        says="packingGroupId does not exist",
    )


def test_identical_boxes_are_counted_and_heavy_ones_warned_about(inbound):
    inbound.stock("MUG-1")
    plan_id, group = inbound.chosen({"MUG-1": 6})
    grouping = {"packingGroupId": group, "boxes": [box({"MUG-1": 2}, count=3, pounds=55)]}
    status = inbound.step("POST", f"{plan_id}/packingInformation", json={"packageGroupings": [grouping]})
    assert {p["code"] for p in status["operationProblems"]} == {"BoxOverweight"}
    assert {p["severity"] for p in status["operationProblems"]} == {"WARNING"}
    boxes = inbound.get(f"{plan_id}/packingGroups/{group}/boxes")["boxes"]
    assert len(boxes) == 3 and len({b["packageId"] for b in boxes}) == 3
    assert all("boxId" not in b for b in boxes)  # box ids come with placement
    paged = inbound.get(f"{plan_id}/boxes", pageSize=2)
    assert len(paged["boxes"]) == 2 and paged["pagination"]["nextToken"]


def test_an_unknown_packing_group_is_refused(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 6})
    missing = "pg1234abcd-1234-abcd-5678-1234abcd5678"
    refused(
        inbound.call("GET", f"{BASE}/inboundPlans/{plan_id}/packingGroups/{missing}/items"),
        404,
        "NotFound",
        says="The requested packingGroupId does not exist for the specified inbound plan.",
    )
