"""The 10 Notifications v1 operations over HTTP: destinations, subscriptions, grantless rules, errors."""

from __future__ import annotations

import pytest

from emulator.lwa.accounts import DEFAULTS
from emulator.notifications.outbox import OutboxQuery
from tests.api.notifications.conftest import QUEUE_ARN, create_destination, grantless_headers, subscribe

DESTINATIONS = "/notifications/v1/destinations"
SUBSCRIPTIONS = "/notifications/v1/subscriptions"


def only_error(response):
    errors = response.json()["errors"]
    assert len(errors) == 1
    return errors[0]


def test_destinations_are_created_listed_read_and_deleted(client, runtime, app_headers):
    sqs = create_destination(client, app_headers)
    spec = {"eventBridge": {"region": "us-east-1", "accountId": "123456789012"}}
    created = client.post(
        DESTINATIONS, json={"name": "bus", "resourceSpecification": spec}, headers=app_headers
    )
    application_id = runtime.accounts.application(DEFAULTS.client_id).application_id
    source = f"aws.partner/sellingpartnerapi.amazon.com/123456789012/{application_id}"
    assert created.json()["payload"]["resource"]["eventBridge"] == spec["eventBridge"] | {"name": source}
    created = created.json()["payload"]
    listed = client.get(DESTINATIONS, headers=app_headers).json()["payload"]
    assert [d["destinationId"] for d in listed] == [sqs, created["destinationId"]]
    one = client.get(f"{DESTINATIONS}/{sqs}", headers=app_headers).json()["payload"]
    assert one == {"destinationId": sqs, "name": "shop", "resource": {"sqs": {"arn": QUEUE_ARN}}}
    assert client.delete(f"{DESTINATIONS}/{sqs}", headers=app_headers).json() == {}
    gone = client.get(f"{DESTINATIONS}/{sqs}", headers=app_headers)
    assert gone.status_code == 404
    assert sqs in only_error(gone)["details"]


@pytest.mark.parametrize(
    ("spec", "status", "detail"),
    [
        ({}, 400, "resourceSpecification"),
        (
            {"sqs": {"arn": QUEUE_ARN}, "eventBridge": {"region": "us-east-1", "accountId": "1"}},
            400,
            "one resource",
        ),
        ({"sqs": {"arn": "arn:aws:sqs:us-east-1:123:queue:extra"}}, 400, "arn:aws:sqs:REGION"),
        ({"sqs": {"arn": "not-an-arn"}}, 400, "arn"),
        ({"eventBridge": {"region": " ", "accountId": "1"}}, 400, "eventBridge"),
    ],
)
def test_bad_destinations_get_a_4xx_envelope(client, app_headers, spec, status, detail):
    response = client.post(
        DESTINATIONS, json={"name": "x", "resourceSpecification": spec}, headers=app_headers
    )
    assert response.status_code == status
    assert detail in str(only_error(response))


def test_a_second_destination_for_one_queue_is_a_conflict(client, app_headers, destination_id):
    again = client.post(
        DESTINATIONS,
        json={"name": "again", "resourceSpecification": {"sqs": {"arn": QUEUE_ARN}}},
        headers=app_headers,
    )
    assert again.status_code == 409
    assert QUEUE_ARN in only_error(again)["details"]


def test_destination_and_subscription_by_id_calls_are_grantless(client, seller_headers, destination_id):
    for method, path in (
        ("GET", DESTINATIONS),
        ("GET", f"{DESTINATIONS}/{destination_id}"),
        ("DELETE", f"{DESTINATIONS}/{destination_id}"),
        ("GET", f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/some-id"),
        ("DELETE", f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/some-id"),
    ):
        refused = client.request(method, path, headers=seller_headers)
        assert refused.status_code == 403, (method, path)
        assert "client_credentials" in only_error(refused)["details"]


def test_subscriptions_need_a_sellers_token(client, app_headers, destination_id):
    body = {"payloadVersion": "1.0", "destinationId": destination_id}
    refused = client.post(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS", json=body, headers=app_headers)
    assert refused.status_code == 403
    assert "refresh_token" in only_error(refused)["details"]


def test_subscription_lifecycle_and_a_second_create_is_409(
    client, app_headers, seller_headers, destination_id
):
    subscription_id = subscribe(client, seller_headers, destination_id)
    body = {"payloadVersion": "1.0", "destinationId": destination_id}
    again = client.post(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS", json=body, headers=seller_headers)
    assert again.status_code == 409
    assert only_error(again)["code"] == "StateConflict"
    expected = {"subscriptionId": subscription_id, "payloadVersion": "1.0", "destinationId": destination_id}
    got = client.get(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS", headers=seller_headers).json()["payload"]
    assert got == expected
    by_id = client.get(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/{subscription_id}", headers=app_headers)
    assert by_id.json()["payload"] == expected
    page = client.get(
        SUBSCRIPTIONS, params={"notificationTypes": "FULFILLMENT_ORDER_STATUS"}, headers=seller_headers
    ).json()["payload"]
    assert page == {"subscriptions": [expected]}
    in_use = client.delete(f"{DESTINATIONS}/{destination_id}", headers=app_headers)
    assert in_use.status_code == 403
    assert subscription_id in only_error(in_use)["details"]
    deleted = client.delete(
        f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/{subscription_id}", headers=app_headers
    )
    assert deleted.status_code == 200
    missing = client.get(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS", headers=seller_headers)
    assert missing.status_code == 404
    assert client.delete(f"{DESTINATIONS}/{destination_id}", headers=app_headers).status_code == 200


def test_a_foreign_applications_subscription_is_not_found(client, runtime, seller_headers, destination_id):
    subscription_id = subscribe(client, seller_headers, destination_id)
    runtime.accounts.add_application("amzn1.application-oa2-client.other", "other-secret")
    other = grantless_headers(client, "amzn1.application-oa2-client.other", "other-secret")
    for method in ("GET", "DELETE"):
        response = client.request(
            method, f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/{subscription_id}", headers=other
        )
        assert response.status_code == 404
        assert subscription_id in only_error(response)["details"]
    assert client.get(f"{DESTINATIONS}/{destination_id}", headers=other).status_code == 404
    assert client.get(DESTINATIONS, headers=other).json()["payload"] == []


def test_a_deleted_destination_cannot_be_subscribed_to(client, app_headers, seller_headers, destination_id):
    client.delete(f"{DESTINATIONS}/{destination_id}", headers=app_headers)
    body = {"payloadVersion": "1.0", "destinationId": destination_id}
    refused = client.post(f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS", json=body, headers=seller_headers)
    assert refused.status_code == 400
    assert f"No destination with id {destination_id}" in only_error(refused)["details"]


@pytest.mark.parametrize(
    ("kind", "body", "detail"),
    [
        ("NO_SUCH_TYPE", {"payloadVersion": "1.0"}, "notificationType=NO_SUCH_TYPE"),
        (
            "ANY_OFFER_CHANGED",
            {
                "payloadVersion": "1.0",
                "processingDirective": {"eventFilter": {"eventFilterType": "ORDER_CHANGE"}},
            },
            "only eventFilterType ANY_OFFER_CHANGED",
        ),
        ("FULFILLMENT_ORDER_STATUS", {"payloadVersion": "2.0"}, "payloadVersion=2.0"),
        (
            "FULFILLMENT_ORDER_STATUS",
            {"payloadVersion": "1.0", "processingDirective": {"filterExpression": "true"}},
            "processingDirective",
        ),
        ("LISTINGS_ITEM_STATUS_CHANGE", {"payloadVersion": "1.0"}, "sqs destination"),
    ],
)
def test_bad_subscriptions_get_a_400_naming_the_problem(
    client, seller_headers, destination_id, kind, body, detail
):
    response = client.post(
        f"{SUBSCRIPTIONS}/{kind}", json=body | {"destinationId": destination_id}, headers=seller_headers
    )
    assert response.status_code == 400
    assert detail in only_error(response)["details"]


def test_subscriptions_page_and_reject_bad_tokens(client, seller_headers, destination_id):
    subscribe(client, seller_headers, destination_id)
    params = {"notificationTypes": "FULFILLMENT_ORDER_STATUS", "pageSize": 30, "nextToken": "garbage"}
    bad = client.get(SUBSCRIPTIONS, params=params, headers=seller_headers)
    assert bad.status_code == 400
    assert "nextToken" in only_error(bad)["details"]
    too_small = client.get(
        SUBSCRIPTIONS, params=params | {"pageSize": 5, "nextToken": ""}, headers=seller_headers
    )
    assert too_small.status_code == 400


def test_subscriptions_are_per_seller(client, seller_headers, other_seller_headers, destination_id):
    subscribe(client, seller_headers, destination_id)
    assert subscribe(client, other_seller_headers, destination_id)
    page = client.get(
        SUBSCRIPTIONS, params={"notificationTypes": "FULFILLMENT_ORDER_STATUS"}, headers=other_seller_headers
    )
    assert len(page.json()["payload"]["subscriptions"]) == 1


def test_send_test_notification_reaches_the_outbox(client, app, app_headers, destination_id):
    body = {
        "destinationId": destination_id,
        "testNotification": {"payloadVersion": "1.0", "testScenario": "order"},
    }
    sent = client.post(
        f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/testNotification", json=body, headers=app_headers
    )
    assert sent.status_code == 200, sent.text
    (entry,) = app.notifications.outbox.query(OutboxQuery())
    assert entry["status"] == "outbox"
    assert entry["notification"]["NotificationType"] == "FULFILLMENT_ORDER_STATUS"
    empty = client.post(
        f"{SUBSCRIPTIONS}/FULFILLMENT_ORDER_STATUS/testNotification",
        json=body | {"testNotification": {"payloadVersion": "1.0", "testScenario": ""}},
        headers=app_headers,
    )
    assert empty.status_code == 400


def test_an_event_filter_is_kept_where_the_type_takes_one(client, seller_headers, destination_id):
    directive = {
        "eventFilter": {
            "eventFilterType": "ANY_OFFER_CHANGED",
            "marketplaceIds": ["ATVPDKIKX0DER"],
            "aggregationSettings": {"aggregationTimePeriod": "FiveMinutes"},
        }
    }
    body = {"payloadVersion": "1.0", "destinationId": destination_id, "processingDirective": directive}
    created = client.post(f"{SUBSCRIPTIONS}/ANY_OFFER_CHANGED", json=body, headers=seller_headers)
    assert created.status_code == 200, created.text
    assert created.json()["payload"]["processingDirective"] == directive
    got = client.get(f"{SUBSCRIPTIONS}/ANY_OFFER_CHANGED", headers=seller_headers).json()["payload"]
    assert got["processingDirective"] == directive
