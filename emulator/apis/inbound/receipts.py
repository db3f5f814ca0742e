"""How a fulfilment centre receives a shipment: in full by default, or as the control API says.

A `Receipt` names, per MSKU, the units found (fewer: short; more: over) and how many of them are
damaged. At CLOSED the units in `inbound_receiving` become fulfillable, damaged ones `carrier_damaged`;
units never found are withdrawn from the network, units found beyond the plan are added first.
"""

from __future__ import annotations

import msgspec

from emulator.apis.inbound.records import RECEIPTS, Shipment
from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.events import StockMove
from emulator.apis.inventory.records import Bucket
from emulator.state import TenantState

DAMAGED = Bucket.CARRIER_DAMAGED


def receive(tenant: TenantState, now: float, shipment: Shipment) -> Shipment:
    """Receive every item of `shipment` from `inbound_receiving`; the shipment with its received counts."""
    planned = tenant.table(RECEIPTS).get(shipment.shipment_id)
    counted: dict[str, int] = {}
    for line in shipment.items:
        found = planned.lines.get(line.msku) if planned else None
        received = line.quantity if found is None else found.received
        damaged = 0 if found is None else min(found.damaged, received)
        item = inventory.find(tenant, shipment.marketplace_id, line.msku)
        if item is not None and received > line.quantity:
            inventory.add(
                tenant,
                now,
                shipment.marketplace_id,
                line.msku,
                received - line.quantity,
                Bucket.INBOUND_RECEIVING,
            )
        source = Bucket.INBOUND_RECEIVING
        inventory.move(tenant, now, item, source, Bucket.FULFILLABLE, received - damaged, StockMove.RECEIVED)
        inventory.move(tenant, now, item, source, DAMAGED, damaged, StockMove.RECEIVED)
        inventory.withdraw(tenant, now, item, source, line.quantity - received, StockMove.WITHDRAWN)
        counted[line.msku] = counted.get(line.msku, 0) + received
    return msgspec.structs.replace(shipment, received=counted)
