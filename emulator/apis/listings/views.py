"""A listings item as SP-API shows it (`Item`), built from the records of the requested marketplaces.

Status: nothing until asynchronous processing has finished once (`live`); then DISCOVERABLE while
no ERROR issue stands, and BUYABLE too when the marketplace has an offer with a price and a
channel with units: DEFAULT counts what the seller wrote, AMAZON_* counts FBA's fulfillable stock.
With several marketplaces, `attributes` are those of the first requested marketplace holding the SKU.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory.summaries import iso_at
from emulator.apis.listings import records, validation
from emulator.apis.listings.records import Record
from emulator.state import TenantState

IMAGE_SIDE = 1000  # images are not fetched; their size is reported as 1000 x 1000 pixels


def availability(tenant: TenantState, record: Record) -> list[dict[str, Any]]:
    """`fulfillmentAvailability`: FBA channels report FBA's fulfillable quantity."""
    found = []
    for entry in records.channels(record["attributes"]):
        code = entry["fulfillment_channel_code"]
        quantity = records.fba_quantity(tenant, record) if records.is_fba_channel(code) else entry["quantity"]
        found.append({"fulfillmentChannelCode": code, "quantity": quantity})
    return found


def offers(record: Record) -> list[dict[str, Any]]:
    """`offers` from the `purchasable_offer` entries of the record's marketplace."""
    found = []
    for offer in record["attributes"].get("purchasable_offer") or []:
        price = validation.offer_price(offer)
        if offer.get("marketplace_id") != record["marketplaceId"] or price is None:
            continue
        audience = offer["audience"] if isinstance(offer.get("audience"), str) else "ALL"
        found.append(
            {
                "marketplaceId": record["marketplaceId"],
                "offerType": "B2B" if audience == "B2B" else "B2C",
                "price": {"currencyCode": offer["currency"], "amount": f"{price:.2f}"},
                "audience": {"value": audience},
            }
        )
    return found


def status(tenant: TenantState, record: Record) -> list[str]:
    """`BUYABLE`/`DISCOVERABLE` as the module docstring says."""
    if not record.get("live") or any(i["severity"] == "ERROR" for i in record["issues"]):
        return []
    units = sum(a.get("quantity", 0) for a in availability(tenant, record))
    return ["BUYABLE", "DISCOVERABLE"] if offers(record) and units > 0 else ["DISCOVERABLE"]


def summary(tenant: TenantState, record: Record) -> dict[str, Any]:
    attributes = record["attributes"]
    asin, fnsku = records.current_identity(tenant, record)
    found: dict[str, Any] = {
        "marketplaceId": record["marketplaceId"],
        "asin": asin,
        "productType": record["productType"],
        "status": status(tenant, record),
        "createdDate": iso_at(record["createdAt"]),
        "lastUpdatedDate": iso_at(record["updatedAt"]),
    }
    condition = records.first_value(attributes, "condition_type")
    name = records.first_value(attributes, "item_name")
    image = records.first_value(attributes, "main_product_image_locator", "media_location")
    if isinstance(condition, str) and condition in validation.CONDITIONS:
        found["conditionType"] = condition
    if fnsku:
        found["fnSku"] = fnsku
    if isinstance(name, str):
        found["itemName"] = name
    if isinstance(image, str):
        found["mainImage"] = {"link": image, "height": IMAGE_SIDE, "width": IMAGE_SIDE}
    return found


def relationships(record: Record) -> list[dict[str, Any]]:
    """A VARIATION relationship when `child_parent_sku_relationship` names a parent SKU."""
    parent = records.first_value(record["attributes"], "child_parent_sku_relationship", "parent_sku")
    return [{"type": "VARIATION", "parentSkus": [parent]}] if isinstance(parent, str) else []


def item(tenant: TenantState, held: list[Record], included: list[str]) -> dict[str, Any]:
    """The `Item` of one SKU from its records (at least one), with the `includedData` parts asked for."""
    parts: dict[str, Any] = {"sku": held[0]["sku"]}
    if "summaries" in included:
        parts["summaries"] = [summary(tenant, r) for r in held]
    if "attributes" in included:
        parts["attributes"] = held[0]["attributes"]
    if "issues" in included:
        parts["issues"] = [i for r in held for i in r["issues"]]
    if "offers" in included:
        parts["offers"] = [o for r in held for o in offers(r)]
    if "fulfillmentAvailability" in included:
        parts["fulfillmentAvailability"] = [a for r in held for a in availability(tenant, r)]
    if "procurement" in included:
        parts["procurement"] = []  # vendor cost prices; sellers have none
    if "relationships" in included:
        parts["relationships"] = [
            {"marketplaceId": r["marketplaceId"], "relationships": relationships(r)} for r in held
        ]
    if "productTypes" in included:
        parts["productTypes"] = [
            {"marketplaceId": r["marketplaceId"], "productType": r["productType"]} for r in held
        ]
    return parts
