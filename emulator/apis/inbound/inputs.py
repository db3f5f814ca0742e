"""Request bodies (already checked against the model by the edge) read into Inbound's records.

`items` resolves each MSKU to its FNSKU and ASIN: an FBA inventory item of the marketplace, or a listing
with an Amazon fulfilment channel (an inventory item is registered for it then); anything else is refused.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound.records import Address, Box, Dimensions, ItemLine, Weight
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.records import InventoryItem
from emulator.apis.listings import records as listings
from emulator.state import Clock, IdFactory, TenantState

_ADDRESS_FIELDS = {
    "addressLine1": "address_line1",
    "addressLine2": "address_line2",
    "city": "city",
    "companyName": "company_name",
    "countryCode": "country_code",
    "districtOrCounty": "district_or_county",
    "email": "email",
    "name": "name",
    "phoneNumber": "phone_number",
    "postalCode": "postal_code",
    "stateOrProvinceCode": "state_or_province_code",
}


def address(body: dict[str, Any]) -> Address:
    return Address(**{ours: body[theirs] for theirs, ours in _ADDRESS_FIELDS.items() if theirs in body})


def item_line(body: dict[str, Any], fnsku: str, asin: str) -> ItemLine:
    return ItemLine(
        msku=body["msku"],
        quantity=body["quantity"],
        label_owner=body["labelOwner"],
        prep_owner=body["prepOwner"],
        fnsku=fnsku,
        asin=asin,
        expiration=body.get("expiration"),
        manufacturing_lot_code=body.get("manufacturingLotCode"),
    )


def items(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, given: list[dict[str, Any]]
) -> tuple[ItemLine, ...]:
    """The plan's items, one line per MSKU; a repeated or unknown MSKU is refused."""
    seen: set[str] = set()
    lines = []
    for entry in given:
        msku = entry["msku"]
        if msku in seen:
            raise bad_request(f"The MSKU {msku} is listed more than once.", f"msku={msku}")
        seen.add(msku)
        stock = inventory.find(tenant, marketplace_id, msku) or _register(
            tenant, clock, ids, marketplace_id, msku
        )
        lines.append(item_line(entry, stock.fn_sku, stock.asin))
    return tuple(lines)


def _register(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, msku: str
) -> InventoryItem:
    listing = listings.find(tenant, marketplace_id, msku)
    details = f"msku={msku}, marketplaceId={marketplace_id}"
    if listing is None:
        raise bad_request("The requested MSKU is not valid.", details)
    if not any(channel.fba for channel in listing.facts.channels):
        raise bad_request(
            f"The MSKU {msku} has no offer fulfilled by Amazon in marketplace {marketplace_id}.", details
        )
    return inventory.create(tenant, clock, ids, marketplace_id, msku, listing.facts.item_name or msku)


def box(body: dict[str, Any], package_id: str, contents: tuple[ItemLine, ...], group_id: str | None) -> Box:
    """One physical box of a `BoxInput` (whose `quantity` says how many identical boxes there are)."""
    size, weight = body["dimensions"], body["weight"]
    return Box(
        package_id=package_id,
        content_source=body["contentInformationSource"],
        dimensions=Dimensions(
            length=size["length"], width=size["width"], height=size["height"], unit=size["unitOfMeasurement"]
        ),
        weight=Weight(value=weight["value"], unit=weight["unit"]),
        items=contents,
        packing_group_id=group_id,
    )
