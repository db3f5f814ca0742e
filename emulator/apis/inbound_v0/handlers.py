"""The six Fulfillment Inbound v0 operations. Every answer is wrapped in `payload`; 400s are spelled as
v0 spells them (`spelling`)."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound_v0 import prep
from emulator.apis.inbound_v0.spelling import spelled
from emulator.apis.inventory import marketplaces
from emulator.context import Call
from emulator.errors import InvalidInput
from emulator.registry import operation


@operation("getPrepInstructions")
@spelled
def get_prep_instructions(call: Call) -> dict[str, Any]:
    """Prep and barcode guidance per SKU or per ASIN, from the prep details the seller set."""
    country = call.params["ShipToCountryCode"]
    found = marketplaces.BY_COUNTRY.get(country)
    if found is None:
        raise InvalidInput(
            f"ShipToCountryCode {country!r} is not a country Amazon ships to.", f"ShipToCountryCode={country}"
        )
    sku_list, asin_list = call.params.get("SellerSKUList"), call.params.get("ASINList")
    if bool(sku_list) == bool(asin_list):
        raise InvalidInput(
            "Submit either SellerSKUList or ASINList, not both and not neither.", "SellerSKUList, ASINList"
        )
    if sku_list:
        return {"payload": prep.by_sku(call.tenant, found.marketplace_id, sku_list)}
    return {"payload": prep.by_asin(call.tenant, found.marketplace_id, asin_list)}
