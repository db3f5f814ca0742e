"""Destinations and subscriptions are state: in snapshots and in SQLite. The outbox is not."""

from __future__ import annotations

from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.settings import Settings
from tests.api.notifications.conftest import create_destination, grantless_headers, subscribe
from tests.conftest import BASE_URL, issue_token

SUBSCRIPTION = "/notifications/v1/subscriptions/FULFILLMENT_ORDER_STATUS"


def test_snapshots_keep_destinations_and_subscriptions(client, app, app_headers, seller_headers):
    destination_id = create_destination(client, app_headers)
    subscription_id = subscribe(client, seller_headers, destination_id)
    snapshot = app.control.snapshot()
    app.control.reset()
    assert client.get(SUBSCRIPTION, headers=seller_headers).status_code == 404
    assert client.get("/notifications/v1/destinations", headers=app_headers).json()["payload"] == []
    app.control.restore(snapshot)
    seller_headers = {"x-amz-access-token": issue_token(client)}
    assert (
        client.get(SUBSCRIPTION, headers=seller_headers).json()["payload"]["subscriptionId"]
        == subscription_id
    )
    app_headers = grantless_headers(client)
    listed = client.get("/notifications/v1/destinations", headers=app_headers).json()["payload"]
    assert [d["destinationId"] for d in listed] == [destination_id]


def test_resetting_one_seller_keeps_the_applications_destinations(client, app, app_headers, seller_headers):
    destination_id = create_destination(client, app_headers)
    subscribe(client, seller_headers, destination_id)
    app.control.reset("A1MCFEMULATOR1")
    seller_headers = {"x-amz-access-token": issue_token(client)}
    assert client.get(SUBSCRIPTION, headers=seller_headers).status_code == 404
    app_headers = grantless_headers(client)
    assert (
        client.get(f"/notifications/v1/destinations/{destination_id}", headers=app_headers).status_code == 200
    )


def test_sqlite_state_keeps_them_across_a_restart(catalog, tmp_path):
    settings = Settings(strict_responses=True, seed=5, state=f"sqlite:{tmp_path / 'world.db'}")
    with TestClient(create_app(settings, catalog), base_url=BASE_URL) as first:
        destination_id = create_destination(first, grantless_headers(first))
        subscription_id = subscribe(first, {"x-amz-access-token": issue_token(first)}, destination_id)
    with TestClient(create_app(settings, catalog), base_url=BASE_URL) as second:
        got = second.get(SUBSCRIPTION, headers={"x-amz-access-token": issue_token(second)}).json()["payload"]
        assert got == {
            "subscriptionId": subscription_id,
            "payloadVersion": "1.0",
            "destinationId": destination_id,
        }
