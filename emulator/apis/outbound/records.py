"""The typed records of an MCF order, one per order, read and written by both outbound versions.

Names are version-neutral (`wire_2020` and `wire_2026` translate); status, speed, action and policy values
use the 2020-07-01 spellings, which are the domain's own. An `Order` keeps what the seller asked for in
`terms`, what happened in `status`, `lines`, `shipments` and the returns, and the lifecycle's bookkeeping
in `progress` (each line has its own `progress`): bookkeeping is never rendered.

Everything inside an order is a `Part`: it encodes as an array of its fields (`array_like`), which
makes a packed order less than half the size it would be with field names; the order itself keeps
them, so a snapshot still shows which order it is and in which status. Open objects of the models
(drop-off attributes, packing-slip template attributes, delivery and additional services) are kept as
the JSON the seller sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgspec

from emulator.apis.outbound.dialect import V2020, Dialect
from emulator.state.records import Record

TERMINAL = ("Complete", "CompletePartialled", "Unfulfillable", "Invalid", "Cancelled")
"""Order statuses nothing moves on from."""
OPEN_FOR_CHANGES = ("New", "Received", "Planning")
"""Statuses in which an order can still be updated or cancelled (picking has not started)."""

OpenObject = dict[str, Any]
"""A free-form JSON object the models leave open; stored and echoed as sent."""


class Part(Record, array_like=True):
    """A record stored inside an order: encoded as an array of its fields, not a map."""


class Money(Part, kw_only=True):
    currency_code: str
    amount: str
    """Decimal text, as the request gave it."""


class Address(Part, kw_only=True):
    name: str
    address_line1: str
    address_line2: str | None = None
    address_line3: str | None = None
    city: str | None = None
    district_or_county: str | None = None
    state_or_region: str | None = None
    postal_code: str
    country_code: str
    phone: str | None = None
    email: str | None = None


class DeliveryWindow(Part, kw_only=True):
    """A delivery interval as the seller wrote its instants."""

    start: str
    end: str


class DropOffLocation(Part, kw_only=True):
    type: str | None = None
    attributes: OpenObject | None = None


class DeliveryPreferences(Part, kw_only=True):
    instructions: str | None = None
    drop_off: DropOffLocation | None = None


class CodSettings(Part, kw_only=True):
    """Cash on delivery."""

    required: bool
    charge: Money | None = None
    charge_tax: Money | None = None
    shipping_charge: Money | None = None
    shipping_charge_tax: Money | None = None


class FeatureConstraint(Part, kw_only=True):
    """A delivery feature (BLOCK_AMZL, BLANK_BOX, ...) and whether it is `Required` or `NotRequired`."""

    name: str | None = None
    policy: str | None = None


class PackingSlip(Part, kw_only=True):
    template_name: str | None = None
    template_attributes: dict[str, str] | None = None


class Packaging(Part, kw_only=True):
    option: str | None = None
    overbox: str | None = None
    packing_slip: PackingSlip | None = None


class OrderServices(Part, kw_only=True):
    """The 2026-07-04 services of an order, kept as asked (feature constraints are derived from them)."""

    packaging: Packaging | None = None
    delivery: OpenObject | None = None
    additional: dict[str, str] | None = None


class Payment(Part, kw_only=True):
    transaction_id: str
    mode: str
    date: str


class OrderTerms(Part, kw_only=True):
    """What the seller asked for: set at creation, changed by updates."""

    displayable_order_id: str
    displayable_order_date: str
    displayable_order_comment: str
    shipping_speed: str
    destination: Address
    delivery_window: DeliveryWindow | None = None
    delivery_preferences: DeliveryPreferences | None = None
    action: str = "Ship"
    policy: str = "FillOrKill"
    cod: CodSettings | None = None
    ship_from_country_code: str | None = None
    notification_emails: list[str] | None = None
    feature_constraints: list[FeatureConstraint] | None = None
    services: OrderServices | None = None
    channel: str | None = None
    payments: list[Payment] | None = None


class LineServices(Part, kw_only=True):
    """The 2026-07-04 services of one line."""

    packing_slip: PackingSlip | None = None
    payment_on_delivery_price: Money | None = None


T = TypeVar("T")


def _newer(value: T | None, current: T | None) -> T | None:
    return current if value is None else value


class LineDetails(Part, kw_only=True):
    """What a line carries besides SKU and quantity; all optional."""

    gift_message: str | None = None
    displayable_comment: str | None = None
    fulfillment_network_sku: str | None = None
    per_unit_declared_value: Money | None = None
    per_unit_price: Money | None = None
    per_unit_tax: Money | None = None
    services: LineServices | None = None

    def merged(self, newer: LineDetails) -> LineDetails:
        """These details with every field `newer` sets replaced."""
        return LineDetails(
            gift_message=_newer(newer.gift_message, self.gift_message),
            displayable_comment=_newer(newer.displayable_comment, self.displayable_comment),
            fulfillment_network_sku=_newer(newer.fulfillment_network_sku, self.fulfillment_network_sku),
            per_unit_declared_value=_newer(newer.per_unit_declared_value, self.per_unit_declared_value),
            per_unit_price=_newer(newer.per_unit_price, self.per_unit_price),
            per_unit_tax=_newer(newer.per_unit_tax, self.per_unit_tax),
            services=_newer(newer.services, self.services),
        )


NO_DETAILS = LineDetails()
"""The details of a line that has none (such a line stores None instead)."""


class LineProgress(Part, kw_only=True):
    """Units of a line held in stock for it (`reserved`), of which `picked` are in a pending shipment."""

    reserved: int = 0
    picked: int = 0


class OrderLine(Part, kw_only=True):
    """One line: its units end up shipped, cancelled or unfulfillable (the rest are still open)."""

    sku: str
    line_id: str
    quantity: int
    shipped: int = 0
    cancelled: int = 0
    unfulfillable: int = 0
    estimated_ship_at: float = 0.0
    estimated_arrival_at: float = 0.0
    details: LineDetails | None = None
    progress: LineProgress = msgspec.field(default_factory=LineProgress)

    @property
    def remaining(self) -> int:
        """Units that are neither shipped, cancelled nor unfulfillable."""
        return self.quantity - self.shipped - self.cancelled - self.unfulfillable


class ShipmentItem(Part, kw_only=True):
    line_id: str
    quantity: int
    package_number: int


class CarrierTracking(Part, kw_only=True):
    carrier_code: str
    tracking_number: str | None = None
    tracking_url: str | None = None


class AmazonTracking(Part, kw_only=True):
    tracking_number: str | None = None
    tracking_url: str | None = None


class ProofOfDelivery(Part, kw_only=True):
    photo_url: str | None = None
    received_by: str | None = None


class TrackingOverride(Part, kw_only=True):
    """Tracking parts set by the sandbox `updatePackage`; each one given replaces the computed one."""

    carrier: CarrierTracking | None = None
    amazon: AmazonTracking | None = None
    drop_off: DropOffLocation | None = None
    proof_of_delivery: ProofOfDelivery | None = None


class PackageOverride(Part, kw_only=True):
    """A package status set by the sandbox `updatePackage` at `at` (2026-07-04 package status)."""

    status: str
    at: float
    delivery_time: float | None = None
    tracking: TrackingOverride | None = None


class Package(Part, kw_only=True):
    number: int
    carrier_code: str
    tracking_number: str
    amazon_tracking_number: str
    override: PackageOverride | None = None


class Shipment(Part, kw_only=True):
    """One picking wave: PENDING until it leaves the FC (SHIPPED) or is cancelled (CANCELLED_BY_*)."""

    shipment_id: str
    fulfillment_center_id: str
    status: str
    ship_at: float
    arrive_at: float
    items: list[ShipmentItem]
    packages: list[Package]

    def item_id(self, position: int) -> str:
        """The shipment item id of the item at `position` (items are only ever removed from the end)."""
        return f"{self.shipment_id}-{position + 1}"


class ReturnItem(Part, kw_only=True):
    """One returned unit: New when authorised, Processed once the FC has received and graded it."""

    return_item_id: str
    line_id: str
    shipment_id: str
    reason_code: str
    comment: str | None = None
    status: str
    status_changed_at: float
    authorization_id: str
    fulfillment_center_id: str
    received_condition: str | None = None


class ReturnAuthorization(Part, kw_only=True):
    authorization_id: str
    fulfillment_center_id: str
    return_to: Address
    rma_id: str
    rma_page_url: str


class OrderProgress(Part, kw_only=True):
    """The lifecycle's bookkeeping: when the current status (or hold) began, the epoch that makes older
    scheduled steps stale, the order's place in the update index, and why it will be Invalid."""

    since: float
    held_since: float
    epoch: int = 0
    update_sequence: int = 0
    invalid_reason: str | None = None


class Order(Record, kw_only=True):
    """An MCF fulfilment order (2020 `sellerFulfillmentOrderId` = 2026 `orderId`)."""

    order_id: str
    marketplace_id: str
    terms: OrderTerms
    status: str = "New"
    received_at: float
    status_updated_at: float
    lines: list[OrderLine]
    shipments: list[Shipment] = []
    return_items: list[ReturnItem] = []
    return_authorizations: list[ReturnAuthorization] = []
    progress: OrderProgress

    def line(self, line_id: str) -> OrderLine:
        """The line with id `line_id` (KeyError if the order has none)."""
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)


class Counter(Record, kw_only=True):
    """A per-seller sequence (package numbers, update sequence)."""

    next: int


@dataclass(frozen=True)
class OrderDraft:
    """A create request in neutral form, before validation: the marketplace may still be unknown."""

    order_id: str
    marketplace_id: str | None
    terms: OrderTerms
    lines: list[OrderLine]
    dialect: Dialect = V2020
    """The request's version (its errors use that version's field names)."""


@dataclass(frozen=True)
class LineChange:
    """An update of one line: its new quantity and any details that change."""

    line_id: str
    quantity: int
    sku: str | None = None
    details: LineDetails = field(default_factory=LineDetails)


@dataclass(frozen=True)
class OrderUpdate:
    """An update request in neutral form: the order's terms with the changes applied, and line changes."""

    terms: OrderTerms
    lines: list[LineChange]
    marketplace_id: str | None = None


@dataclass(frozen=True)
class ReturnRequest:
    """One unit the seller asks to return."""

    return_item_id: str
    line_id: str
    shipment_id: str
    reason_code: str
    comment: str | None = None
