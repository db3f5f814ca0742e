"""Request bodies (already checked against the model by the edge) read into Inbound's records.

`items` resolves each MSKU to its FNSKU and ASIN: an FBA inventory item of the marketplace, or a listing
with an Amazon fulfilment channel (an inventory item is registered for it then); anything else is a
problem that fails createInboundPlan's operation.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound.records import Address, Box, Dimensions, ItemLine, Weight
from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.records import InventoryItem
from emulator.apis.jobs import Problem, Severity
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


def problem(code: str, message: str, details: str) -> Problem:
    """An ERROR that fails createInboundPlan's operation."""
    return Problem(code=code, message=message, severity=Severity.ERROR, details=details)


def items(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, given: list[dict[str, Any]]
) -> tuple[tuple[ItemLine, ...], tuple[Problem, ...]]:
    """The plan's items, one line per valid MSKU, and an ERROR problem for each MSKU that is not."""
    seen: set[str] = set()
    lines, problems = [], []
    for entry in given:
        msku = entry["msku"]
        details = f"msku={msku}, marketplaceId={marketplace_id}"
        stock = inventory.find(tenant, marketplace_id, msku)
        trouble = _trouble(tenant, marketplace_id, msku) if stock is None else None
        if msku in seen:
            trouble = ("DuplicateMSKU", f"The MSKU {msku} is listed more than once.")
        if trouble is not None:
            problems.append(
                Problem(code=trouble[0], message=trouble[1], severity=Severity.ERROR, details=details)
            )
            continue
        seen.add(msku)
        stock = stock or _register(tenant, clock, ids, marketplace_id, msku)
        lines.append(item_line(entry, stock.fn_sku, stock.asin))
    return tuple(lines), tuple(problems)


def _trouble(tenant: TenantState, marketplace_id: str, msku: str) -> tuple[str, str] | None:
    """Why an MSKU without FBA inventory cannot be sent: (code, message), or None for an FBA listing."""
    listing = listings.find(tenant, marketplace_id, msku)
    if listing is None:
        return "InvalidMSKU", "The requested MSKU is not valid."
    if not any(channel.fba for channel in listing.facts.channels):
        return (
            "NotFulfilledByAmazon",
            f"The MSKU {msku} has no offer fulfilled by Amazon in {marketplace_id}.",
        )
    return None


def _register(
    tenant: TenantState, clock: Clock, ids: IdFactory, marketplace_id: str, msku: str
) -> InventoryItem:
    """The FBA inventory item of an FBA listing that had none, named after the listing."""
    listing = listings.find(tenant, marketplace_id, msku)
    name = listing.facts.item_name if listing is not None else None
    return inventory.create(tenant, clock, ids, marketplace_id, msku, name or msku)


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
