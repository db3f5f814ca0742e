"""Per-SKU settings Inbound keeps for a seller: prep details (category and prep types) and compliance (tax).

Reads show what is kept, or Amazon's "not yet known" answer (`UNKNOWN` category, no prep types, no tax
details). Writes are asynchronous (`setPrepDetails`, `updateItemComplianceDetails`): checked when they are
made, kept when their operation finishes. In the US marketplace the seller owns prep and labels (Amazon
ended those services there on 1 January 2026), so any prep that is needed carries `SELLER_ONLY`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound.accepted import DONE, carried, finishes
from emulator.apis.inbound.refusals import bad_request
from emulator.apis.inbound.skus import Sku
from emulator.apis.inbound.transport_records import Money
from emulator.apis.inventory import marketplaces
from emulator.apis.jobs import Job, Outcome
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec

NO_PREP = "ITEM_NO_PREP"
_SELLER_ONLY_COUNTRIES = frozenset({"US"})


class TaxRate(Record, rename="camel"):
    tax_type: str | None = None
    gst_rate: float | None = None
    cess_rate: float | None = None


class TaxDetails(Record, rename="camel"):
    """What `taxDetails` says, as it was sent (kept for the Indian marketplace's delivery challans)."""

    declared_value: Money | None = None
    hsn_code: str | None = None
    tax_rates: tuple[TaxRate, ...] = ()


class PrepDetail(Record, rename="camel"):
    msku: str
    prep_category: str
    prep_types: tuple[str, ...]


class SkuSettings(Record):
    """What the seller set for one SKU in one marketplace."""

    marketplace_id: str
    msku: str
    prep: PrepDetail | None = None
    tax: TaxDetails | None = None


class PrepRequest(Record):
    marketplace_id: str
    details: tuple[PrepDetail, ...]


class ComplianceRequest(Record):
    marketplace_id: str
    msku: str
    tax: TaxDetails


SETTINGS = table(TableSpec("inbound_sku_settings", SkuSettings))


def _key(marketplace_id: str, msku: str) -> str:
    return f"{marketplace_id}/{msku}"


def find(tenant: TenantState, marketplace_id: str, msku: str) -> SkuSettings:
    """What is kept for the SKU (nothing set yet: an empty record)."""
    kept = tenant.table(SETTINGS).get(_key(marketplace_id, msku))
    return kept or SkuSettings(marketplace_id=marketplace_id, msku=msku)


def _keep(tenant: TenantState, settings: SkuSettings) -> None:
    tenant.table(SETTINGS).put(_key(settings.marketplace_id, settings.msku), settings)


def prep_request(marketplace_id: str, entries: list[dict[str, Any]]) -> PrepRequest:
    """A setPrepDetails request, or a 400: ITEM_NO_PREP stands alone and is the only type of category NONE."""
    details = tuple(msgspec.convert(entry, PrepDetail) for entry in entries)
    for detail in details:
        types = set(detail.prep_types)
        where = f"msku={detail.msku}"
        if not types:
            raise bad_request("prepTypes must name at least one prep type (ITEM_NO_PREP for none).", where)
        if NO_PREP in types and len(types) > 1:
            raise bad_request("ITEM_NO_PREP cannot be combined with other prep types.", where)
        if detail.prep_category == "NONE" and types != {NO_PREP}:
            raise bad_request("A prepCategory of NONE takes the prep type ITEM_NO_PREP only.", where)
    return PrepRequest(marketplace_id=marketplace_id, details=details)


def compliance_request(marketplace_id: str, msku: str, tax: dict[str, Any]) -> ComplianceRequest:
    """An updateItemComplianceDetails request, or a 400 for a negative declared value."""
    details = msgspec.convert(tax, TaxDetails)
    if details.declared_value is not None and details.declared_value.amount < 0:
        raise bad_request("taxDetails.declaredValue.amount must not be negative.", f"msku={msku}")
    return ComplianceRequest(marketplace_id=marketplace_id, msku=msku, tax=details)


def prep_view(tenant: TenantState, marketplace_id: str, sku: Sku) -> dict[str, Any]:
    """The `MskuPrepDetail` of one SKU."""
    prep = find(tenant, marketplace_id, sku.msku).prep
    category, types = (prep.prep_category, list(prep.prep_types)) if prep else ("UNKNOWN", [])
    view: dict[str, Any] = {"msku": sku.msku, "prepCategory": category, "prepTypes": types}
    if category == "NONE":
        view["prepOwnerConstraint"] = "NONE_ONLY"
    elif types and marketplaces.BY_ID[marketplace_id].country in _SELLER_ONLY_COUNTRIES:
        view["prepOwnerConstraint"] = view["labelOwnerConstraint"] = "SELLER_ONLY"
    return view


def compliance_view(tenant: TenantState, marketplace_id: str, sku: Sku) -> dict[str, Any]:
    """The `ComplianceDetail` of one SKU."""
    view: dict[str, Any] = {"msku": sku.msku, "asin": sku.asin}
    if sku.fnsku:
        view["fnsku"] = sku.fnsku
    tax = find(tenant, marketplace_id, sku.msku).tax
    if tax is not None:
        view["taxDetails"] = msgspec.to_builtins(tax)
    return view


@finishes("setPrepDetails")
def _set_prep(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, PrepRequest)
    for detail in request.details:
        current = find(tenant, request.marketplace_id, detail.msku)
        _keep(tenant, msgspec.structs.replace(current, prep=detail))
    return DONE


@finishes("updateItemComplianceDetails")
def _set_compliance(tenant: TenantState, job: Job, due: float) -> Outcome:
    request = carried(job, ComplianceRequest)
    current = find(tenant, request.marketplace_id, request.msku)
    _keep(tenant, msgspec.structs.replace(current, tax=request.tax))
    return DONE
