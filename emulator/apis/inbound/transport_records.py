"""The transport side's typed records: per shipment (`Logistics`), everything chosen after placement.

Transportation options and the one confirmed, delivery window options and the one confirmed, self-ship
appointment slots and the appointment, tracking, and content-update previews. The core's plan and
shipment records are read through `shipments` only; these are keyed by shipment id in the seller's partition.
Value types that also travel as request bodies are renamed to the model's camelCase, so a checked body
converts straight into them.
"""

from __future__ import annotations

from emulator.apis.inbound.records import Shipment
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec


class Money(Record, rename="camel"):
    amount: float
    code: str


class Contact(Record, rename="camel"):
    name: str
    phone_number: str
    email: str | None = None


class Freight(Record, rename="camel"):
    declared_value: Money | None = None
    freight_class: str | None = None


class TransportOption(Record):
    """One way to move one shipment: mode, solution, carrier, what must be done first, and its price."""

    option_id: str
    shipment_id: str
    placement_option_id: str
    shipping_mode: str
    shipping_solution: str
    carrier_name: str
    carrier_code: str
    expires_at: float
    preconditions: tuple[str, ...] = ()
    cost: Money | None = None

    @property
    def partnered(self) -> bool:
        return self.shipping_solution == "AMAZON_PARTNERED_CARRIER"

    @property
    def freight(self) -> bool:
        return self.shipping_mode != "GROUND_SMALL_PARCEL"


class WindowOption(Record):
    """A delivery window the fulfilment centre offers; BLOCKED ones cannot be chosen."""

    option_id: str
    starts_at: float
    ends_at: float
    availability: str
    valid_until: float
    discount: Money | None = None


class Slot(Record):
    slot_id: str
    starts_at: float
    ends_at: float


class Appointment(Record):
    appointment_id: int
    slot: Slot
    status: str  # ARRIVAL_SCHEDULED or CANCELLED


class SpdTrackingItem(Record, rename="camel"):
    box_id: str
    tracking_id: str


class Tracking(Record):
    """What the seller said about the shipment's carrier: box tracking ids, or a freight bill."""

    spd_items: tuple[SpdTrackingItem, ...] = ()
    freight_bill_number: str | None = None
    bill_of_lading_number: str | None = None


class DimensionsInput(Record, rename="camel"):
    length: float
    width: float
    height: float
    unit_of_measurement: str


class WeightInput(Record, rename="camel"):
    value: float
    unit: str


class ItemInput(Record, rename="camel"):
    msku: str
    quantity: int
    label_owner: str
    prep_owner: str
    expiration: str | None = None
    manufacturing_lot_code: str | None = None


class BoxUpdate(Record, rename="camel"):
    content_information_source: str
    dimensions: DimensionsInput
    weight: WeightInput
    quantity: int
    items: tuple[ItemInput, ...] = ()
    package_id: str | None = None


class RequestedUpdates(Record, rename="camel"):
    boxes: tuple[BoxUpdate, ...] = ()
    items: tuple[ItemInput, ...] = ()


class Preview(Record):
    """A content update the seller asked to see priced: its boxes and items and the re-quoted option."""

    preview_id: str
    expires_at: float
    updates: RequestedUpdates
    option: TransportOption
    status: str = "OFFERED"  # ACCEPTED once confirmed


class Logistics(Record):
    """Everything the transport side keeps for one shipment."""

    shipment_id: str
    plan_id: str
    options: tuple[TransportOption, ...] = ()
    ready_to_ship_at: float | None = None
    contact: Contact | None = None
    freight: Freight | None = None
    chosen: TransportOption | None = None
    confirmed_at: float | None = None
    windows: tuple[WindowOption, ...] = ()
    window: WindowOption | None = None
    slots: tuple[Slot, ...] = ()
    slots_expire_at: float | None = None
    appointment: Appointment | None = None
    tracking: Tracking | None = None
    previews: tuple[Preview, ...] = ()


LOGISTICS = table(TableSpec("inbound_logistics", Logistics))


def of(tenant: TenantState, shipment: Shipment) -> Logistics:
    """What is kept for `shipment` (nothing yet: an empty record)."""
    found = tenant.table(LOGISTICS).get(shipment.shipment_id)
    return found or Logistics(shipment_id=shipment.shipment_id, plan_id=shipment.plan_id)


def keep(tenant: TenantState, logistics: Logistics) -> Logistics:
    return tenant.table(LOGISTICS).put(logistics.shipment_id, logistics)
