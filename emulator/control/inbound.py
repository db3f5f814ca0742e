"""Admin endpoint for how a fulfilment centre receives an inbound shipment (discrepancies on demand).

PUT /_emulator/inbound/shipments/{shipmentId}/receipt
    {"sellerId"?, "items": [{"msku", "received", "damaged"?}]}

`received` below the shipped quantity is a short receipt (the rest is withdrawn from the network), above
it an over receipt; `damaged` of the received units go to unfulfillable (carrier damaged). MSKUs not named
arrive in full; `items: []` restores the default. The control plane does not import the Inbound API: it
writes the `inbound_receipts` record through the store's table declarations, so a malformed one is refused.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, field, reply
from emulator.control.plane import ControlPlane
from emulator.errors import ControlError
from emulator.lwa.accounts import DEFAULTS

SHIPMENTS, RECEIPTS = "inbound_shipments", "inbound_receipts"
_RECEIVED = frozenset({"CLOSED", "CANCELLED", "DELETED"})


def set_receipt(
    plane: ControlPlane, seller_id: str, shipment_id: str, items: list[dict[str, Any]]
) -> dict[str, Any]:
    """Keep how shipment `shipment_id` of `seller_id` will be received; the document as stored."""
    store = plane.rt.store
    tenant = store.tenant(seller_id)
    shipment = tenant.table(store.schema.spec(SHIPMENTS)).get(shipment_id)
    if shipment is None:
        raise ControlError(
            404, "UnknownShipment", f"seller {seller_id} has no inbound shipment {shipment_id!r}"
        )
    if shipment.status in _RECEIVED:
        raise ControlError(409, "ShipmentEnded", f"shipment {shipment_id} is {shipment.status} already")
    shipped = {line.msku for line in shipment.items}
    lines: dict[str, dict[str, int]] = {}
    for entry in items:
        msku, received, damaged = entry["msku"], entry["received"], entry.get("damaged", 0)
        if msku not in shipped:
            raise ControlError(400, "UnknownMsku", f"shipment {shipment_id} carries no MSKU {msku!r}")
        if damaged > received:
            raise ControlError(
                400, "InvalidBody", f"{msku}: damaged ({damaged}) exceeds received ({received})"
            )
        lines[msku] = {"received": received, "damaged": damaged}
    spec = store.schema.spec(RECEIPTS)
    tenant.table(spec).put(shipment_id, spec.from_builtins({"shipment_id": shipment_id, "lines": lines}))
    plane.rt.commit(meta=True)
    return {
        "sellerId": seller_id,
        "shipmentId": shipment_id,
        "items": [{"msku": m, **q} for m, q in lines.items()],
    }


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def receipt(request: Request) -> Response:
        doc = await body_of(request)
        seller = field(doc, "sellerId", (str,)) or DEFAULTS.seller_id
        items = field(doc, "items", (list,), [])
        return reply(set_receipt(plane, seller, request.path_params["shipmentId"], items))

    return {"/inbound/shipments/{shipmentId}/receipt": {"PUT": receipt}}
