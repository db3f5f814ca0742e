"""Notifications tests: grantless tokens, and destinations and subscriptions made over HTTP."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from emulator.lwa.accounts import DEFAULTS

NOTIFICATIONS_SCOPE = "sellingpartnerapi::notifications"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:mcf-notifications"


def grantless_headers(
    client: TestClient, client_id: str = DEFAULTS.client_id, secret: str = "s"
) -> dict[str, str]:
    """Headers of a grantless call: a client_credentials token with the notifications scope."""
    response = client.post(
        "/auth/o2/token",
        data={
            "grant_type": "client_credentials",
            "scope": NOTIFICATIONS_SCOPE,
            "client_id": client_id,
            "client_secret": DEFAULTS.client_secret if client_id == DEFAULTS.client_id else secret,
        },
    )
    assert response.status_code == 200, response.text
    return {"x-amz-access-token": response.json()["access_token"]}


@pytest.fixture
def app_headers(client: TestClient) -> dict[str, str]:
    return grantless_headers(client)


def create_destination(client: TestClient, headers: dict[str, str], arn: str = QUEUE_ARN) -> str:
    body = {"name": "shop", "resourceSpecification": {"sqs": {"arn": arn}}}
    response = client.post("/notifications/v1/destinations", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return str(response.json()["payload"]["destinationId"])


def subscribe(
    client: TestClient, headers: dict[str, str], destination_id: str, kind: str = "FULFILLMENT_ORDER_STATUS"
) -> str:
    body = {"payloadVersion": "1.0", "destinationId": destination_id}
    response = client.post(f"/notifications/v1/subscriptions/{kind}", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return str(response.json()["payload"]["subscriptionId"])


@pytest.fixture
def destination_id(client: TestClient, app_headers: dict[str, str]) -> str:
    return create_destination(client, app_headers)
