"""Payload builders, the envelope and the corrected schemas, on events shaped as the emitting APIs'."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec
import orjson
import pytest

from emulator.apis.notifications.kinds import KINDS
from emulator.notifications.envelope import Address, Draft, envelope
from emulator.notifications.payloads import fulfillment, inventory, listings
from emulator.notifications.samples import sample
from emulator.notifications.schemas import SCHEMA_DIR, Schemas, corrected
from emulator.state.events import DomainEvent, EventRecord

MODELS = Path(os.environ.get("MCF_EMULATOR_MODELS", "../shared/spapi-models"))
AT = 1_780_000_000.0
ADDRESS = Address("amzn1.sp.solution.app", "sub-1", "dest-1", "A1SELLER", "1.0")


class Package(msgspec.Struct, frozen=True):
    number: int
    carrier_code: str
    tracking_number: str


class ShipmentChanged(DomainEvent, frozen=True):
    order_id: str
    order_status: str
    shipment_id: str
    status: str
    estimated_arrival_at: float
    packages: tuple[Package, ...]


class OrderChanged(DomainEvent, frozen=True):
    order_id: str
    status: str


class ReturnChanged(DomainEvent, frozen=True):
    order_id: str
    order_status: str
    sku: str
    status: str


class Issue(msgspec.Struct, frozen=True):
    severity: str
    enforcement: str | None = None


class Buckets(msgspec.Struct, frozen=True):
    fulfillable: int = 0
    pending_customer_order: int = 0
    pending_transshipment: int = 0
    fc_processing: int = 0
    inbound_working: int = 0
    inbound_shipped: int = 0
    inbound_receiving: int = 0
    researching: int = 0
    customer_damaged: int = 0
    warehouse_damaged: int = 0
    distributor_damaged: int = 0
    carrier_damaged: int = 0
    defective: int = 0
    expired: int = 0


class StockMoved(DomainEvent, frozen=True):
    seller_sku: str
    marketplace_id: str
    fn_sku: str
    asin: str
    product_name: str
    buckets: Buckets


class ListingChanged(DomainEvent, frozen=True):
    sku: str
    marketplace_id: str
    asin: str
    created_at: float
    status: tuple[str, ...]
    issues: tuple[Issue, ...]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(MODELS)


def record(event: DomainEvent) -> EventRecord:
    return EventRecord(1, AT, "A1SELLER", event)


def document(draft: Draft, version: str = "1.0") -> dict:
    kind = KINDS[draft.notification_type]
    address = Address(ADDRESS.application_id, "sub-1", "dest-1", "A1SELLER", version)
    return envelope(kind, draft, address, AT + 1, "6f1c2d3e-0000-4000-8000-000000000001")


def shipment(status: str = "SHIPPED") -> ShipmentChanged:
    package = Package(1, "UPS", "1Z999AA10123456784")
    return ShipmentChanged("MCF-1", "Complete", "DkQ3xY7Lp", status, AT + 86400, (package,))


def test_a_shipment_event_carries_packages_and_tracking_in_the_payloads_own_spelling(schemas):
    (draft,) = fulfillment.shipment_status(record(shipment()))
    body = document(draft)
    notification = body["Payload"]["FulfillmentOrderStatusNotification"]
    assert notification["EventType"] == "Shipment"
    assert notification["FulfillmentShipment"]["FulfillmentShipmentStatus"] == "Shipped"
    assert (
        notification["FulfillmentShipment"]["FulfillmentShipmentPackages"][0]["TrackingNumber"]
        == "1Z999AA10123456784"
    )
    assert body["NotificationMetadata"]["SubscriptionId"] == "sub-1"
    assert schemas.problems(KINDS["FULFILLMENT_ORDER_STATUS"], body) == []


def test_order_and_return_events_validate_and_new_is_never_notified(schemas):
    assert fulfillment.order_status(record(OrderChanged("MCF-1", "New"))) == []
    (order,) = fulfillment.order_status(record(OrderChanged("MCF-1", "Planning")))
    assert fulfillment.return_status(record(ReturnChanged("MCF-1", "Complete", "MUG-1", "New"))) == []
    (returned,) = fulfillment.return_status(record(ReturnChanged("MCF-1", "Complete", "MUG-1", "Processed")))
    for draft in (order, returned):
        assert schemas.problems(KINDS["FULFILLMENT_ORDER_STATUS"], document(draft)) == []
    assert "FulfillmentShipment" not in order.payload["FulfillmentOrderStatusNotification"]


def test_the_corrected_schema_still_rejects_wrong_notifications(schemas):
    kind = KINDS["FULFILLMENT_ORDER_STATUS"]
    (draft,) = fulfillment.shipment_status(record(shipment()))
    body = document(draft)
    body["Payload"]["FulfillmentOrderStatusNotification"]["FulfillmentShipment"][
        "FulfillmentShipmentStatus"
    ] = "SHIPPED"
    assert any("SHIPPED" in p for p in schemas.problems(kind, body))
    del body["Payload"]["FulfillmentOrderStatusNotification"]["FulfillmentShipment"]
    assert schemas.problems(kind, body)  # a Shipment event needs its shipment
    del body["NotificationMetadata"]
    assert any("NotificationMetadata" in p for p in schemas.problems(kind, body))


def test_the_published_schemas_would_reject_real_notifications():
    import jsonschema_rs

    (draft,) = fulfillment.shipment_status(record(shipment()))
    raw = orjson.loads((MODELS / SCHEMA_DIR / "FulfillmentOrderStatusNotification.json").read_bytes())
    assert not jsonschema_rs.Draft7Validator(raw).is_valid(document(draft))
    assert jsonschema_rs.Draft7Validator(corrected(raw, "FulfillmentOrderStatusNotification.json")).is_valid(
        document(draft)
    )


def test_inventory_changes_report_every_bucket(schemas):
    buckets = Buckets(
        fulfillable=5,
        pending_customer_order=2,
        pending_transshipment=1,
        fc_processing=3,
        inbound_working=4,
        inbound_shipped=6,
        inbound_receiving=7,
        researching=8,
        customer_damaged=1,
        defective=2,
    )
    (draft,) = inventory.availability(
        record(StockMoved("MUG-1", "ATVPDKIKX0DER", "X00A", "B0A", "Mug", buckets))
    )
    body = document(draft)
    counts = body["Payload"]["FulfillmentInventoryByMarketplace"][0]["FulfillmentInventory"]
    assert counts["InboundQuantityBreakdown"] == {"Working": 4, "Shipped": 6, "Receiving": 7}
    assert counts["ReservedQuantityBreakdown"] == {
        "WarehouseProcessing": 3,
        "WarehouseTransfer": 1,
        "PendingCustomerOrder": 2,
    }
    assert (counts["Fulfillable"], counts["Unfulfillable"], counts["Researching"]) == (5, 3, 8)
    assert schemas.problems(KINDS["FBA_INVENTORY_AVAILABILITY_CHANGES"], body) == []


def test_listing_notifications_validate_with_the_documented_type_name(schemas):
    event = ListingChanged("MUG-1", "ATVPDKIKX0DER", "B0A", AT, ("DISCOVERABLE",), (Issue("INFO"),))
    (status,) = listings.status(record(event))
    (clean,) = listings.issues(record(event))
    assert document(status)["NotificationType"] == "LISTINGS_ITEM_STATUS_CHANGE"
    assert (clean.payload["Severities"], clean.payload["EnforcementActions"]) == (["NONE"], [])
    suppressed = (Issue("WARNING", "ATTRIBUTE_SUPPRESSED"), Issue("ERROR", "LISTING_SUPPRESSED"))
    (issues,) = listings.issues(record(ListingChanged("MUG-1", "ATVPDKIKX0DER", "B0A", AT, (), suppressed)))
    assert (issues.payload["Severities"], issues.payload["EnforcementActions"]) == (
        ["ERROR", "WARNING"],
        ["SEARCH_SUPPRESSED"],
    )
    for draft in (status, clean, issues):
        assert schemas.problems(KINDS[draft.notification_type], document(draft)) == []


@pytest.mark.parametrize("name", [k.name for k in KINDS.values() if k.schema])
def test_every_test_notification_sample_validates(schemas, name):
    kind = KINDS[name]
    body = document(Draft(name, AT, sample(name, AT)), kind.default_version)
    assert schemas.problems(kind, body) == []
    if kind.camel_case:
        assert body["notificationVersion"] == "2020-09-04"
        assert set(body["notificationMetadata"]) == {
            "applicationId",
            "subscriptionId",
            "publishTime",
            "notificationId",
        }
