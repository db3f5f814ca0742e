"""What the exported state (GET /_emulator/state) keeps of a listing's facts: an FBA channel without the
seller's quantity (FBA's stock counts for it), an identifier without a type with an empty one."""

from __future__ import annotations

from typing import Any

from tests.api.listings.conftest import listing


def stored_facts(document: Any, sku: str) -> Any:
    """The `facts` of the listing record of `sku` anywhere in the state document."""
    if isinstance(document, dict):
        if document.get("sku") == sku and "facts" in document:
            return document["facts"]
        found = (stored_facts(v, sku) for v in document.values())
    elif isinstance(document, list):
        found = (stored_facts(v, sku) for v in document)
    else:
        return None
    return next((f for f in found if f is not None), None)


def test_an_fba_channel_is_stored_without_the_seller_quantity(listings):
    listings.accepted("FBA-1", listing(channel="AMAZON_NA", quantity=50))
    listings.accepted("MFN-1", listing(channel="DEFAULT", quantity=7))
    state = listings.mcf.client.get("/_emulator/state").json()
    assert stored_facts(state, "FBA-1")["channels"] == [{"code": "AMAZON_NA"}]  # quantity 0, the default
    assert stored_facts(state, "MFN-1")["channels"] == [{"code": "DEFAULT", "quantity": 7}]


def test_an_identifier_without_a_type_is_stored_with_an_empty_type(listings):
    untyped = [{"value": "012345"}]
    listings.accepted("MUG-1", listing(externally_assigned_product_identifier=untyped))
    state = listings.mcf.client.get("/_emulator/state").json()
    assert stored_facts(state, "MUG-1")["external_ids"] == [{"type": "", "value": "012345"}]
    assert listings.search(identifiersType="UPC", identifiers="012345").json()["items"] == []
