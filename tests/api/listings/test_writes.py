"""putListingsItem, patchListingsItem, deleteListingsItem: statuses, validation rules, patch operations."""

from __future__ import annotations

import pytest

from tests.api.listings.conftest import CA, ITEMS, US, at, listing


def codes(response):
    return [(i["code"], i["attributeNames"]) for i in response.json()["issues"]]


def test_put_accepts_a_valid_listing_with_identifiers(listings):
    answer = listings.accepted("MUG-1")
    assert answer["sku"] == "MUG-1" and answer["issues"] == [] and answer["submissionId"]
    [identifier] = answer["identifiers"]
    assert identifier["marketplaceId"] == US and identifier["asin"].startswith("B0")
    assert listings.item("MUG-1")["summaries"][0]["asin"] == identifier["asin"]


def test_put_without_included_data_reports_issues_only(listings):
    body = listings.put("MUG-1", listing()).json()
    assert body["status"] == "ACCEPTED" and body["issues"] == [] and "identifiers" not in body


@pytest.mark.parametrize(
    ("attributes", "requirements", "expected"),
    [
        ({}, "LISTING", [("90220", ["item_name"])]),
        ({"item_name": [{"value": "x"}]}, "LISTING_PRODUCT_ONLY", []),
        ({"item_name": [{"value": "x"}]}, "LISTING_OFFER_ONLY", [("90220", ["purchasable_offer"])]),
        ({"item_name": "Blue mug"}, "LISTING", [("90000900", ["item_name"])]),
        ({"item_name": []}, "LISTING", [("90000900", ["item_name"])]),
        (
            {"item_name": [{"value": "x", "marketplace_id": "A1F83G8C2ARO7P"}]},
            "LISTING",
            [("90000900", ["item_name"])],
        ),
        (
            {
                "item_name": [{"value": "x"}],
                "fulfillment_availability": [{"fulfillment_channel_code": "DEFAULT", "quantity": 1}],
            },
            "LISTING",
            [("90220", ["condition_type"])],
        ),
        (
            {"item_name": [{"value": "x"}], "condition_type": [{"value": "brand_new"}]},
            "LISTING",
            [("90000900", ["condition_type"])],
        ),
    ],
)
def test_put_validation_rules(listings, attributes, requirements, expected):
    response = listings.put(
        "MUG-1", {"productType": "HOME", "requirements": requirements, "attributes": attributes}
    )
    assert response.status_code == 200
    assert codes(response) == expected
    assert response.json()["status"] == ("INVALID" if expected else "ACCEPTED")


@pytest.mark.parametrize(
    ("offer", "category"),
    [
        ({"currency": "USD", "our_price": [{"schedule": [{"value_with_tax": 5}]}]}, "MISSING_ATTRIBUTE"),
        (
            {"marketplace_id": US, "currency": "EUR", "our_price": [{"schedule": [{"value_with_tax": 5}]}]},
            "INVALID_ATTRIBUTE",
        ),
        (
            {"marketplace_id": US, "currency": "USD", "our_price": [{"schedule": [{"value_with_tax": 0}]}]},
            "INVALID_PRICE",
        ),
        ({"marketplace_id": US, "currency": "USD"}, "INVALID_PRICE"),
    ],
)
def test_offer_rules(listings, offer, category):
    body = listing()
    body["attributes"]["purchasable_offer"] = [offer]
    answer = listings.put("MUG-1", body).json()
    assert answer["status"] == "INVALID"
    assert [i["categories"] for i in answer["issues"]] == [[category]]


@pytest.mark.parametrize(
    "entry",
    [
        {"fulfillment_channel_code": "DEFAULT"},
        {"fulfillment_channel_code": "DEFAULT", "quantity": -1},
        {"fulfillment_channel_code": "POSTAL"},
        {"quantity": 3},
    ],
)
def test_fulfillment_availability_rules(listings, entry):
    body = listing()
    body["attributes"]["fulfillment_availability"] = [entry]
    assert listings.put("MUG-1", body).json()["status"] == "INVALID"


def test_invalid_put_is_http_200_and_stores_nothing(listings):
    answer = listings.put(
        "MUG-1", {"productType": "HOME", "attributes": {}}, includedData="identifiers,issues"
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == "INVALID" and answer.json()["identifiers"] == []
    assert listings.get("MUG-1").status_code == 404


def test_validation_preview_persists_nothing(listings):
    valid = listings.put("MUG-1", listing(), mode="VALIDATION_PREVIEW", includedData="identifiers,issues")
    assert valid.json()["status"] == "VALID" and valid.json()["identifiers"][0]["marketplaceId"] == US
    invalid = listings.put("MUG-1", {"productType": "HOME", "attributes": {}}, mode="VALIDATION_PREVIEW")
    assert invalid.json()["status"] == "INVALID"
    assert listings.get("MUG-1").status_code == 404
    listings.accepted("MUG-1")
    preview = listings.patch(
        "MUG-1", [{"op": "delete", "path": "/attributes/item_name"}], mode="VALIDATION_PREVIEW"
    )
    assert preview.json()["status"] == "INVALID"  # LISTING still needs item_name
    renamed = listings.patch(
        "MUG-1",
        [{"op": "replace", "path": "/attributes/item_name", "value": [{"value": "Red mug"}]}],
        mode="VALIDATION_PREVIEW",
    )
    assert renamed.json()["status"] == "VALID"
    assert listings.item("MUG-1")["summaries"][0]["itemName"] == "Blue mug"


def test_put_replaces_every_attribute(listings):
    listings.accepted("MUG-1")
    listings.accepted(
        "MUG-1",
        {
            "productType": "HOME",
            "requirements": "LISTING_PRODUCT_ONLY",
            "attributes": {"item_name": [{"value": "Plain mug"}]},
        },
    )
    item = listings.item("MUG-1", "attributes,offers")
    assert item["attributes"] == {"item_name": [{"value": "Plain mug"}]} and item["offers"] == []


def test_patch_operations(listings):
    listings.accepted("MUG-1")
    answer = listings.patch(
        "MUG-1",
        [
            {
                "op": "replace",
                "path": "/attributes/item_name",
                "value": [{"value": "Red mug", "marketplace_id": US}],
            },
            {
                "op": "add",
                "path": "/attributes/color",
                "value": [{"value": "red"}, {"value": "rot", "language_tag": "de"}],
            },
            {
                "op": "merge",
                "path": "/attributes/purchasable_offer",
                "value": [{"marketplace_id": US, "our_price": [{"schedule": [{"value_with_tax": 20}]}]}],
            },
            {"op": "delete", "path": "/attributes/color", "value": [{"language_tag": "de"}]},
            {"op": "delete", "path": "/attributes/main_product_image_locator"},
        ],
    )
    assert answer.json()["status"] == "ACCEPTED", answer.text
    item = listings.item("MUG-1", "attributes,offers,summaries")
    assert item["attributes"]["item_name"] == [{"value": "Red mug", "marketplace_id": US}]
    assert item["attributes"]["color"] == [{"value": "red"}]
    assert item["attributes"]["purchasable_offer"][0]["currency"] == "USD"  # merged, not replaced
    assert item["offers"][0]["price"] == {"currencyCode": "USD", "amount": "20.00"}
    assert "main_product_image_locator" not in item["attributes"]
    assert "mainImage" not in item["summaries"][0]


@pytest.mark.parametrize(
    ("patch", "product_type"),
    [
        ({"op": "replace", "path": "/attributes/item_name/0/value", "value": [{"value": "x"}]}, "HOME"),
        ({"op": "replace", "path": "/productType", "value": [{"value": "x"}]}, "HOME"),
        ({"op": "add", "path": "/attributes/color"}, "HOME"),
        ({"op": "add", "path": "/attributes/color", "value": [{"value": "red"}]}, "LUGGAGE"),
    ],
)
def test_bad_patches_are_invalid_and_change_nothing(listings, patch, product_type):
    listings.accepted("MUG-1")
    before = listings.item("MUG-1", "attributes")
    answer = listings.patch("MUG-1", [patch], product_type=product_type)
    assert answer.status_code == 200 and answer.json()["status"] == "INVALID"
    assert listings.item("MUG-1", "attributes") == before


def test_delete_of_an_unknown_sku_is_400_with_the_listings_code(listings):
    answer = listings.delete("NOPE")
    assert answer.status_code == 400 and answer.json()["errors"][0]["details"] == "sku=NOPE"
    assert answer.json()["errors"][0]["code"] == "BAD_REQUEST"  # the model's canned 400, not InvalidInput


def test_patch_of_an_unknown_sku_starts_a_partial_listing(listings):
    color = [{"op": "add", "path": "/attributes/color", "value": [{"value": "red"}]}]
    assert listings.patch("NEW", color).json()["status"] == "INVALID"  # neither product facts nor offer
    offer = listing()["attributes"]
    patch = [
        {"op": "replace", "path": f"/attributes/{name}", "value": offer[name]}
        for name in ("purchasable_offer", "fulfillment_availability", "condition_type")
    ]
    assert listings.patch("NEW", patch).json()["status"] == "ACCEPTED"  # an offer alone is accepted
    listings.processed()
    item = listings.item("NEW", "summaries,issues")
    assert item["summaries"][0]["status"] == []  # ... but matches no product, so it never sells
    assert [(i["severity"], i["code"]) for i in item["issues"]] == [("WARNING", "99101"), ("ERROR", "99103")]
    assert listings.search(withIssueSeverity="ERROR").json()["items"][0]["sku"] == "NEW"
    name = [{"op": "add", "path": "/attributes/item_name", "value": [{"value": "Now a product"}]}]
    assert listings.patch("NEW", name).json()["status"] == "ACCEPTED"
    listings.processed()
    assert listings.item("NEW")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]


def test_offer_only_put_attaches_to_a_suggested_asin(listings):
    body = listing(merchant_suggested_asin=[{"value": "B00SUGGEST"}])
    del body["attributes"]["item_name"]
    body["requirements"] = "LISTING_OFFER_ONLY"
    answer = listings.accepted("OFFER", body)
    assert answer["identifiers"][0]["asin"] == "B00SUGGEST"
    listings.processed()
    assert listings.item("OFFER", "summaries,issues")["issues"] == []


def test_delete_removes_the_listing(listings):
    listings.accepted("MUG-1")
    answer = listings.delete("MUG-1")
    assert answer.status_code == 200 and answer.json()["status"] == "ACCEPTED"
    assert listings.get("MUG-1").status_code == 404


def test_sku_with_reserved_characters_round_trips(listings):
    listings.accepted("MUG 1/+x")
    response = listings.mcf.call("GET", f"{ITEMS}/MUG%201%2F%2Bx", params={"marketplaceIds": US})
    assert response.status_code == 200 and response.json()["sku"] == "MUG 1/+x"


def test_foreign_seller_id_is_403(listings):
    response = listings.mcf.call(
        "PUT",
        "/listings/2021-08-01/items/A2OTHERSELLER9/MUG-1",
        params={"marketplaceIds": US},
        json=listing(),
    )
    assert response.status_code == 403 and response.json()["errors"][0]["code"] == "Unauthorized"


@pytest.mark.parametrize("marketplaces", ["A1F83G8C2ARO7P", "NOT-A-MARKETPLACE"])
def test_marketplace_the_seller_cannot_sell_in_is_400(listings, marketplaces):
    response = listings.put("MUG-1", listing(), marketplace=marketplaces)
    assert response.status_code == 400 and "marketplaceIds" in response.json()["errors"][0]["details"]


def test_writes_name_one_marketplace(listings):
    listings.accepted("MUG-1")
    patch = [{"op": "add", "path": "/attributes/color", "value": [{"value": "red"}]}]
    response = listings.patch("MUG-1", patch, marketplaceIds=f"{US},{CA}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "attributes",
    [
        {"item_name": [{"value": "x"}], "condition_type": [{"value": ["new_new"]}]},
        {"item_name": [{"value": "x"}], "purchasable_offer": [{"marketplace_id": ["x"]}]},
        {
            "item_name": [{"value": {"deep": [1, 2]}}],
            "fulfillment_availability": [{"fulfillment_channel_code": 7}],
        },
        {"item_name": [None]},
    ],
)
def test_hostile_attribute_values_are_invalid_not_errors(listings, attributes):
    response = listings.put("MUG-1", {"productType": "HOME", "attributes": attributes})
    assert response.status_code == 200 and response.json()["status"] == "INVALID"


def test_odd_offer_audience_is_reported_as_all(listings):
    body = listing()
    body["attributes"]["purchasable_offer"][0]["audience"] = {"value": "B2B"}
    listings.accepted("MUG-1", body)
    assert listings.item("MUG-1", "offers")["offers"][0]["audience"] == {"value": "ALL"}


@pytest.mark.parametrize(
    ("method", "params", "body"),
    [
        ("PUT", {"marketplaceIds": US}, {"attributes": {}}),  # body misses productType
        ("PUT", {"marketplaceIds": US}, None),  # no body at all
        ("GET", {}, None),  # the required marketplaceIds query parameter is missing
        ("GET", {"marketplaceIds": US, "includedData": "everything"}, None),  # not an enum value
    ],
)
def test_edge_400s_of_listings_use_the_listings_code(listings, method, params, body):
    answer = listings.mcf.call(method, at("MUG-1"), params=params, json=body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"][0]["code"] == "BAD_REQUEST"


def test_edge_400s_of_other_apis_keep_invalid_input(mcf):
    answer = mcf.call("POST", "/fba/outbound/2020-07-01/fulfillmentOrders", json={"items": []})
    assert answer.status_code == 400 and answer.json()["errors"][0]["code"] == "InvalidInput"
