"""MCF returns (reference §6.8): reason codes, return authorizations, and units coming back to stock.

Each return item is one unit. A valid request gets one return authorization per fulfilment centre;
`return_processing` seconds later (emulator time) the FC receives the units: items become
`Processed` with a `returnReceivedCondition` derived from the reason code, and the units move from
`shipped` back into the inventory bucket of that disposition.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound import records, shipments
from emulator.apis.outbound.lifecycle import Env
from emulator.registry import transition

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


def reason_codes(language: str | None) -> list[dict[str, str]]:
    """listReturnReasonCodes' reasonCodeDetails, translated when the language is known."""
    lang = (language or "").split("_")[0].lower()
    found = []
    for code, (text, translations, _) in REASONS.items():
        entry = {"returnReasonCode": code, "description": text}
        if lang in translations:
            entry["translatedDescription"] = translations[lang]
        found.append(entry)
    return found


def _invalid(request: dict[str, Any], code: str, text: str) -> dict[str, Any]:
    return {
        "sellerReturnItemId": request["sellerReturnItemId"],
        "sellerFulfillmentOrderItemId": request["sellerFulfillmentOrderItemId"],
        "invalidItemReason": {"invalidItemReasonCode": code, "description": text},
    }


def _returnable(order: records.Order, request: dict[str, Any]) -> tuple[str, str] | None:
    """Why a requested unit cannot be returned, or None."""
    if request["returnReasonCode"] not in REASONS:
        return "InvalidValues", f"Unknown return reason code {request['returnReasonCode']}."
    shipment = next(
        (s for s in order["shipments"] if s["amazonShipmentId"] == request["amazonShipmentId"]), None
    )
    line_id = request["sellerFulfillmentOrderItemId"]
    if shipment is None or not any(i["sellerFulfillmentOrderItemId"] == line_id for i in shipment["items"]):
        return "InvalidValues", "The item or shipment is not part of this order."
    if shipment["status"] != "SHIPPED":
        return "NoCompletedShipItems", "The shipment has not shipped yet."
    shipped = sum(i["quantity"] for i in shipment["items"] if i["sellerFulfillmentOrderItemId"] == line_id)
    taken = sum(
        1
        for r in order["returnItems"]
        if r["amazonShipmentId"] == shipment["amazonShipmentId"]
        and r["sellerFulfillmentOrderItemId"] == line_id
    )
    if taken >= shipped:
        return "NoReturnableQuantity", "Every shipped unit of this item already has a return."
    return None


def create(
    env: Env, order: records.Order, requests: list[dict[str, Any]], ids: Any, now: float
) -> dict[str, Any]:
    """Authorise what can be returned; report the rest as invalid items."""
    accepted, invalid = [], []
    seen = {r["sellerReturnItemId"] for r in order["returnItems"]}
    for request in requests:
        if request["sellerReturnItemId"] in seen:
            invalid.append(_invalid(request, "DuplicateRequest", "This return item id was already used."))
            continue
        problem = _returnable(order, request)
        if problem:
            invalid.append(_invalid(request, *problem))
            continue
        seen.add(request["sellerReturnItemId"])
        item = {
            "sellerReturnItemId": request["sellerReturnItemId"],
            "sellerFulfillmentOrderItemId": request["sellerFulfillmentOrderItemId"],
            "amazonShipmentId": request["amazonShipmentId"],
            "sellerReturnReasonCode": request["returnReasonCode"],
            "amazonReturnReasonCode": request["returnReasonCode"],
            "status": "New",
            "statusChangedAt": now,
        }
        if request.get("returnComment"):
            item["returnComment"] = request["returnComment"]
        order["returnItems"].append(item)
        accepted.append(item)
    authorizations = []
    if accepted:
        fc, city, region = shipments.fulfillment_center(order["marketplaceId"])
        authorization = {
            "returnAuthorizationId": ids.digits(10),
            "fulfillmentCenterId": fc,
            "returnToAddress": {
                "name": "Amazon Returns",
                "addressLine1": f"{fc} Returns Center",
                "city": city,
                "stateOrRegion": region,
                "postalCode": "00000",
                "countryCode": order["destinationAddress"]["countryCode"],
            },
            "amazonRmaId": "D" + ids.upper(8),
            "rmaPageURL": f"https://www.amazon.com/returns/label/{ids.uuid()}",
        }
        for item in accepted:
            item.update(returnAuthorizationId=authorization["returnAuthorizationId"], fulfillmentCenterId=fc)
        order["returnAuthorizations"].append(authorization)
        authorizations.append(authorization)
        env.store.scheduler.schedule(
            now + env.timings.return_processing,
            PROCESS,
            env.seller_id,
            {
                "order": order["sellerFulfillmentOrderId"],
                "items": [i["sellerReturnItemId"] for i in accepted],
            },
        )
    records.save(env.tenant, order)
    return {"returnItems": accepted, "invalidReturnItems": invalid, "returnAuthorizations": authorizations}


@transition(PROCESS)
def on_return_received(store: Any, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """The FC receives returned units and grades them; stock moves back by disposition."""
    tenant = store.tenant(seller_id)
    order = records.find(tenant, payload["order"])
    if order is None:
        return
    by_line = {i["sellerFulfillmentOrderItemId"]: i for i in order["items"]}
    for item in order["returnItems"]:
        if item["sellerReturnItemId"] in payload["items"] and item["status"] == "New":
            disposition = REASONS[item["sellerReturnReasonCode"]][2]
            sku = by_line[item["sellerFulfillmentOrderItemId"]]["sellerSku"]
            inventory.restock(tenant, due, order["marketplaceId"], sku, 1, disposition)
            item.update(status="Processed", statusChangedAt=due, returnReceivedCondition=disposition)
    records.save(tenant, order)
