"""REPORT_PROCESSING_FINISHED reaches a subscribed seller's SQS queue when a report finishes."""

from __future__ import annotations

import json
import uuid

from emulator.apis.notifications.kinds import KINDS
from tests.api.notifications.conftest import create_destination
from tests.notifications.moto_server import new_queue, receive

KIND = "REPORT_PROCESSING_FINISHED"
REPORTS = "/reports/2021-06-30"


def test_a_finished_report_is_notified_with_its_document(web, handle, sqs, app_auth, seller_auth):
    url, arn = new_queue(sqs, f"q-{uuid.uuid4().hex[:12]}")
    destination_id = create_destination(web, app_auth, arn)
    body = {"payloadVersion": "2020-09-04", "destinationId": destination_id}
    subscribed = web.post(f"/notifications/v1/subscriptions/{KIND}", json=body, headers=seller_auth)
    assert subscribed.status_code == 200, subscribed.text
    request = {"reportType": "GET_MERCHANT_LISTINGS_ALL_DATA", "marketplaceIds": ["ATVPDKIKX0DER"]}
    created = web.post(f"{REPORTS}/reports", json=request, headers=seller_auth)
    assert created.status_code == 202, created.text
    report_id = created.json()["reportId"]
    handle.runtime.clock.advance(600)
    report = web.get(f"{REPORTS}/reports/{report_id}", headers=seller_auth).json()  # settles the clock
    (sent,) = receive(sqs, url, 1, timeout=5.0)
    message = json.loads(sent)
    assert message["notificationType"] == KIND and message["payloadVersion"] == "2020-09-04"
    assert message["payload"]["reportProcessingFinishedNotification"] == {
        "sellerId": "A1MCFEMULATOR1",
        "accountId": "amzn1.merchant.o.A1MCFEMULATOR1",
        "reportId": report_id,
        "reportType": "GET_MERCHANT_LISTINGS_ALL_DATA",
        "processingStatus": "FATAL",
        "reportDocumentId": report["reportDocumentId"],
    }
    assert handle.app.notifications.schemas.problems(KINDS[KIND], message) == []
