"""MCF returns (reference §6.8): reason codes, return authorizations, and units coming back to stock.

Each return item is one unit. A valid request gets one return authorization per fulfilment centre;
`return_processing` seconds later (emulator time) the FC receives the units: items become
`Processed` with a `returnReceivedCondition` derived from the reason code, and the units move from
`shipped` back into the inventory bucket of that disposition. Every status change of a returned unit
records one `ReturnStatusChanged`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound import orderbook, shipments
from emulator.apis.outbound.events import ReturnStatusChanged
from emulator.apis.outbound.lifecycle import Env
from emulator.apis.outbound.records import Address, Order, ReturnAuthorization, ReturnItem, ReturnRequest
from emulator.registry import transition
from emulator.state import IdFactory, TenantState

PROCESS = "outbound.return"
# code -> (description, Spanish/French translation, disposition the FC grades the unit with)
REASONS: dict[str, tuple[str, dict[str, str], str]] = {
    "NOLONGERWANTED": (
        "No longer needed/wanted",
        {"es": "Ya no lo necesito", "fr": "Plus besoin"},
        "Sellable",
    ),
    "UNWANTEDITEM": (
        "Bought by mistake",
        {"es": "Comprado por error", "fr": "Acheté par erreur"},
        "Sellable",
    ),
    "ORDEREDWRONGITEM": (
        "Ordered the wrong item",
        {"es": "Pedí el artículo equivocado", "fr": "Mauvais article commandé"},
        "Sellable",
    ),
    "NOTCOMPATIBLE": (
        "Item is not compatible",
        {"es": "No es compatible", "fr": "Non compatible"},
        "Sellable",
    ),
    "MISSINGPARTS": (
        "Missing parts or accessories",
        {"es": "Faltan piezas", "fr": "Pièces manquantes"},
        "Defective",
    ),
    "DEFECTIVE": ("Item defective or doesn't work", {"es": "Defectuoso", "fr": "Défectueux"}, "Defective"),
    "QUALITYUNACCEPTABLE": (
        "Inadequate quality",
        {"es": "Calidad inaceptable", "fr": "Qualité insuffisante"},
        "CustomerDamaged",
    ),
    "DAMAGEDBYCARRIER": (
        "Product and shipping box both damaged",
        {"es": "Dañado por el transportista", "fr": "Endommagé par le transporteur"},
        "CarrierDamaged",
    ),
    "DAMAGEDBYFC": (
        "Product damaged, but shipping box OK",
        {"es": "Dañado en el almacén", "fr": "Endommagé à l'entrepôt"},
        "FulfillerDamaged",
    ),
}


def reason_texts(language: str | None) -> list[tuple[str, str, str | None]]:
    """(code, description, its translation into `language` or None) of every return reason."""
    lang = (language or "").split("_")[0].lower()
    return [(code, text, translations.get(lang)) for code, (text, translations, _) in REASONS.items()]


class ReturnsDue(msgspec.Struct, kw_only=True):
    """The payload of an `outbound.return` event: the units a fulfilment centre is about to receive."""

    order_id: str
    return_item_ids: list[str]


@dataclass(frozen=True)
class Rejected:
    """A unit that cannot be returned, and why (2020-07-01 InvalidItemReasonCode and a description)."""

    request: ReturnRequest
    code: str
    description: str


@dataclass(frozen=True)
class ReturnOutcome:
    """What a return request did: the units authorised, those refused, and the new authorization."""

    accepted: list[ReturnItem]
    rejected: list[Rejected]
    authorizations: list[ReturnAuthorization]


def _returnable(order: Order, request: ReturnRequest, wanted: list[ReturnRequest]) -> tuple[str, str] | None:
    """Why a requested unit cannot be returned (besides those `wanted` already), or None."""
    if request.reason_code not in REASONS:
        return "InvalidValues", f"Unknown return reason code {request.reason_code}."
    shipment = next((s for s in order.shipments if s.shipment_id == request.shipment_id), None)
    if shipment is None or not any(i.line_id == request.line_id for i in shipment.items):
        return "InvalidValues", "The item or shipment is not part of this order."
    if shipment.status != "SHIPPED":
        return "NoCompletedShipItems", "The shipment has not shipped yet."
    shipped = sum(i.quantity for i in shipment.items if i.line_id == request.line_id)
    pairs = [(r.shipment_id, r.line_id) for r in order.return_items] + [
        (r.shipment_id, r.line_id) for r in wanted
    ]
    taken = pairs.count((shipment.shipment_id, request.line_id))
    if taken >= shipped:
        return "NoReturnableQuantity", "Every shipped unit of this item already has a return."
    return None


def _changed(tenant: TenantState, order: Order, item: ReturnItem, previous: str | None, now: float) -> None:
    """Record that return item `item` of `order` is now in its status (it was `previous`)."""
    tenant.record(
        now,
        ReturnStatusChanged(
            order_id=order.order_id,
            return_item_id=item.return_item_id,
            authorization_id=item.authorization_id,
            sku=order.line(item.line_id).sku,
            previous=previous,
            status=item.status,
            order_status=order.status,
            received_condition=item.received_condition,
        ),
    )


def create(
    env: Env, order: Order, requests: list[ReturnRequest], ids: IdFactory, now: float
) -> ReturnOutcome:
    """Authorise what can be returned; report the rest as invalid items."""
    wanted: list[ReturnRequest] = []
    rejected: list[Rejected] = []
    seen = {r.return_item_id for r in order.return_items}
    for request in requests:
        if request.return_item_id in seen:
            rejected.append(Rejected(request, "DuplicateRequest", "This return item id was already used."))
            continue
        problem = _returnable(order, request, wanted)
        if problem:
            rejected.append(Rejected(request, *problem))
            continue
        seen.add(request.return_item_id)
        wanted.append(request)
    if not wanted:
        return ReturnOutcome([], rejected, [])
    fc, city, region = shipments.fulfillment_center(order.marketplace_id)
    authorization = ReturnAuthorization(
        authorization_id=ids.digits(10),
        fulfillment_center_id=fc,
        return_to=Address(
            name="Amazon Returns",
            address_line1=f"{fc} Returns Center",
            city=city,
            state_or_region=region,
            postal_code="00000",
            country_code=order.terms.destination.country_code,
        ),
        rma_id="D" + ids.upper(8),
        rma_page_url=f"https://www.amazon.com/returns/label/{ids.uuid()}",
    )
    accepted = [
        ReturnItem(
            return_item_id=request.return_item_id,
            line_id=request.line_id,
            shipment_id=request.shipment_id,
            reason_code=request.reason_code,
            comment=request.comment or None,
            status="New",
            status_changed_at=now,
            authorization_id=authorization.authorization_id,
            fulfillment_center_id=fc,
        )
        for request in wanted
    ]
    order.return_items.extend(accepted)
    order.return_authorizations.append(authorization)
    for item in accepted:
        _changed(env.tenant, order, item, None, now)
    env.store.scheduler.schedule(
        now + env.timings.return_processing,
        PROCESS,
        env.seller_id,
        msgspec.to_builtins(
            ReturnsDue(order_id=order.order_id, return_item_ids=[i.return_item_id for i in accepted])
        ),
    )
    orderbook.save(env.tenant, order)
    return ReturnOutcome(accepted, rejected, [authorization])


@transition(PROCESS)
def on_return_received(store: Any, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """The FC receives returned units and grades them; stock moves back by disposition."""
    arriving = msgspec.convert(payload, ReturnsDue)
    tenant = store.tenant(seller_id)
    order = orderbook.find(tenant, arriving.order_id)
    if order is None:
        return
    for item in order.return_items:
        if item.return_item_id in arriving.return_item_ids and item.status == "New":
            disposition = REASONS[item.reason_code][2]
            inventory.restock(tenant, due, order.marketplace_id, order.line(item.line_id).sku, 1, disposition)
            item.status, item.status_changed_at, item.received_condition = "Processed", due, disposition
            _changed(tenant, order, item, "New", due)
    orderbook.save(tenant, order)
