"""patchListingsItem `merge`: a value merges into the element with its selectors, or is appended."""

from __future__ import annotations

from tests.api.listings.conftest import US


def test_merge_appends_a_value_no_element_selects(listings):
    listings.accepted("MUG-1")
    french = {"value": "Tasse bleue", "language_tag": "fr_CA", "marketplace_id": US}
    answer = listings.patch(
        "MUG-1",
        [
            {"op": "merge", "path": "/attributes/item_name", "value": [french]},
            {"op": "merge", "path": "/attributes/color", "value": [{"value": "blue", "marketplace_id": US}]},
        ],
    )
    assert answer.status_code == 200 and answer.json()["status"] == "ACCEPTED", answer.text
    attributes = listings.item("MUG-1", "attributes")["attributes"]
    assert attributes["item_name"] == [
        {"value": "Blue mug", "language_tag": "en_US", "marketplace_id": US},
        french,
    ]
    assert attributes["color"] == [{"value": "blue", "marketplace_id": US}]


def test_merge_updates_only_the_element_its_selectors_name(listings):
    listings.accepted("MUG-1")
    listings.patch(
        "MUG-1",
        [
            {
                "op": "merge",
                "path": "/attributes/item_name",
                "value": [{"value": "Mug", "language_tag": "en_CA"}],
            }
        ],
    )
    answer = listings.patch(
        "MUG-1",
        [
            {
                "op": "merge",
                "path": "/attributes/item_name",
                "value": [{"language_tag": "en_CA", "value": "Cup"}],
            }
        ],
    )
    assert answer.json()["status"] == "ACCEPTED", answer.text
    names = listings.item("MUG-1", "attributes")["attributes"]["item_name"]
    assert [(n.get("language_tag"), n["value"]) for n in names] == [("en_US", "Blue mug"), ("en_CA", "Cup")]
