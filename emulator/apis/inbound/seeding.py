"""The seed document's shortcut past the transportation steps: a transition that readies (and ships) a
shipment, scheduled by name (`SHIP`) by `control/seed.py`, which imports no API. Everything before it
(plan, packing, placement) the seed does through the operations themselves; the clock does the rest."""

from __future__ import annotations

from typing import Any

from emulator.apis.inbound import shipments
from emulator.registry import transition
from emulator.state import Store

SHIP = "inbound.seed.ship"


@transition(SHIP)
def ship(store: Store, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """READY_TO_SHIP, and SHIPPED too when `payload["ship"]` is true."""
    tenant = store.tenant(seller_id)
    plan_id, shipment_id = str(payload["plan_id"]), str(payload["shipment_id"])
    shipments.ready_to_ship(tenant, due, plan_id, shipment_id)
    if payload.get("ship"):
        shipments.shipped(tenant, due, plan_id, shipment_id, store)
