"""The order lifecycle, driven by the emulator clock and by the sandbox status-update operations.

    New ─validate─► Received ─plan─► Planning ─pick─► Processing ─ship─► Complete / CompletePartialled
     └─► Invalid     └─(Hold: waits; cancelled after 14 days)        └─(FillAll shortfall: 24 h)─► ...

Each automatic step is a scheduler event `outbound.step` carrying the order's `epoch`; any change
bumps the epoch, so stale events are no-ops. Delays come from `timings.Timings`.
A status update walks the same steps at once, so shipments, packages and inventory follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound import records, shipments
from emulator.apis.outbound.timings import Timings, load
from emulator.errors import InvalidInput
from emulator.registry import transition
from emulator.state import TenantState

STEP = "outbound.step"
RANK = {"New": 0, "Received": 1, "Planning": 2, "Processing": 3}


@dataclass
class Env:
    """What lifecycle code needs: the store (for the scheduler), the seller, the timings in force."""

    store: Any
    seller_id: str
    timings: Timings

    @property
    def tenant(self) -> TenantState:
        return self.store.tenant(self.seller_id)

    @classmethod
    def of(cls, store: Any, seller_id: str) -> Env:
        return cls(store, seller_id, load(store))

    @classmethod
    def of_call(cls, call: Any, id_param: str) -> tuple[Env, records.Order]:
        """The caller's Env and the order named by the path parameter `id_param` (404 if unknown)."""
        env = cls.of(call.store, call.seller_id)
        return env, records.get(env.tenant, call.params[id_param])


def remaining(item: dict[str, Any]) -> int:
    """Units of a line that are neither shipped, cancelled nor unfulfillable."""
    return item["quantity"] - item["shipped"] - item["cancelled"] - item["unfulfillable"]


def set_status(env: Env, order: records.Order, status: str, now: float) -> None:
    order["status"] = status
    order["since"] = now
    order["epoch"] += 1  # whatever was scheduled for the old status is now stale
    records.touch(env.tenant, order, now)


def _release_all(env: Env, order: records.Order, now: float, *, bucket: str) -> None:
    """Give back every reserved unit; what was still open counts as `bucket` (cancelled/unfulfillable)."""
    shipments.cancel_pending(
        order, "CANCELLED_BY_SELLER" if bucket == "cancelled" else "CANCELLED_BY_FULFILLER"
    )
    for item in order["items"]:
        item["reserved"] -= inventory.release(
            env.tenant, now, order["marketplaceId"], item["sellerSku"], item["reserved"]
        )
        item[bucket] += remaining(item)


def _settle_outcome(env: Env, order: records.Order, now: float) -> None:
    """Once nothing is open: Complete, CompletePartialled or Unfulfillable."""
    shipped = sum(i["shipped"] for i in order["items"])
    short = sum(i["cancelled"] + i["unfulfillable"] for i in order["items"])
    set_status(
        env, order, "Complete" if not short else "CompletePartialled" if shipped else "Unfulfillable", now
    )


def _validate(env: Env, order: records.Order, now: float) -> None:
    if order.get("invalidReason"):
        _release_all(env, order, now, bucket="unfulfillable")
        set_status(env, order, "Invalid", now)
    elif all(i["reserved"] == 0 for i in order["items"]) and order["fulfillmentPolicy"] == "FillAllAvailable":
        set_status(env, order, "Unfulfillable", now)
    else:
        set_status(env, order, "Received", now)


def _pick(env: Env, order: records.Order, now: float) -> None:
    if order["fulfillmentPolicy"] == "FillAll":  # stock that arrived since creation is taken now
        for item in order["items"]:
            item["reserved"] += inventory.reserve(
                env.tenant, now, order["marketplaceId"], item["sellerSku"], remaining(item) - item["reserved"]
            )
    shipments.pick(env.tenant, env.seller_id, order, now, env.timings)
    set_status(env, order, "Processing", now)


def _ship(env: Env, order: records.Order, now: float) -> None:
    shipments.ship_pending(env.tenant, order, now, env.timings)
    if any(remaining(i) for i in order["items"]):
        order["since"] = now  # FillAll: wait for the deadline
        records.save(env.tenant, order)
    else:
        _settle_outcome(env, order, now)


def _deadline(env: Env, order: records.Order, now: float) -> None:
    _release_all(env, order, now, bucket="unfulfillable")
    _settle_outcome(env, order, now)


def cancel(env: Env, order: records.Order, now: float) -> None:
    """Seller cancellation: only before picking starts; reserved units go back to fulfillable."""
    if order["status"] == "Cancelled":
        return
    if order["status"] not in ("New", "Received", "Planning"):
        raise InvalidInput(
            f"Fulfillment order {order['sellerFulfillmentOrderId']} is {order['status']} and can "
            "no longer be cancelled; cancellation is possible only before picking starts "
            "(New, Received or Planning).",
            f"fulfillmentOrderStatus={order['status']}",
        )
    _release_all(env, order, now, bucket="cancelled")
    set_status(env, order, "Cancelled", now)


STEPS = {
    "validate": _validate,
    "plan": lambda e, o, n: set_status(e, o, "Planning", n),
    "pick": _pick,
    "ship": _ship,
    "deadline": _deadline,
    "expire_hold": cancel,
}


def next_step(order: records.Order, timings: Timings) -> tuple[str, float] | None:
    """The next automatic step of an order and when it is due."""
    status, since = order["status"], order["since"]
    if status == "New":
        return "validate", since + timings.received_after
    if status == "Received":
        if order["fulfillmentAction"] == "Hold":
            return "expire_hold", order["heldSince"] + timings.hold_expiry
        return "plan", since + timings.planning_after
    if status == "Planning":
        return "pick", since + timings.processing_after
    if status == "Processing":
        if any(s["status"] == "PENDING" for s in order["shipments"]):
            return "ship", since + timings.ship_after
        return "deadline", since + timings.fill_all_deadline
    return None


def proceed(env: Env, order: records.Order, now: float) -> None:
    """Run every step already due, then schedule the next one (invalidating older events)."""
    while (step := next_step(order, env.timings)) is not None:
        name, due = step
        if due > now:
            order["epoch"] += 1
            records.save(env.tenant, order)
            env.store.scheduler.schedule(
                due,
                STEP,
                env.seller_id,
                {"order": order["sellerFulfillmentOrderId"], "epoch": order["epoch"], "step": name},
            )
            return
        STEPS[name](env, order, max(due, order["since"]))


@transition(STEP)
def on_step(store: Any, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """A scheduled step fires, unless the order changed since it was scheduled."""
    env = Env.of(store, seller_id)
    order = records.find(env.tenant, payload["order"])
    if order is None or order["epoch"] != payload["epoch"]:
        return
    STEPS[payload["step"]](env, order, due)
    proceed(env, order, due)


def force(env: Env, order: records.Order, target: str, now: float) -> None:
    """Sandbox status update: walk the real steps to `target` now (choices documented in the README)."""
    status, order_id = order["status"], order["sellerFulfillmentOrderId"]

    def refuse(why: str) -> InvalidInput:
        return InvalidInput(
            f"Cannot move fulfillment order {order_id} from {status} to {target}: {why}.",
            f"fulfillmentOrderStatus={target}",
        )

    if status in records.TERMINAL:
        raise refuse(f"{status} is final") if status != target else refuse("it is already there")
    if target == "New" or RANK.get(target, 99) <= RANK[status]:
        raise refuse("statuses only move forwards")
    if target == "CompletePartialled" and not _short(order) and sum(map(remaining, order["items"])) < 2:
        raise refuse("a partial completion needs at least two units")
    if target == "Cancelled":
        cancel(env, order, now)
    elif target in ("Invalid", "Unfulfillable"):
        if target == "Invalid" and status not in ("New", "Received"):
            raise refuse("only orders not yet planned can become Invalid")
        if any(i["shipped"] for i in order["items"]):
            raise refuse("units have already shipped")
        _release_all(env, order, now, bucket="unfulfillable")
        set_status(env, order, target, now)
    else:
        if order["fulfillmentAction"] == "Hold":
            raise refuse("the order is on hold; set fulfillmentAction to Ship first")
        _walk(env, order, target, now)
    proceed(env, order, now)


def _short(order: records.Order) -> bool:
    """Whether some units of the order will not ship (unfulfillable, cancelled, or not reserved)."""
    return any(i["unfulfillable"] or i["cancelled"] or remaining(i) > i["reserved"] for i in order["items"])


def _walk(env: Env, order: records.Order, target: str, now: float) -> None:
    goal = RANK.get(target, RANK["Processing"])
    while order["status"] in RANK and RANK[order["status"]] < goal:
        name, _ = next_step(order, env.timings) or ("", 0.0)
        STEPS[name](env, order, now)
    if order["status"] != "Processing" or target == "Processing":
        return
    if target == "CompletePartialled" and not _short(order):
        shipments.withhold_one(env.tenant, order, now)  # force() made sure there are two units to split
    if any(s["status"] == "PENDING" for s in order["shipments"]):
        _ship(env, order, now)
    if order["status"] == "Processing":
        _deadline(env, order, now)
