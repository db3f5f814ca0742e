"""Which shipments a v0 query selects, and its `NextToken`.

A query selects by status and id list (`SHIPMENT`; with neither, every shipment, as Amazon's sandbox
answers such a query) or by last update within a date range (`DATE_RANGE`,
both bounds required), always in one marketplace; answers come in pages of `PAGE` shipments (or items of
that many shipments), and the `NextToken` carries the query itself, so a `NEXT_TOKEN` call needs nothing else.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.inbound import shipments as facade
from emulator.apis.inbound.shipments import Shipment, ShipmentStatus
from emulator.apis.inbound_v0.wire import listed, status
from emulator.context import Call, page_token, page_token_data, parse_instant
from emulator.errors import InvalidInput, NotFound
from emulator.state.records import Record

PAGE = 50


class Query(Record):
    marketplace_id: str
    statuses: tuple[str, ...] = ()
    shipment_ids: tuple[str, ...] = ()
    after: float | None = None
    before: float | None = None
    offset: int = 0


def _bounds(call: Call) -> tuple[float, float]:
    after, before = call.params.get("LastUpdatedAfter"), call.params.get("LastUpdatedBefore")
    if not after or not before:
        raise InvalidInput(
            "A DATE_RANGE query needs both LastUpdatedAfter and LastUpdatedBefore.",
            "LastUpdatedAfter, LastUpdatedBefore",
        )
    start, end = parse_instant(after, "LastUpdatedAfter"), parse_instant(before, "LastUpdatedBefore")
    if end < start:
        raise InvalidInput(
            "LastUpdatedBefore must not be before LastUpdatedAfter.", f"LastUpdatedBefore={before}"
        )
    return start, end


def read(call: Call, by_shipment: bool) -> Query:
    """The query a call asks for: its NextToken's, or one built from its parameters."""
    query_type = call.params["QueryType"]
    marketplace_id = str(call.params["MarketplaceId"])
    if query_type == "NEXT_TOKEN":
        return _decode(call.params.get("NextToken"), marketplace_id)
    statuses = tuple(call.params.get("ShipmentStatusList") or ())
    if query_type == "SHIPMENT" and by_shipment:
        ids = tuple(call.params.get("ShipmentIdList") or ())
        return Query(marketplace_id=marketplace_id, statuses=statuses, shipment_ids=ids)
    after, before = _bounds(call)
    return Query(marketplace_id=marketplace_id, statuses=statuses, after=after, before=before)


def _selects(query: Query, shipment: Shipment) -> bool:
    if shipment.marketplace_id != query.marketplace_id or not listed(shipment):
        return False
    if query.statuses and not {str(shipment.status), status(shipment)} & set(query.statuses):
        return False
    if query.shipment_ids and not {shipment.shipment_confirmation_id, shipment.shipment_id} & set(
        query.shipment_ids
    ):
        return False
    if query.after is not None and shipment.updated_at < query.after:
        return False
    return query.before is None or shipment.updated_at <= query.before


def page(call: Call, query: Query) -> tuple[list[Shipment], dict[str, Any]]:
    """One page of the selected shipments, and `{"NextToken": ...}` when more follow."""
    found = [s for s in facade.all_shipments(call.tenant) if _selects(query, s)]
    chosen = found[query.offset : query.offset + PAGE]
    more = query.offset + PAGE < len(found)
    return chosen, (
        {"NextToken": _encode(msgspec.structs.replace(query, offset=query.offset + PAGE))} if more else {}
    )


def _encode(query: Query) -> str:
    return page_token(msgspec.json.encode(query))


def _decode(token: str | None, marketplace_id: str) -> Query:
    try:
        query = msgspec.json.decode(page_token_data(token or ""), type=Query)
    except (ValueError, msgspec.DecodeError):
        raise InvalidInput("The NextToken is invalid.", f"NextToken={token}") from None
    if query.marketplace_id != marketplace_id:
        raise InvalidInput(
            "The NextToken belongs to a query of another marketplace.", f"MarketplaceId={marketplace_id}"
        )
    return query


def by_id(call: Call, shipment_id: str) -> Shipment:
    """The v0 shipment named by its shipmentConfirmationId (or its 2024-03-20 shipmentId)."""
    found = next(
        (
            s
            for s in facade.all_shipments(call.tenant)
            if shipment_id in (s.shipment_confirmation_id, s.shipment_id)
        ),
        None,
    )
    if found is None or found.status is ShipmentStatus.UNCONFIRMED:
        raise NotFound("The shipment does not exist.", f"shipmentId={shipment_id}")
    return found
