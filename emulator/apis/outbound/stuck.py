"""Orders production leaves in Planning: fulfillable at preview and creation, then never picked.

Amazon was seen keeping orders in `PLANNING` indefinitely while the preview had said they were fulfillable
(reserved or in-transfer stock; behaviour reference §13, pain point 9). The config record
`outbound.planning` makes that happen to chosen orders:

    {"stuck_orders": ["ORDER-1"], "stuck_skus": ["MUG-02"]}

An order named there, or with a line of a named SKU, stays in Planning once it gets there (an order already
in Planning sticks when its picking falls due): nothing is picked or shipped and its units stay reserved,
until the seller cancels it or a sandbox status update moves it on. Removing it from the record later does
not wake it (production gives no time either); the status update does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emulator.apis.outbound.records import Order
from emulator.state.config import CONFIG

CONFIG_KEY = "outbound.planning"


@dataclass(frozen=True)
class Stuck:
    """The order ids and SKUs whose orders stay in Planning."""

    orders: frozenset[str] = frozenset()
    skus: frozenset[str] = frozenset()

    def holds(self, order: Order) -> bool:
        """Whether `order` is in Planning and must stay there."""
        return order.status == "Planning" and (
            order.order_id in self.orders or any(line.sku in self.skus for line in order.lines)
        )


NOTHING = Stuck()


def load(store: Any) -> Stuck:
    """The stuck orders and SKUs the config record names (the control API checked its shape)."""
    setting = store.shared.table(CONFIG).get(CONFIG_KEY)
    if setting is None:
        return NOTHING
    named = setting.value
    return Stuck(
        frozenset(str(v) for v in named.get("stuck_orders") or ()),
        frozenset(str(v) for v in named.get("stuck_skus") or ()),
    )
