"""searchListingsItems: filters, sorting and page tokens (reference §9.3).

Items are the seller's SKUs with a record in any requested marketplace; an item's created date is
its earliest record's, its last-updated date its latest. Identifier types: SKU; ASIN and FNSKU as
reported in summaries; EAN, GTIN, ISBN, JAN, MINSAN and UPC match the seller's
`externally_assigned_product_identifier` values of that type. `variationParentSku` matches the
`child_parent_sku_relationship` parent; package hierarchies are not emulated (400).
A page token encodes the offset and a digest of the query (the seller's included), so a token only
pages the query that issued it, for the seller it was issued to, as it was issued (a character
added or changed outside the token's alphabet is not skipped over): else 400. Matches past the first
1000 are never reachable.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import orjson

from emulator.apis.listings import identity, records, wire
from emulator.apis.listings.records import Listing
from emulator.context import page_token, page_token_data, parse_instant
from emulator.errors import InvalidInput
from emulator.state import TenantState

REACHABLE = 1000
Group = list[Listing]  # one SKU's listings, in the order of the requested marketplaces
Filter = Callable[[TenantState, Group], bool]
_DATES: dict[str, Callable[[Group], float]] = {
    "createdDate": lambda g: min(r.created_at for r in g),
    "lastUpdatedDate": lambda g: max(r.updated_at for r in g),
}
_SORT: dict[str, Callable[[Group], str | float]] = {"sku": lambda g: g[0].sku, **_DATES}


def run(tenant: TenantState, params: dict[str, Any]) -> dict[str, Any]:
    """The `ItemSearchResults` page the parameters ask for."""
    if params.get("packageHierarchySku"):
        raise InvalidInput("packageHierarchySku is not supported by the emulator.", "packageHierarchySku")
    filters = _filters(params)
    matches = [g for g in _groups(tenant, params["marketplaceIds"]) if all(f(tenant, g) for f in filters)]
    key = _SORT[params.get("sortBy") or "lastUpdatedDate"]
    matches.sort(key=lambda g: (key(g), g[0].sku), reverse=(params.get("sortOrder") or "DESC") == "DESC")
    size = 10 if params.get("pageSize") is None else params["pageSize"]
    if not 1 <= size <= 20:
        raise InvalidInput("pageSize must be between 1 and 20.", f"pageSize={size}")
    digest = _digest(params)
    offset = _offset(params.get("pageToken"), digest)
    reachable = min(len(matches), REACHABLE)
    included = params.get("includedData") or ["summaries"]
    page: dict[str, Any] = {
        "numberOfResults": len(matches),
        "items": [wire.item(tenant, g, included) for g in matches[offset : min(offset + size, reachable)]],
    }
    pagination = {}
    if offset + size < reachable:
        pagination["nextToken"] = _token(offset + size, digest)
    if offset > 0:
        pagination["previousToken"] = _token(max(0, offset - size), digest)
    if pagination:
        page["pagination"] = pagination
    return page


def _groups(tenant: TenantState, marketplace_ids: list[str]) -> list[Group]:
    by_sku: dict[str, Group] = defaultdict(list)
    for listing in records.in_marketplaces(tenant, marketplace_ids):
        by_sku[listing.sku].append(listing)
    return [sorted(g, key=lambda r: marketplace_ids.index(r.marketplace_id)) for g in by_sku.values()]


def _date(params: dict[str, Any], name: str) -> float | None:
    text = params.get(name)
    return parse_instant(text, name) if text else None


def _filters(params: dict[str, Any]) -> list[Filter]:
    found: list[Filter] = []
    wanted, kind = params.get("identifiers"), params.get("identifiersType")
    if bool(wanted) != bool(kind):
        raise InvalidInput("identifiers and identifiersType go together.", "identifiers, identifiersType")
    parent = params.get("variationParentSku")
    if wanted and parent:
        raise InvalidInput("identifiers and variationParentSku are mutually exclusive.", "variationParentSku")
    if wanted:
        found.append(lambda t, g: bool(_identifiers(t, g, str(kind)) & set(wanted)))
    if parent:
        found.append(lambda t, g: any(r.facts.parent_sku == parent for r in g))
    for name, pick, later in (
        ("createdAfter", "createdDate", True),
        ("createdBefore", "createdDate", False),
        ("lastUpdatedAfter", "lastUpdatedDate", True),
        ("lastUpdatedBefore", "lastUpdatedDate", False),
    ):
        at = _date(params, name)
        if at is not None:
            found.append(_dated(_DATES[pick], at, later))
    severities = set(params.get("withIssueSeverity") or [])
    if severities:
        found.append(lambda t, g: any(i.severity in severities for r in g for i in r.issues))
    with_status, without = set(params.get("withStatus") or []), set(params.get("withoutStatus") or [])
    if with_status or without:

        def by_status(t: TenantState, g: Group) -> bool:
            held = {s for r in g for s in r.status}
            return with_status <= held and not (without & held)

        found.append(by_status)
    return found


def _dated(pick: Callable[[Group], float], at: float, later: bool) -> Filter:
    """Whether the date `pick` chooses is at or after `at` (`later`), or at or before it: both bounds
    include their own instant, as the model describes them."""
    return lambda t, g: pick(g) >= at if later else pick(g) <= at


def _identifiers(tenant: TenantState, group: Group, kind: str) -> set[str]:
    if kind == "SKU":
        return {group[0].sku}
    if kind in ("ASIN", "FNSKU"):
        return {v for r in group if (v := identity.current(tenant, r)[kind == "FNSKU"])}
    return {e.value for r in group for e in r.facts.external_ids if e.type == kind}


def _digest(params: dict[str, Any]) -> str:
    query = {k: v for k, v in params.items() if k != "pageToken"}  # the seller too: tokens are not shared
    return hashlib.sha256(orjson.dumps(query, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def _token(offset: int, digest: str) -> str:
    return page_token(f"{offset}:{digest}".encode())


def _offset(token: str | None, digest: str) -> int:
    if not token:
        return 0
    try:
        offset, issued_for = page_token_data(token).decode().split(":")
        if issued_for == digest and 0 <= int(offset) < REACHABLE:
            return int(offset)
    except ValueError:
        pass
    raise InvalidInput("The pageToken is invalid or belongs to a different query.", f"pageToken={token}")
