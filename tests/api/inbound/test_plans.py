"""Inbound plans: create, list, read, rename, cancel; bad input and other sellers' plans are refused."""

from __future__ import annotations

import re

from tests.api.inbound.support import BASE, SOURCE, item, refused
from tests.api.listings.conftest import at, listing
from tests.api.outbound.support import US

ID = re.compile(r"^[a-zA-Z0-9-]{38}$")


def test_a_plan_is_created_for_stocked_skus_and_its_operation_succeeds(inbound):
    inbound.stock("MUG-1")
    body = {
        "destinationMarketplaces": [US],
        "sourceAddress": SOURCE,
        "items": [item("MUG-1", 12)],
        "name": "Mugs",
    }
    created = inbound.call("POST", f"{BASE}/inboundPlans", json=body)
    assert created.status_code == 202
    plan_id, operation_id = created.json()["inboundPlanId"], created.json()["operationId"]
    assert ID.match(plan_id) and plan_id.startswith("wf")
    status = inbound.finish(operation_id)
    assert status == {
        "operation": "createInboundPlan",
        "operationId": operation_id,
        "operationStatus": "SUCCESS",
        "operationProblems": [],
    }
    plan = inbound.get(plan_id)
    assert (plan["name"], plan["status"], plan["marketplaceIds"]) == ("Mugs", "ACTIVE", [US])
    assert plan["sourceAddress"] == SOURCE
    [line] = inbound.get(f"{plan_id}/items")["items"]
    assert (line["msku"], line["quantity"], line["labelOwner"]) == ("MUG-1", 12, "SELLER")
    assert line["fnsku"].startswith("X00") and line["asin"].startswith("B0")


def test_a_plan_names_itself_when_not_named(inbound):
    inbound.stock("MUG-1")
    plan = inbound.get(inbound.plan({"MUG-1": 1}))
    assert re.fullmatch(r"FBA \(\d\d/\d\d/\d{4}, \d{1,2}:\d\d [AP]M\)", plan["name"])


def test_an_fba_listing_is_enough_and_gets_an_inventory_item(inbound):
    fba = listing("Green mug", channel="AMAZON_NA", quantity=None)
    response = inbound.call("PUT", at("LISTED-1"), params={"marketplaceIds": US}, json=fba)
    assert response.status_code == 200, response.text
    inbound.plan({"LISTED-1": 3})
    assert inbound.details("LISTED-1")["totalQuantity"] == 0


def failed_plan(inbound, body):
    """Create a plan that Amazon accepts and then fails; its operation's problems, the plan ERRORED."""
    created = inbound.call("POST", f"{BASE}/inboundPlans", json=body)
    assert created.status_code == 202, created.text
    status = inbound.finish(created.json()["operationId"], expect="FAILED")
    plan = inbound.get(created.json()["inboundPlanId"])
    assert plan["status"] == "ERRORED"
    refused(
        inbound.call("POST", f"{BASE}/inboundPlans/{plan['inboundPlanId']}/packingOptions"), says="failed"
    )
    return [(p["code"], p["message"], p["severity"]) for p in status["operationProblems"]]


def test_a_merchant_fulfilled_listing_is_not_enough(inbound):
    response = inbound.call("PUT", at("SHELF-1"), params={"marketplaceIds": US}, json=listing())
    assert response.status_code == 200, response.text
    body = {"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [item("SHELF-1", 1)]}
    [(code, message, severity)] = failed_plan(inbound, body)
    assert (code, severity) == ("NotFulfilledByAmazon", "ERROR") and "no offer fulfilled by Amazon" in message


def test_unknown_and_repeated_mskus_fail_the_plan(inbound):
    inbound.stock("MUG-1")
    lines = [item("NOPE", 1), item("MUG-1", 1), item("MUG-1", 2)]
    body = {"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": lines}
    assert failed_plan(inbound, body) == [
        ("InvalidMSKU", "The requested MSKU is not valid.", "ERROR"),
        ("DuplicateMSKU", "The MSKU MUG-1 is listed more than once.", "ERROR"),
    ]


def test_a_marketplace_the_seller_does_not_sell_in_fails_the_plan(inbound):
    inbound.stock("MUG-1")
    body = {
        "destinationMarketplaces": ["BADATVPDKIKX0DER"],
        "sourceAddress": SOURCE,
        "items": [item("MUG-1", 1)],
    }
    [(code, message, _)] = failed_plan(inbound, body)
    assert (code, message) == ("InvalidMarketplace", "Invalid destinationMarketplace provided.")


def test_no_step_follows_while_an_operation_runs(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 1}, settle=False)
    refused(inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions"), says="still in progress")


def test_plans_are_listed_by_status_sorted_and_paged(inbound):
    inbound.stock("MUG-1")
    first = inbound.plan({"MUG-1": 1})
    inbound.advance(60)
    second = inbound.plan({"MUG-1": 2})
    listed = inbound.call(
        "GET", f"{BASE}/inboundPlans", params={"pageSize": 1, "sortBy": "CREATION_TIME"}
    ).json()
    assert [p["inboundPlanId"] for p in listed["inboundPlans"]] == [second]
    token = listed["pagination"]["nextToken"]
    rest = inbound.call(
        "GET", f"{BASE}/inboundPlans", params={"pageSize": 1, "paginationToken": token}
    ).json()
    assert [p["inboundPlanId"] for p in rest["inboundPlans"]] == [first] and "pagination" not in rest
    ascending = inbound.call("GET", f"{BASE}/inboundPlans", params={"sortOrder": "ASC"}).json()
    assert [p["inboundPlanId"] for p in ascending["inboundPlans"]] == [first, second]
    voided = inbound.call("GET", f"{BASE}/inboundPlans", params={"status": "VOIDED"}).json()
    assert voided["inboundPlans"] == []
    made_up = inbound.call("GET", f"{BASE}/inboundPlans", params={"paginationToken": "paginationToken"})
    assert made_up.json() == {"inboundPlans": []}  # a token never issued pages past the end


def test_unknown_and_badly_shaped_plan_ids_are_refused(inbound):
    unknown = inbound.call("GET", f"{BASE}/inboundPlans/wfbad4abcd-1234-abcd-5678-1234abcd5678")
    refused(unknown, 404, "NotFound", says="The requested inbound plan does not exist.")
    short = inbound.call("GET", f"{BASE}/inboundPlans/wf1234")  # the model wants 38 characters
    assert short.status_code == 400 and short.json()["errors"][0]["code"] == "InvalidInput"


def test_another_seller_sees_neither_the_plan_nor_its_operation(inbound, client, other_seller_headers):
    inbound.stock("MUG-1")
    created = inbound.call(
        "POST",
        f"{BASE}/inboundPlans",
        json={"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [item("MUG-1", 1)]},
    ).json()
    plan = client.get(f"{BASE}/inboundPlans/{created['inboundPlanId']}", headers=other_seller_headers)
    refused(plan, 404, "NotFound", says="does not exist")
    operation = client.get(f"{BASE}/operations/{created['operationId']}", headers=other_seller_headers)
    refused(operation, 404, "NotFound")
    listed = client.get(f"{BASE}/inboundPlans", headers=other_seller_headers)
    assert listed.json()["inboundPlans"] == []


def test_an_unknown_operation_is_not_found(inbound):
    refused(inbound.call("GET", f"{BASE}/operations/00000000-1234-4bcd-8678-1234abcd5678"), 404, "NotFound")


def test_a_plan_is_renamed(inbound):
    inbound.stock("MUG-1")
    plan_id = inbound.plan({"MUG-1": 1})
    renamed = inbound.call("PUT", f"{BASE}/inboundPlans/{plan_id}/name", json={"name": "Spring restock"})
    assert renamed.status_code == 204 and not renamed.content
    assert inbound.get(plan_id)["name"] == "Spring restock"


def test_cancelling_voids_the_plan_and_withdraws_its_working_units(inbound):
    inbound.stock("MUG-1", 2)
    plan_id = inbound.placed({"MUG-1": 6})
    assert inbound.details("MUG-1")["inboundWorkingQuantity"] == 6
    inbound.step("PUT", f"{plan_id}/cancellation")
    plan = inbound.get(plan_id)
    assert plan["status"] == "VOIDED"
    assert {s["status"] for s in plan["shipments"]} == {"CANCELLED"}
    details = inbound.details("MUG-1")
    assert (details["inboundWorkingQuantity"], details["fulfillableQuantity"], details["totalQuantity"]) == (
        0,
        2,
        2,
    )
    refused(inbound.call("PUT", f"{BASE}/inboundPlans/{plan_id}/cancellation"), says="already cancelled")
    refused(inbound.call("POST", f"{BASE}/inboundPlans/{plan_id}/packingOptions"), says="cancelled")
