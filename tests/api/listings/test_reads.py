"""getListingsItem: included parts, asynchronous processing, status, FBA linkage, seller isolation."""

from __future__ import annotations

from tests.api.listings.conftest import CA, ITEMS, US, listing

ALL = "summaries,attributes,issues,offers,fulfillmentAvailability,procurement,relationships,productTypes"


def test_every_included_part(listings):
    parent = [{"parent_sku": "MUG", "marketplace_id": US}]
    listings.accepted("MUG-1", listing(child_parent_sku_relationship=parent))
    item = listings.item("MUG-1", ALL)
    assert set(item) == {"sku", *ALL.split(",")}
    summary = item["summaries"][0]
    assert summary["itemName"] == "Blue mug" and summary["conditionType"] == "new_new"
    assert summary["productType"] == "HOME" and summary["mainImage"]["link"] == "https://example.com/mug.jpg"
    assert "fnSku" not in summary  # merchant-fulfilled
    price = {"currencyCode": "USD", "amount": "12.50"}
    assert item["offers"] == [
        {"marketplaceId": US, "offerType": "B2C", "price": price, "audience": {"value": "ALL"}}
    ]
    assert item["fulfillmentAvailability"] == [{"fulfillmentChannelCode": "DEFAULT", "quantity": 5}]
    assert item["productTypes"] == [{"marketplaceId": US, "productType": "HOME"}]
    assert item["relationships"] == [
        {"marketplaceId": US, "relationships": [{"type": "VARIATION", "parentSkus": ["MUG"]}]}
    ]
    assert item["procurement"] == [] and item["issues"] == []


def test_default_is_summaries_only(listings):
    listings.accepted("MUG-1")
    assert set(listings.item("MUG-1", "")) == {"sku", "summaries"}


def test_unknown_sku_is_404(listings):
    response = listings.get("NOPE")
    assert response.status_code == 404 and response.json()["errors"][0]["code"] == "NOT_FOUND"


def test_processing_makes_the_listing_live(listings):
    listings.accepted("MUG-1")
    assert listings.item("MUG-1")["summaries"][0]["status"] == []
    listings.processed()
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]


def test_processing_reports_warnings_later(listings):
    body = listing(image=False)
    del body["attributes"]["purchasable_offer"]
    answer = listings.accepted("MUG-1", body)
    assert answer["issues"] == []
    assert listings.item("MUG-1", "issues")["issues"] == []
    listings.processed()
    item = listings.item("MUG-1", "issues,summaries")
    assert [(i["severity"], i["categories"]) for i in item["issues"]] == [
        ("WARNING", ["MISSING_IMAGE"]),
        ("WARNING", ["MISSING_PRICE"]),
    ]
    assert item["summaries"][0]["status"] == ["DISCOVERABLE"]  # no price: not buyable


def test_a_later_write_makes_earlier_processing_stale(listings):
    listings.accepted("MUG-1", listing(image=False))
    listings.mcf.advance(40)
    listings.accepted("MUG-1")  # with an image: reprocessed 60 s from now
    listings.mcf.advance(30)  # the first event is due, but stale
    assert listings.item("MUG-1", "issues,summaries")["issues"] == []
    assert listings.item("MUG-1")["summaries"][0]["status"] == []
    listings.mcf.advance(31)
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]


def test_processing_of_a_deleted_listing_never_touches_its_successor(listings):
    listings.accepted("MUG-1")
    listings.mcf.advance(40)
    assert listings.delete("MUG-1").status_code == 200
    listings.accepted("MUG-1")  # a new listing, processed 60 s from now
    listings.mcf.advance(30)  # the deleted listing's processing is due
    assert listings.item("MUG-1")["summaries"][0]["status"] == []
    listings.mcf.advance(31)
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]


def test_zero_merchant_quantity_is_not_buyable(listings):
    listings.accepted("MUG-1", listing(quantity=0))
    listings.processed()
    assert listings.item("MUG-1")["summaries"][0]["status"] == ["DISCOVERABLE"]


def test_fba_quantity_follows_inventory(listings, mcf):
    mcf.stock("MUG-1", 7)
    answer = listings.accepted("MUG-1", listing(channel="AMAZON_NA", quantity=None))
    stock = mcf.call(
        "GET",
        "/fba/inventory/v1/summaries",
        params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
    ).json()
    [summary] = stock["payload"]["inventorySummaries"]
    assert answer["identifiers"][0]["asin"] == summary["asin"]
    listings.processed()
    item = listings.item("MUG-1", "summaries,fulfillmentAvailability")
    assert item["fulfillmentAvailability"] == [{"fulfillmentChannelCode": "AMAZON_NA", "quantity": 7}]
    listed = item["summaries"][0]
    assert (listed["fnSku"], listed["asin"]) == (summary["fnSku"], summary["asin"])
    assert item["summaries"][0]["status"] == ["BUYABLE", "DISCOVERABLE"]
    mcf.add("MUG-1", 3)
    assert listings.item("MUG-1", "fulfillmentAvailability")["fulfillmentAvailability"][0]["quantity"] == 10


def test_fba_listing_without_stock_is_not_buyable_and_seller_quantity_is_ignored(listings, mcf):
    listings.accepted("MUG-1", listing(channel="AMAZON_NA", quantity=50))
    listings.processed()
    item = listings.item("MUG-1", "summaries,fulfillmentAvailability")
    assert item["fulfillmentAvailability"] == [{"fulfillmentChannelCode": "AMAZON_NA", "quantity": 0}]
    assert item["summaries"][0]["status"] == ["DISCOVERABLE"]
    generated = item["summaries"][0]["fnSku"]
    assert generated.startswith("X00")
    mcf.stock("MUG-1", 2)  # inventory created later: its identifiers are the ones reported
    summary = listings.item("MUG-1")["summaries"][0]
    assert summary["status"] == ["BUYABLE", "DISCOVERABLE"] and summary["fnSku"] != generated


def test_several_marketplaces(listings):
    listings.accepted("MUG-1")
    body = listing()
    body["attributes"]["purchasable_offer"] = [
        {"marketplace_id": CA, "currency": "CAD", "our_price": [{"schedule": [{"value_with_tax": 15}]}]}
    ]
    body["attributes"]["item_name"] = [{"value": "Tasse bleue", "marketplace_id": CA}]
    assert listings.put("MUG-1", body, marketplace=CA).json()["status"] == "ACCEPTED"
    response = listings.get("MUG-1", "summaries,offers", marketplaces=f"{CA},{US}")
    item = response.json()
    assert [s["marketplaceId"] for s in item["summaries"]] == [CA, US]
    assert [o["price"]["currencyCode"] for o in item["offers"]] == ["CAD", "USD"]
    repeated = f"{US},{CA},{US}"  # a marketplace named twice counts once, where it is first named
    item = listings.get("MUG-1", "summaries,offers", marketplaces=repeated).json()
    assert [s["marketplaceId"] for s in item["summaries"]] == [US, CA]
    assert [o["marketplaceId"] for o in item["offers"]] == [US, CA]
    [searched] = listings.mcf.call("GET", ITEMS, params={"marketplaceIds": repeated}).json()["items"]
    assert [s["marketplaceId"] for s in searched["summaries"]] == [US, CA]


def test_sellers_never_see_each_others_listings(listings, client, other_seller_headers):
    listings.accepted("MUG-1")
    other = "/listings/2021-08-01/items/A2OTHERSELLER9"
    assert (
        client.get(f"{other}/MUG-1", params={"marketplaceIds": US}, headers=other_seller_headers).status_code
        == 404
    )
    found = client.get(other, params={"marketplaceIds": US}, headers=other_seller_headers).json()
    assert found == {"numberOfResults": 0, "items": []}
    assert (
        client.get(f"{ITEMS}/MUG-1", params={"marketplaceIds": US}, headers=other_seller_headers).status_code
        == 403
    )
