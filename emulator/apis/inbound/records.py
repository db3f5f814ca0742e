"""The typed records of Fulfillment Inbound 2024-03-20: inbound plans, their options and boxes, shipments.

A plan (`InboundPlan`) carries its whole state machine: the items, the packing options it was offered and
the one confirmed, the boxes packed per packing group, the placement options and the one confirmed.
Confirming a placement makes its shipments (`Shipment`, a table of their own, since the clock moves them
and other modules read them); the shipments of unchosen placement options are dropped then.
"""

from __future__ import annotations

import enum

from emulator.registry import table
from emulator.state.records import Record, TableSpec


class PlanStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    VOIDED = "VOIDED"
    SHIPPED = "SHIPPED"
    ERRORED = "ERRORED"


class OptionStatus(enum.StrEnum):
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    EXPIRED = "EXPIRED"


class ShipmentStatus(enum.StrEnum):
    UNCONFIRMED = "UNCONFIRMED"
    WORKING = "WORKING"
    READY_TO_SHIP = "READY_TO_SHIP"
    SHIPPED = "SHIPPED"
    IN_TRANSIT = "IN_TRANSIT"
    DELIVERED = "DELIVERED"
    CHECKED_IN = "CHECKED_IN"
    RECEIVING = "RECEIVING"
    CLOSED = "CLOSED"
    CANCELLED = "CANCELLED"
    DELETED = "DELETED"


# The path a shipment takes once it is confirmed, in order.
SHIPMENT_PATH = (
    ShipmentStatus.WORKING,
    ShipmentStatus.READY_TO_SHIP,
    ShipmentStatus.SHIPPED,
    ShipmentStatus.IN_TRANSIT,
    ShipmentStatus.DELIVERED,
    ShipmentStatus.CHECKED_IN,
    ShipmentStatus.RECEIVING,
    ShipmentStatus.CLOSED,
)


class Address(Record):
    """A postal address as Inbound's `Address` names its fields."""

    name: str
    address_line1: str
    city: str
    country_code: str
    postal_code: str
    address_line2: str | None = None
    company_name: str | None = None
    district_or_county: str | None = None
    email: str | None = None
    phone_number: str | None = None
    state_or_province_code: str | None = None


class ItemLine(Record):
    """Units of one MSKU: a plan item, a packing group's or a shipment's item, or a box's content."""

    msku: str
    quantity: int
    label_owner: str
    prep_owner: str
    fnsku: str
    asin: str
    expiration: str | None = None
    manufacturing_lot_code: str | None = None


class Dimensions(Record):
    length: float
    width: float
    height: float
    unit: str  # IN or CM


class Weight(Record):
    value: float
    unit: str  # LB or KG


class Box(Record):
    """One physical box; `box_id` is given once its shipment has a confirmation id."""

    package_id: str
    content_source: str
    dimensions: Dimensions
    weight: Weight
    items: tuple[ItemLine, ...] = ()
    packing_group_id: str | None = None
    box_id: str | None = None


class Pallet(Record):
    """A pallet of a freight shipment (set by the transportation step)."""

    package_id: str
    quantity: int = 1
    dimensions: Dimensions | None = None
    weight: Weight | None = None
    stackability: str | None = None


class PackingGroup(Record):
    """Items Amazon asks to be packed together."""

    group_id: str
    items: tuple[ItemLine, ...]


class PackingOption(Record):
    option_id: str
    status: OptionStatus
    group_ids: tuple[str, ...]
    expires_at: float


class PlacementOption(Record):
    """A split of the plan's boxes into shipments; `fee` is its placement fee (marketplace currency)."""

    option_id: str
    status: OptionStatus
    shipment_ids: tuple[str, ...]
    expires_at: float
    fee: float = 0.0


class InboundPlan(Record):
    """One inbound plan and every choice made on it so far; `busy` names the operation still running."""

    plan_id: str
    name: str
    marketplace_id: str
    source: Address
    items: tuple[ItemLine, ...]
    status: PlanStatus
    created_at: float
    updated_at: float
    packing_options: tuple[PackingOption, ...] = ()
    packing_groups: tuple[PackingGroup, ...] = ()
    packing_option_id: str | None = None
    boxes: tuple[Box, ...] = ()
    placement_options: tuple[PlacementOption, ...] = ()
    placement_option_id: str | None = None
    busy: str | None = None  # operationId of the asynchronous operation in progress


class Destination(Record):
    """The fulfilment centre a shipment goes to."""

    warehouse_id: str
    address: Address


class Shipment(Record):
    """One shipment of a plan, to one fulfilment centre; `received` counts units received per MSKU."""

    shipment_id: str
    plan_id: str
    marketplace_id: str
    placement_option_id: str
    status: ShipmentStatus
    name: str
    source: Address
    destination: Destination
    items: tuple[ItemLine, ...]
    boxes: tuple[Box, ...]
    created_at: float
    updated_at: float
    shipment_confirmation_id: str | None = None
    pallets: tuple[Pallet, ...] = ()
    received: dict[str, int] = {}

    def quantity_received(self, msku: str) -> int:
        """Units of `msku` received so far (good and damaged)."""
        return self.received.get(msku, 0)


class ReceiptLine(Record):
    """How the fulfilment centre receives one MSKU: units found (short or over) and how many are damaged."""

    received: int
    damaged: int = 0


class Receipt(Record):
    """A discrepancy set through the control API for one shipment; MSKUs not named arrive in full."""

    shipment_id: str
    lines: dict[str, ReceiptLine]


PLANS = table(TableSpec("inbound_plans", InboundPlan))
SHIPMENTS = table(TableSpec("inbound_shipments", Shipment))
RECEIPTS = table(TableSpec("inbound_receipts", Receipt))
