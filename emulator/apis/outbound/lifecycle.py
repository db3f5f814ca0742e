"""The order lifecycle, driven by the emulator clock and by the sandbox status-update operations.

    New ─validate─► Received ─plan─► Planning ─pick─► Processing ─ship─► Complete / CompletePartialled
     └─► Invalid     └─(Hold: waits; cancelled after 14 days)        └─(FillAll shortfall: 24 h)─► ...

Each automatic step is a scheduler event `outbound.step` carrying the order's `epoch`; any change
bumps the epoch, so stale events are no-ops. Delays come from `timings.Timings`; orders the config record
`outbound.planning` names stay in Planning (`stuck.py`).
A status update walks the same steps at once, so shipments, packages and inventory follow.
Every status change goes through `set_status`, which records one `OrderStatusChanged`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from emulator.apis.inventory import service as inventory
from emulator.apis.outbound import orderbook, shipments, stock, stuck, update_index
from emulator.apis.outbound.events import OrderStatusChanged
from emulator.apis.outbound.records import OPEN_FOR_CHANGES, TERMINAL, Order, OrderLine
from emulator.apis.outbound.stuck import NOTHING, Stuck
from emulator.apis.outbound.timings import Timings, load
from emulator.context import Call
from emulator.errors import InvalidInput
from emulator.registry import transition
from emulator.state import Store, TenantState

STEP = "outbound.step"
RANK = {"New": 0, "Received": 1, "Planning": 2, "Processing": 3}


@dataclass(frozen=True, slots=True)
class Env:
    """What lifecycle code needs: the store (for the scheduler), the seller and their partition, the timings
    and the orders kept in Planning in force. It lives for one call or one scheduled step."""

    store: Store
    seller_id: str
    tenant: TenantState
    timings: Timings
    stuck: Stuck

    @classmethod
    def of(cls, store: Store, seller_id: str) -> Env:
        return cls(store, seller_id, store.tenant(seller_id), load(store), stuck.load(store))

    @classmethod
    def of_call(cls, call: Call, id_param: str) -> tuple[Env, Order]:
        """The caller's Env and the order named by the path parameter `id_param` (404 if unknown)."""
        env = cls.of(call.store, call.seller_id)
        return env, orderbook.get(env.tenant, call.params[id_param], id_param)


class ScheduledStep(msgspec.Struct, kw_only=True):
    """The payload of an `outbound.step` event."""

    order_id: str
    epoch: int
    step: str


def announce(env: Env, order: Order, previous: str | None, now: float) -> None:
    """Record that the order's status became what it is now (`previous` None: the order was created)."""
    env.tenant.record(
        now,
        OrderStatusChanged(
            order_id=order.order_id,
            displayable_order_id=order.terms.displayable_order_id,
            marketplace_id=order.marketplace_id,
            previous=previous,
            status=order.status,
        ),
    )


def set_status(env: Env, order: Order, status: str, now: float) -> None:
    """Move the order to `status` at `now`, making whatever was scheduled for the old one stale."""
    previous = order.status
    order.status = status
    order.progress.since = now
    order.progress.epoch += 1
    update_index.touch(env.tenant, order, now)
    orderbook.save(env.tenant, order)
    announce(env, order, previous, now)


def _release_all(env: Env, order: Order, now: float, *, cancelled: bool) -> None:
    """Give back every reserved unit; what was still open counts as cancelled (or unfulfillable)."""
    shipments.cancel_pending(env.tenant, order, now)
    for line in order.lines:
        line.progress.reserved -= inventory.release(
            env.tenant, now, order.marketplace_id, line.sku, line.progress.reserved
        )
        if cancelled:
            line.cancelled += line.remaining
        else:
            line.unfulfillable += line.remaining


def _settle_outcome(env: Env, order: Order, now: float) -> None:
    """Once nothing is open: Complete, CompletePartialled or Unfulfillable."""
    shipped = sum(line.shipped for line in order.lines)
    short = sum(line.cancelled + line.unfulfillable for line in order.lines)
    set_status(
        env, order, "Complete" if not short else "CompletePartialled" if shipped else "Unfulfillable", now
    )


def _validate(env: Env, order: Order, now: float) -> None:
    if order.progress.invalid_reason:
        _release_all(env, order, now, cancelled=False)
        set_status(env, order, "Invalid", now)
    elif order.terms.policy == "FillAllAvailable" and all(
        line.progress.reserved == 0 for line in order.lines
    ):
        set_status(env, order, "Unfulfillable", now)
    else:
        set_status(env, order, "Received", now)


def _withdraw(env: Env, order: Order, line: OrderLine, now: float) -> None:
    """The line's SKU lost its FBA offer before picking: its units go back to stock and none is picked;
    FillAll waits for the offer to return until its deadline, the other policies give the units up."""
    line.progress.reserved -= inventory.release(
        env.tenant, now, order.marketplace_id, line.sku, line.progress.reserved
    )
    if order.terms.policy != "FillAll":
        line.unfulfillable += line.remaining


def _plan(env: Env, order: Order, now: float) -> None:
    set_status(env, order, "Planning", now)


def _pick(env: Env, order: Order, now: float) -> None:
    for line in order.lines:
        if not stock.offered(env.tenant, order.marketplace_id, line.sku):
            _withdraw(env, order, line, now)
        elif order.terms.policy == "FillAll":  # stock that arrived since creation is taken now
            line.progress.reserved += stock.reserve(
                env.tenant, now, order.marketplace_id, line.sku, line.remaining - line.progress.reserved
            )
    set_status(env, order, "Processing", now)
    shipments.pick(env.tenant, env.seller_id, order, now, env.timings)  # the caller saves the order
    if not any(line.remaining for line in order.lines):  # every line withdrawn: nothing left to wait for
        _settle_outcome(env, order, now)


def _ship(env: Env, order: Order, now: float) -> None:
    shipments.ship_pending(env.tenant, order, now, env.timings)
    if any(line.remaining for line in order.lines):
        order.progress.since = now  # FillAll: wait for the deadline
        orderbook.save(env.tenant, order)
    else:
        _settle_outcome(env, order, now)


def _deadline(env: Env, order: Order, now: float) -> None:
    _release_all(env, order, now, cancelled=False)
    _settle_outcome(env, order, now)


def cancel(env: Env, order: Order, now: float) -> None:
    """Seller cancellation: only before picking starts; reserved units go back to fulfillable."""
    if order.status == "Cancelled":
        return
    if order.status not in OPEN_FOR_CHANGES:
        raise InvalidInput(
            f"Fulfillment order {order.order_id} is {order.status} and can "
            "no longer be cancelled; cancellation is possible only before picking starts "
            "(New, Received or Planning).",
            f"fulfillmentOrderStatus={order.status}",
        )
    _release_all(env, order, now, cancelled=True)
    set_status(env, order, "Cancelled", now)


Step = Callable[[Env, Order, float], None]
STEPS: dict[str, Step] = {
    "validate": _validate,
    "plan": _plan,
    "pick": _pick,
    "ship": _ship,
    "deadline": _deadline,
    "expire_hold": cancel,
}


def _has_pending_shipment(order: Order) -> bool:
    return any(shipment.status == "PENDING" for shipment in order.shipments)


def next_step(order: Order, timings: Timings, kept: Stuck = NOTHING) -> tuple[str, float] | None:
    """The next automatic step of an order and when it is due (none while `kept` holds it in Planning)."""
    status, since = order.status, order.progress.since
    if status == "New":
        return "validate", since + timings.received_after
    if status == "Received":
        if order.terms.action == "Hold":
            return "expire_hold", order.progress.held_since + timings.hold_expiry
        return "plan", since + timings.planning_after
    if status == "Planning":
        return None if kept.holds(order) else ("pick", since + timings.processing_after)
    if status == "Processing":
        if _has_pending_shipment(order):
            return "ship", since + timings.ship_after
        return "deadline", since + timings.fill_all_deadline
    return None


def proceed(env: Env, order: Order, now: float) -> None:
    """Run every step already due, then schedule the next one (invalidating older events); saves the order."""
    while (step := next_step(order, env.timings, env.stuck)) is not None:
        name, due = step
        if due > now:
            order.progress.epoch += 1
            env.store.scheduler.schedule(
                due,
                STEP,
                env.seller_id,
                msgspec.to_builtins(
                    ScheduledStep(order_id=order.order_id, epoch=order.progress.epoch, step=name)
                ),
            )
            break
        STEPS[name](env, order, max(due, order.progress.since))
    orderbook.save(env.tenant, order)


@transition(STEP)
def on_step(store: Any, seller_id: str, payload: dict[str, Any], due: float) -> None:
    """A scheduled step fires, unless the order changed since it was scheduled."""
    step = msgspec.convert(payload, ScheduledStep)
    env = Env.of(store, seller_id)
    order = orderbook.find(env.tenant, step.order_id)
    if order is None or order.progress.epoch != step.epoch or env.stuck.holds(order):
        return
    STEPS[step.step](env, order, due)
    proceed(env, order, due)


def force(env: Env, order: Order, target: str, now: float) -> None:
    """Sandbox status update: walk the real steps to `target` now (choices documented in the README)."""
    status = order.status

    def refuse(why: str) -> InvalidInput:
        return InvalidInput(
            f"Cannot move fulfillment order {order.order_id} from {status} to {target}: {why}.",
            f"fulfillmentOrderStatus={target}",
        )

    if status in TERMINAL:
        raise refuse(f"{status} is final") if status != target else refuse("it is already there")
    if target == "New" or RANK.get(target, 99) <= RANK[status]:
        raise refuse("statuses only move forwards")
    if (
        target == "CompletePartialled"
        and not _short_once_picked(env, order)
        and sum(line.remaining for line in order.lines) < 2
    ):
        raise refuse("a partial completion needs at least two units")
    if target == "Cancelled":
        cancel(env, order, now)
    elif target in ("Invalid", "Unfulfillable"):
        if target == "Invalid" and status not in ("New", "Received"):
            raise refuse("only orders not yet planned can become Invalid")
        if any(line.shipped for line in order.lines):
            raise refuse("units have already shipped")
        _release_all(env, order, now, cancelled=False)
        set_status(env, order, target, now)
    else:
        if order.terms.action == "Hold":
            raise refuse("the order is on hold; set fulfillmentAction to Ship first")
        _walk(env, order, target, now)
    proceed(env, order, now)


def _short_line(line: OrderLine) -> bool:
    return bool(line.unfulfillable or line.cancelled or line.remaining > line.progress.reserved)


def _short(order: Order) -> bool:
    """Whether some units of the order will not ship (unfulfillable, cancelled, or not reserved)."""
    return any(_short_line(line) for line in order.lines)


def _short_once_picked(env: Env, order: Order) -> bool:
    """`_short` as it will be once the order is picked: picking withdraws lines without an FBA offer and
    tops a FillAll order up from the stock that arrived since it was created."""
    if order.status not in OPEN_FOR_CHANGES:
        return _short(order)
    sellable: dict[str, int] = {}
    for line in order.lines:
        if line.unfulfillable or line.cancelled:
            return True
        if not stock.offered(env.tenant, order.marketplace_id, line.sku):
            return True
        held = line.progress.reserved
        if order.terms.policy == "FillAll":
            left = sellable.setdefault(line.sku, stock.sellable(env.tenant, order.marketplace_id, line.sku))
            top_up = max(0, min(line.remaining - held, left))
            sellable[line.sku] = left - top_up
            held += top_up
        if line.remaining > held:
            return True
    return False


def _walk(env: Env, order: Order, target: str, now: float) -> None:
    goal = RANK.get(target, RANK["Processing"])
    while order.status in RANK and RANK[order.status] < goal:
        name, _ = next_step(order, env.timings) or ("", 0.0)
        STEPS[name](env, order, now)
    if order.status != "Processing" or target == "Processing":
        return
    if target == "CompletePartialled" and not _short(order):
        shipments.withhold_one(env.tenant, order, now)  # force() made sure there are two units to split
    if _has_pending_shipment(order):
        _ship(env, order, now)
    if order.status == "Processing":
        _deadline(env, order, now)
