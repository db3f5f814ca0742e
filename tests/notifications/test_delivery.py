"""Delivery to a real moto server: SQS and EventBridge, within 2 s, retries and dead letters, faults."""

from __future__ import annotations

import json
import time
import uuid

import pytest

from emulator.apis.notifications.kinds import KINDS
from emulator.notifications import worker
from tests.api.notifications.conftest import create_destination, subscribe
from tests.notifications.moto_server import aws, new_queue, receive
from tests.notifications.support import ListingSeen, Miscounted, StockCounted, emit

INVENTORY = "FBA_INVENTORY_AVAILABILITY_CHANGES"


def queue_for(web, sqs, app_auth, seller_auth, kind=INVENTORY):
    """A fresh queue, a destination on it and the default seller subscribed: the queue's URL."""
    url, arn = new_queue(sqs, f"q-{uuid.uuid4().hex[:12]}")
    destination_id = create_destination(web, app_auth, arn)
    subscribe(web, seller_auth, destination_id, kind)
    return url


def test_a_notification_reaches_the_queue_within_two_seconds(web, handle, sqs, app_auth, seller_auth):
    url = queue_for(web, sqs, app_auth, seller_auth)
    started = time.monotonic()
    emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=7))
    (body,) = receive(sqs, url, 1, timeout=2.0)
    assert time.monotonic() - started < 2.0
    message = json.loads(body)
    assert message["NotificationType"] == INVENTORY
    assert (
        message["Payload"]["FulfillmentInventoryByMarketplace"][0]["FulfillmentInventory"]["Fulfillable"] == 7
    )
    assert handle.app.notifications.schemas.problems(KINDS[INVENTORY], message) == []
    entry = handle.wait_for_notification(INVENTORY, status="delivered")
    assert entry["notification"] == message
    assert entry["attempts"] == 1


def test_a_missing_queue_is_refused_at_creation(web, app_auth):
    arn = "arn:aws:sqs:us-east-1:123456789012:no-such-queue"
    refused = web.post(
        "/notifications/v1/destinations",
        json={"name": "x", "resourceSpecification": {"sqs": {"arn": arn}}},
        headers=app_auth,
    )
    assert refused.status_code == 403
    assert "no-such-queue" in refused.json()["errors"][0]["details"]


def partner_bus(events, source):
    """The integrator's partner event bus for the emulator's event source. moto resolves a bus name
    in PutRule and PutEvents by its last `/` segment, so a bus of that name stands in beside it."""
    known = {b["Name"] for b in events.list_event_buses()["EventBuses"]}
    for name, origin in ((source, {"EventSourceName": source}), (source.rsplit("/", 1)[1], {})):
        if name not in known:
            events.create_event_bus(Name=name, **origin)


def test_eventbridge_delivers_through_a_rule_to_a_queue(web, handle, sqs, moto_url, app_auth, seller_auth):
    account = "123456789012"
    spec = {"eventBridge": {"region": "us-east-1", "accountId": account}}
    created = web.post(
        "/notifications/v1/destinations",
        json={"name": "bus", "resourceSpecification": spec},
        headers=app_auth,
    )
    assert created.status_code == 200, created.text
    source = created.json()["payload"]["resource"]["eventBridge"]["name"]
    events = aws("events", moto_url)
    partner_bus(events, source)
    url, arn = new_queue(sqs, f"eb-{uuid.uuid4().hex[:12]}")
    rule = f"r-{uuid.uuid4().hex[:8]}"
    pattern = {
        "source": [{"prefix": "aws.partner/sellingpartnerapi.amazon.com"}],
        "detail-type": ["LISTINGS_ITEM_STATUS_CHANGE"],
    }
    events.put_rule(Name=rule, EventBusName=source, EventPattern=json.dumps(pattern))
    events.put_targets(Rule=rule, EventBusName=source, Targets=[{"Id": "q", "Arn": arn}])
    subscribe(web, seller_auth, created.json()["payload"]["destinationId"], "LISTINGS_ITEM_STATUS_CHANGE")
    emit(handle.runtime, ListingSeen(sku="MUG-1"))
    (body,) = receive(sqs, url, 1, timeout=3.0)
    event = json.loads(body)
    assert event["source"] == source
    assert event["detail-type"] == "LISTINGS_ITEM_STATUS_CHANGE"
    assert event["detail"]["Payload"]["Sku"] == "MUG-1"
    assert event["detail"]["NotificationType"] == "LISTINGS_ITEM_STATUS_CHANGE"


def test_an_endpoint_that_keeps_failing_leaves_a_dead_letter_and_never_slows_requests(
    web, handle, sqs, app_auth, seller_auth
):
    url = queue_for(web, sqs, app_auth, seller_auth)
    sqs.delete_queue(QueueUrl=url)
    started = time.monotonic()
    emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=1))
    assert time.monotonic() - started < 0.2  # publishing only queues the message
    deadline = time.monotonic() + 10
    while not handle.notifications(INVENTORY, status="dead") and time.monotonic() < deadline:
        time.sleep(0.05)
    (dead,) = handle.notifications(INVENTORY, status="dead")
    assert dead["attempts"] == worker.ATTEMPTS
    assert dead["problems"]
    listed = web.get("/_emulator/notifications", params={"status": "dead"}).json()["notifications"]
    assert [n["notificationId"] for n in listed] == [dead["notificationId"]]


def test_duplicate_fault_sends_the_same_notification_id_twice(web, handle, sqs, app_auth, seller_auth):
    url = queue_for(web, sqs, app_auth, seller_auth)
    with handle.delivery_faults(duplicate=1):
        emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=1))
        bodies = receive(sqs, url, 2)
    ids = [json.loads(b)["NotificationMetadata"]["NotificationId"] for b in bodies]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_drop_fault_keeps_the_notification_in_the_outbox_only(web, handle, sqs, app_auth, seller_auth):
    url = queue_for(web, sqs, app_auth, seller_auth)
    response = web.put("/_emulator/notifications/faults", json={"drop": 1})
    assert response.status_code == 200
    emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=1))
    assert receive(sqs, url, 1, timeout=0.5) == []
    assert [n["status"] for n in handle.notifications(INVENTORY)] == ["dropped"]
    assert web.delete("/_emulator/notifications/faults").status_code == 204


def test_reorder_and_delay_faults(web, handle, sqs, app_auth, seller_auth):
    url = queue_for(web, sqs, app_auth, seller_auth)
    with handle.delivery_faults(reorder=1, notificationTypes=[INVENTORY]):
        emit(handle.runtime, StockCounted(sku="FIRST", fulfillable=1))
    emit(handle.runtime, StockCounted(sku="SECOND", fulfillable=2))
    bodies = receive(sqs, url, 2)
    assert [json.loads(b)["Payload"]["SKU"] for b in bodies] == ["SECOND", "FIRST"]
    with handle.delivery_faults(delayMs=400):
        started = time.monotonic()
        emit(handle.runtime, StockCounted(sku="LATE", fulfillable=3))
        assert receive(sqs, url, 1)
        assert time.monotonic() - started >= 0.4


def test_without_a_subscription_nothing_is_built_or_published(handle):
    emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=1))
    emit(handle.runtime, Miscounted(sku="MUG-1"))  # its broken payload is never even built
    assert handle.notifications() == []
    assert handle.violations() == []


def test_a_notification_that_breaks_its_schema_is_never_sent(web, handle, sqs, app_auth, seller_auth):
    url = queue_for(web, sqs, app_auth, seller_auth)
    emit(handle.runtime, Miscounted(sku="MUG-1"))
    (entry,) = handle.notifications(INVENTORY)
    assert entry["status"] == "invalid"
    assert any("SKU" in problem for problem in entry["problems"])
    assert receive(sqs, url, 1, timeout=0.5) == []
    (violation,) = handle.app.edge.violations.take()
    assert "breaks its schema" in violation.problems[0]


def test_waiting_for_a_notification_that_never_comes_lists_what_arrived(
    web, handle, sqs, app_auth, seller_auth
):
    queue_for(web, sqs, app_auth, seller_auth)
    emit(handle.runtime, StockCounted(sku="MUG-1", fulfillable=1))
    with pytest.raises(AssertionError, match=r"1 arrived:\n.*MUG-1"):
        handle.wait_for_notification(INVENTORY, lambda n: n["Payload"]["SKU"] == "OTHER", timeout=0.2)
