"""Fulfillment Inbound 2024-03-20's item operations: compliance, prep details and item labels.

They need no inbound plan: they name SKUs the seller has in a marketplace (FBA inventory or a listing);
an unknown or repeated SKU is a 400 naming it. Writes are asynchronous (`item_settings`).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import item_settings, labels, skus
from emulator.apis.inbound.accepted import accept
from emulator.apis.inbound.refusals import bad_request
from emulator.context import Call, Reply
from emulator.registry import operation


def _marketplace(call: Call, value: str) -> str:
    return skus.marketplace(value, call.caller.marketplaces)


@operation("listItemComplianceDetails")
def list_item_compliance_details(call: Call) -> dict[str, Any]:
    """Compliance (tax) details of the named SKUs, as last set."""
    marketplace_id = _marketplace(call, call.params["marketplaceId"])
    found = skus.require(call.tenant, marketplace_id, call.params["mskus"], "mskus")
    return {
        "complianceDetails": [item_settings.compliance_view(call.tenant, marketplace_id, s) for s in found]
    }


@operation("updateItemComplianceDetails")
def update_item_compliance_details(call: Call) -> Reply:
    """Asynchronously sets one SKU's tax details."""
    marketplace_id = _marketplace(call, call.params["marketplaceId"])
    msku = call.body["msku"]
    skus.require(call.tenant, marketplace_id, [msku])
    request = item_settings.compliance_request(marketplace_id, msku, call.body["taxDetails"])
    return accept(call, msku, request)


@operation("listPrepDetails")
def list_prep_details(call: Call) -> dict[str, Any]:
    """Prep category, prep types and owner constraints of the named SKUs."""
    marketplace_id = _marketplace(call, call.params["marketplaceId"])
    found = skus.require(call.tenant, marketplace_id, call.params["mskus"], "mskus")
    return {"mskuPrepDetails": [item_settings.prep_view(call.tenant, marketplace_id, s) for s in found]}


@operation("setPrepDetails")
def set_prep_details(call: Call) -> Reply:
    """Asynchronously sets the prep category and prep types of up to 100 SKUs."""
    marketplace_id = _marketplace(call, call.body["marketplaceId"])
    entries = call.body["mskuPrepDetails"]
    skus.require(call.tenant, marketplace_id, [entry["msku"] for entry in entries])
    request = item_settings.prep_request(marketplace_id, entries)
    return accept(call, marketplace_id, request)


@operation("createMarketplaceItemLabels")
def create_marketplace_item_labels(call: Call) -> dict[str, Any]:
    """A PDF of FNSKU item labels for FBA SKUs, served by the emulator for a few minutes."""
    body = call.body
    marketplace_id = _marketplace(call, body["marketplaceId"])
    label_type = body["labelType"]
    if label_type == "THERMAL_PRINTING" and ("width" not in body or "height" not in body):
        raise bad_request("THERMAL_PRINTING labels need width and height.", "labelType=THERMAL_PRINTING")
    if label_type == "STANDARD_FORMAT" and "pageType" not in body:
        raise bad_request("STANDARD_FORMAT labels need a pageType.", "labelType=STANDARD_FORMAT")
    wanted = body["mskuQuantities"]
    found = skus.require(
        call.tenant, marketplace_id, [line["msku"] for line in wanted], "mskuQuantities.msku"
    )
    for sku in found:
        if not sku.fnsku:
            raise bad_request(
                f"The msku {sku.msku!r} has no FNSKU: it is not offered with an Amazon fulfillment channel.",
                f"msku={sku.msku}",
            )
    page = body.get("pageType") or f"{body.get('width')}x{body.get('height')}mm"
    sheets = labels.item_sheets(
        [(s, line["quantity"]) for s, line in zip(found, wanted, strict=True)], label_type, page
    )
    url, expires_at = labels.publish(call, "Item labels", sheets, "item-labels.pdf")
    return {"documentDownloads": [labels.download(url, expires_at)]}
