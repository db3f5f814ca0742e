"""patchListingsItem: each unappliable patch is reported by index; deleting an absent attribute is OK."""

from __future__ import annotations

from tests.api.listings.conftest import issue


def test_each_patch_that_cannot_apply_is_an_issue(listings):
    listings.accepted("MUG-1")
    answer = listings.patch(
        "MUG-1",
        [
            {"op": "replace", "path": "/attributes/item_name/0/value", "value": [{"value": "x"}]},
            {"op": "merge", "path": "/attributes/color"},
            {"op": "add", "path": "/attributes/color", "value": [{"value": "red"}]},
        ],
    ).json()
    assert answer["status"] == "INVALID"
    assert answer["issues"] == [
        issue(
            "90000900",
            "The attribute '/attributes/item_name/0/value' is invalid: "
            "patches[0].path must name a top-level attribute (/attributes/<name>).",
            "/attributes/item_name/0/value",
            "INVALID_ATTRIBUTE",
            action="ATTRIBUTE_SUPPRESSED",
        ),
        issue(
            "90000900",
            "The attribute 'color' is invalid: patches[1] (merge) needs a non-empty value.",
            "color",
            "INVALID_ATTRIBUTE",
            action="ATTRIBUTE_SUPPRESSED",
        ),
    ]
    assert "color" not in listings.item("MUG-1", "attributes")["attributes"]


def test_deleting_an_attribute_the_listing_lacks_changes_nothing(listings):
    listings.accepted("MUG-1")
    before = listings.item("MUG-1", "attributes")["attributes"]
    for patch in (
        {"op": "delete", "path": "/attributes/color"},
        {"op": "delete", "path": "/attributes/color", "value": [{"language_tag": "de"}]},
    ):
        answer = listings.patch("MUG-1", [patch])
        assert answer.status_code == 200 and answer.json()["status"] == "ACCEPTED", answer.text
    assert listings.item("MUG-1", "attributes")["attributes"] == before
