"""Listings records: one per (marketplace, SKU) in the seller's `listings` table, and their identity.

A record keeps what the seller submitted (`productType`, `requirements`, `attributes`), the ASIN and
FNSKU the emulator assigned, timestamps (POSIX seconds), the issues found by asynchronous processing,
`live` (processing finished at least once) and `epoch` (bumped by every write, so stale processing
events are no-ops). ASIN and FNSKU come from the FBA inventory record of the same SKU whenever one
exists, so both APIs always name the product alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.registry import table
from emulator.state import IdFactory, TenantState
from emulator.state.records import TableSpec

TABLE = table(TableSpec("listings", dict))  # type: ignore[type-var]
Record = dict[str, Any]


def key(marketplace_id: str, sku: str) -> str:
    return f"{marketplace_id}/{sku}"


def find(tenant: TenantState, marketplace_id: str, sku: str) -> Record | None:
    return tenant.table(TABLE).get(key(marketplace_id, sku))


def save(tenant: TenantState, record: Record) -> Record:
    return tenant.table(TABLE).put(key(record["marketplaceId"], record["sku"]), record)


def remove(tenant: TenantState, marketplace_id: str, sku: str) -> None:
    tenant.table(TABLE).delete(key(marketplace_id, sku))


def in_marketplaces(tenant: TenantState, marketplace_ids: list[str]) -> Iterator[Record]:
    """Every record of the named marketplaces."""
    wanted = set(marketplace_ids)
    return (r for r in tenant.table(TABLE).values() if r["marketplaceId"] in wanted)


def first_value(attributes: dict[str, Any], name: str, field: str = "value") -> Any:
    """`attributes[name][0][field]`, or None when any step is missing."""
    values = attributes.get(name)
    if isinstance(values, list) and values and isinstance(values[0], dict):
        return values[0].get(field)
    return None


def is_fba_channel(code: Any) -> bool:
    return isinstance(code, str) and code.startswith("AMAZON_")


def channels(attributes: dict[str, Any]) -> list[dict[str, Any]]:
    """The `fulfillment_availability` entries (validated to be objects with a channel code)."""
    return [e for e in attributes.get("fulfillment_availability") or [] if isinstance(e, dict)]


def identity(
    tenant: TenantState, ids: IdFactory, marketplace_id: str, sku: str, attributes: dict[str, Any]
) -> tuple[str, str | None]:
    """(ASIN, FNSKU) for a submission: FBA inventory first, then the seller's `merchant_suggested_asin`,
    then the existing listing, else generated. An FNSKU exists only for FBA listings."""
    stock = inventory.find(tenant, marketplace_id, sku)
    if stock is not None:
        return stock.asin, stock.fn_sku
    current = find(tenant, marketplace_id, sku) or {}
    asin = suggested_asin(attributes) or current.get("asin") or "B0" + ids.upper(8)
    fba = any(is_fba_channel(e.get("fulfillment_channel_code")) for e in channels(attributes))
    return asin, (current.get("fnSku") or "X00" + ids.upper(7)) if fba else None


def suggested_asin(attributes: dict[str, Any]) -> str | None:
    """The seller's `merchant_suggested_asin`, when it is a non-empty string."""
    value = first_value(attributes, "merchant_suggested_asin")
    return value if isinstance(value, str) and value else None


def has_product(tenant: TenantState, record: Record) -> bool:
    """Whether the listing names a product: its own facts, a suggested ASIN, or an FBA inventory record."""
    attributes = record["attributes"]
    return (
        "item_name" in attributes
        or suggested_asin(attributes) is not None
        or (inventory.find(tenant, record["marketplaceId"], record["sku"]) is not None)
    )


def current_identity(tenant: TenantState, record: Record) -> tuple[str, str | None]:
    """(ASIN, FNSKU) as of now: an FBA inventory record created later wins over generated values."""
    stock = inventory.find(tenant, record["marketplaceId"], record["sku"])
    if stock is not None:
        return stock.asin, stock.fn_sku
    return record["asin"], record.get("fnSku")


def fba_quantity(tenant: TenantState, record: Record) -> int:
    """Units FBA can sell now: the fulfillable (unreserved) quantity of the inventory record."""
    return inventory.available(inventory.find(tenant, record["marketplaceId"], record["sku"]))
