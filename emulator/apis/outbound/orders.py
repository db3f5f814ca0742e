"""Creating and updating orders from version-neutral drafts and updates (see `records`).

Stock is reserved inside the create call, so concurrent creates can never promise the same unit
twice; only units of a SKU with an FBA offer are ever reserved (`stock`), so a SKU without one is
short whatever it holds. `fulfillmentPolicy` against short stock (choices where Amazon is silent, see README):
FillOrKill reserves nothing and the order becomes Invalid at validation; FillAll reserves what is
there, tops up at picking and waits 24 h for the rest; FillAllAvailable reserves what is there and
marks the shortfall unfulfillable at once (Unfulfillable if nothing is left).
"""

from __future__ import annotations

from collections.abc import Sequence

from emulator.apis.inventory import service as inventory
from emulator.apis.inventory.marketplaces import BY_COUNTRY, BY_ID, Marketplace, require
from emulator.apis.outbound import features, lifecycle, orderbook, planning, stock, update_index
from emulator.apis.outbound.dialect import Dialect
from emulator.apis.outbound.records import (
    NO_DETAILS,
    OPEN_FOR_CHANGES,
    LineChange,
    Order,
    OrderDraft,
    OrderProgress,
    OrderTerms,
    OrderUpdate,
)
from emulator.errors import InvalidInput


def marketplace_for(
    draft_marketplace: str | None, country: str, participations: Sequence[str]
) -> Marketplace:
    """The marketplace an order draws stock from: the one named, else the seller's marketplace in the
    destination country, else the seller's first marketplace."""
    if draft_marketplace:
        return require(draft_marketplace, tuple(participations))
    local = BY_COUNTRY.get(country)
    if local is not None and (not participations or local.marketplace_id in participations):
        return local
    if participations and participations[0] in BY_ID:
        return BY_ID[participations[0]]
    raise InvalidInput(
        "marketplaceId is required: the seller has no marketplace for this destination.", "marketplaceId"
    )


def _check_terms(terms: OrderTerms, marketplace: Marketplace, dialect: Dialect) -> None:
    """What a new order's terms must satisfy in its marketplace."""
    problem = planning.address_problem(terms.destination)
    if problem:
        raise InvalidInput(f"The destination address is invalid: {problem}.", dialect.address)
    speed = terms.shipping_speed
    if not planning.speed_available(speed, marketplace.country, dialect):
        raise InvalidInput(
            f"Shipping speed {speed} is not available in marketplace {marketplace.marketplace_id}.",
            f"{dialect.speed}={speed}",
        )
    if speed == "ScheduledDelivery" and terms.action == "Hold":
        raise InvalidInput("ScheduledDelivery orders must use fulfillmentAction Ship.", "fulfillmentAction")
    if speed == "ScheduledDelivery" and not terms.delivery_window:
        raise InvalidInput("ScheduledDelivery orders need a deliveryWindow.", "deliveryWindow")
    missing = features.unavailable(terms.feature_constraints, marketplace.country)
    if missing:
        raise InvalidInput(
            f"Features not available in this marketplace: {', '.join(missing)}.", "featureConstraints"
        )
    if terms.cod is not None and terms.cod.required and not planning.cod_capable(marketplace):
        raise InvalidInput("Cash on delivery is not available in this marketplace.", "codSettings")


def _validate(env: lifecycle.Env, draft: OrderDraft, marketplace: Marketplace) -> None:
    dialect = draft.dialect
    orderbook.check_id(draft.order_id, dialect.order_id)
    if orderbook.exists(env.tenant, draft.order_id):
        raise InvalidInput(
            f"A fulfillment order with id {draft.order_id} already exists.",
            f"{dialect.order_id}={draft.order_id}",
        )
    shown = draft.terms.displayable_order_id
    if shown != shown.strip() or "  " in shown:
        raise InvalidInput(
            "displayableOrderId must not start or end with spaces or contain double spaces.",
            f"displayableOrderId={shown}",
        )
    planning.check_lines(draft.lines, dialect)
    planning.require_skus(env.tenant, marketplace.marketplace_id, draft.lines, dialect)
    _check_terms(draft.terms, marketplace, dialect)


def create(env: lifecycle.Env, draft: OrderDraft, participations: Sequence[str], now: float) -> Order:
    """Validate, reserve stock per the policy, store the order (status New) and start its lifecycle."""
    marketplace = marketplace_for(draft.marketplace_id, draft.terms.destination.country_code, participations)
    _validate(env, draft, marketplace)
    ship_at = now + env.timings.fc_time()
    arrive_at = ship_at + env.timings.transit(draft.terms.shipping_speed)
    for line in draft.lines:
        line.estimated_ship_at, line.estimated_arrival_at = ship_at, arrive_at
    order = Order(
        order_id=draft.order_id,
        marketplace_id=marketplace.marketplace_id,
        terms=draft.terms,
        received_at=now,
        status_updated_at=now,
        lines=draft.lines,
        progress=OrderProgress(since=now, held_since=now),
    )
    lifecycle.announce(env, order, None, now)
    _reserve(env, order, now)
    update_index.touch(env.tenant, order, now)
    lifecycle.proceed(env, order, now)
    return order


def _reserve(env: lifecycle.Env, order: Order, now: float) -> None:
    """Reserve what the policy allows (see module docstring)."""
    mp = order.marketplace_id
    wanted = [(line, line.remaining - line.progress.reserved) for line in order.lines]
    short = [line.sku for line, want in wanted if stock.sellable(env.tenant, mp, line.sku) < want]
    if short and order.terms.policy == "FillOrKill":
        order.progress.invalid_reason = f"insufficient sellable inventory for {', '.join(short)}"
        return
    order.progress.invalid_reason = None
    for line, want in wanted:
        line.progress.reserved += stock.reserve(env.tenant, now, mp, line.sku, want)
        if order.terms.policy == "FillAllAvailable":
            line.unfulfillable += line.remaining - line.progress.reserved


def update(env: lifecycle.Env, order: Order, change: OrderUpdate, now: float) -> None:
    """Apply updateFulfillmentOrder / updateOrder; only before picking starts."""
    if order.status not in OPEN_FOR_CHANGES:
        raise InvalidInput(
            f"Fulfillment order {order.order_id} is {order.status} and can no longer be updated.",
            f"fulfillmentOrderStatus={order.status}",
        )
    marketplace = BY_ID[order.marketplace_id]
    if change.marketplace_id not in (None, order.marketplace_id):
        raise InvalidInput("The marketplace of an existing order cannot change.", "marketplaceId")
    terms = change.terms
    problem = planning.address_problem(terms.destination)
    if problem:
        raise InvalidInput(f"The destination address is invalid: {problem}.", "destinationAddress")
    if not planning.speed_available(terms.shipping_speed, marketplace.country):
        raise InvalidInput(
            f"Shipping speed {terms.shipping_speed} is not available in this marketplace.",
            "shippingSpeedCategory",
        )
    held = terms.action == "Hold" and order.terms.action == "Ship"
    if held and order.status == "Planning":
        raise InvalidInput("An order already in Planning cannot be put on hold.", "fulfillmentAction")
    _update_lines(env, order, change.lines, now)
    if terms.action != order.terms.action:
        order.progress.held_since = order.progress.since = now
    order.terms = terms
    lifecycle.proceed(env, order, now)


def _update_lines(env: lifecycle.Env, order: Order, changes: list[LineChange], now: float) -> None:
    """Quantity changes: cuts come out of waiting units, then unfulfillable, then reserved ones; growth is
    reserved per the policy (FillOrKill refuses growth it cannot reserve). Checked before anything changes."""
    lines = {line.line_id: line for line in order.lines}
    for change in changes:
        line = lines.get(change.line_id)
        if line is None:
            raise InvalidInput(f"Item Id {change.line_id} is not part of this order.", "items")
        if change.sku not in (None, line.sku) or change.quantity <= 0:
            raise InvalidInput(
                f"Item Id {line.line_id}: the SKU cannot change and the quantity must be positive.", "items"
            )
        grow = change.quantity - line.quantity
        free = stock.sellable(env.tenant, order.marketplace_id, line.sku)
        if grow > free and order.terms.policy == "FillOrKill" and not order.progress.invalid_reason:
            raise InvalidInput(
                f"Not enough sellable inventory to raise Item Id {line.line_id} to {change.quantity} units.",
                "items",
            )
    for change in changes:
        line = lines[change.line_id]
        cut = line.quantity - change.quantity
        if cut > 0:  # first from units still waiting for stock
            cut -= min(cut, line.remaining - line.progress.reserved)
        if cut > 0:  # then from units already counted unfulfillable
            taken = min(cut, line.unfulfillable)
            line.unfulfillable -= taken
            cut -= taken
        if cut > 0:  # then from reserved units, which go back to stock
            line.progress.reserved -= inventory.release(
                env.tenant, now, order.marketplace_id, line.sku, min(cut, line.progress.reserved)
            )
        line.quantity = change.quantity
        if change.details != NO_DETAILS:
            line.details = (line.details or NO_DETAILS).merged(change.details)
    if changes:
        _reserve(env, order, now)
