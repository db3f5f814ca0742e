"""getPrepInstructions: v0's view of the prep details kept per SKU (`apis/inbound/item_settings`).

The 2024-03-20 prep types map one to one onto v0's `PrepInstruction` names. A SKU whose prep was never
set answers `ConsultHelpDocuments`; an FBA SKU needs its FNSKU label. Amazon's prep fees are not shown
(the field is optional; the emulator does not price prep).
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import item_settings, skus
from emulator.apis.inbound.skus import Sku
from emulator.state import TenantState

INSTRUCTIONS = {
    "ITEM_BLACK_SHRINKWRAP": "BlackShrinkWrapping",
    "ITEM_BLANKSTK": "BlankStickering",
    "ITEM_BOXING": "Boxing",
    "ITEM_BUBBLEWRAP": "BubbleWrapping",
    "ITEM_CAP_SEALING": "CapSealing",
    "ITEM_DEBUNDLE": "Debundle",
    "ITEM_HANG_GARMENT": "HangGarment",
    "ITEM_LABELING": "Labeling",
    "ITEM_NO_PREP": "NoPrep",
    "ITEM_POLYBAGGING": "Polybagging",
    "ITEM_RMOVHANG": "RemoveFromHanger",
    "ITEM_SETCREAT": "SetCreation",
    "ITEM_SETSTK": "SetStickering",
    "ITEM_SIOC": "ShipsInProductPackaging",
    "ITEM_SUFFOSTK": "SuffocationStickering",
    "ITEM_TAPING": "Taping",
}


def _guidance(tenant: TenantState, marketplace_id: str, sku: Sku) -> dict[str, Any]:
    prep = item_settings.find(tenant, marketplace_id, sku.msku).prep
    instructions = [INSTRUCTIONS[t] for t in prep.prep_types] if prep else []
    if prep is None:
        guidance = "ConsultHelpDocuments"
    elif instructions == ["NoPrep"]:
        guidance = "NoAdditionalPrepRequired"
    else:
        guidance = "SeePrepInstructionsList"
    return {
        "ASIN": sku.asin,
        "BarcodeInstruction": "RequiresFNSKULabel" if sku.fnsku else "CanUseOriginalBarcode",
        "PrepGuidance": guidance,
        "PrepInstructionList": instructions,
    }


def by_sku(tenant: TenantState, marketplace_id: str, wanted: list[str]) -> dict[str, Any]:
    """The instructions of each known SKU, and the unknown ones listed as `DoesNotExist`."""
    found, invalid = [], []
    for msku in wanted:
        sku = skus.find(tenant, marketplace_id, msku)
        if sku is None:
            invalid.append({"SellerSKU": msku, "ErrorReason": "DoesNotExist"})
        else:
            found.append({"SellerSKU": msku, **_guidance(tenant, marketplace_id, sku)})
    return {"SKUPrepInstructionsList": found, "InvalidSKUList": invalid}


def by_asin(tenant: TenantState, marketplace_id: str, wanted: list[str]) -> dict[str, Any]:
    """The instructions per ASIN the seller stocks; others listed as `InvalidASIN` or `DoesNotExist`."""
    found, invalid = [], []
    for asin in wanted:
        sku = next(skus.by_asin(tenant, marketplace_id, asin), None)
        if sku is not None:
            found.append(_guidance(tenant, marketplace_id, sku))
        else:
            reason = "DoesNotExist" if len(asin) == 10 and asin.isalnum() else "InvalidASIN"
            invalid.append({"ASIN": asin, "ErrorReason": reason})
    return {"ASINPrepInstructionsList": found, "InvalidASINList": invalid}
