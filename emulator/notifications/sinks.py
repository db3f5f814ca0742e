"""Real endpoints: SQS queues and EventBridge partner event sources, through boto3.

`--sqs-endpoint` / `--eventbridge-endpoint` name any SQS- or EventBridge-compatible server (moto,
LocalStack, ...). The queue is the one the destination's ARN names (region, account, queue name);
EventBridge notifications are `PutEvents` on the partner event bus named after the partner event
source, with that source and the notification type as `detail-type` (reference §11.4). Credentials
come from boto3's usual chain, else placeholders (local servers accept any).
"""

from __future__ import annotations

import importlib.util
import threading
from typing import Any

from emulator.apis.notifications.records import Destination, EventBridgeTarget, SqsTarget
from emulator.errors import EmulatorError

TIMEOUTS = {"connect_timeout": 2, "read_timeout": 5, "retries": {"total_max_attempts": 1}}


class SinkError(Exception):
    """The endpoint refused or could not be reached (the message says what it answered)."""


class AwsSinks:
    """Clients for the configured endpoints, made on first use and shared by every delivery thread."""

    def __init__(self, sqs_endpoint: str | None, eventbridge_endpoint: str | None) -> None:
        if (sqs_endpoint or eventbridge_endpoint) and importlib.util.find_spec("boto3") is None:
            raise EmulatorError(
                "--sqs-endpoint and --eventbridge-endpoint deliver with boto3: pip install boto3 "
                "(or the package's `aws` extra)"
            )
        self.endpoints = {"sqs": sqs_endpoint, "eventBridge": eventbridge_endpoint}
        self._clients: dict[tuple[str, str], Any] = {}
        self._queue_urls: dict[str, str] = {}
        self._lock = threading.Lock()

    def serves(self, destination: Destination) -> bool:
        """Whether an endpoint is configured for the destination's transport."""
        return self.endpoints[destination.transport] is not None

    def problem(self, destination: Destination) -> str | None:
        """Why Amazon could not write to the destination (None: it can, or no endpoint is configured)."""
        if not self.serves(destination):
            return None
        try:
            if destination.sqs is not None:
                self._queue_url(destination.sqs)
            elif destination.event_bridge is not None:
                self._create_source(destination.event_bridge)
        except SinkError as error:
            where = (
                destination.sqs.arn
                if destination.sqs
                else destination.wire()["resource"]["eventBridge"]["name"]
            )
            return f"cannot write to {where}: {error}"
        return None

    def send(self, destination: Destination, notification_type: str, body: str) -> None:
        """Deliver one notification; SinkError when the endpoint does not take it."""
        if destination.sqs is not None:
            url = self._queue_url(destination.sqs)
            self._call("sqs", destination.sqs.parts[0], "send_message", QueueUrl=url, MessageBody=body)
        elif destination.event_bridge is not None:
            target = destination.event_bridge
            entry = {"Source": target.name, "DetailType": notification_type, "Detail": body}
            answer = self._call(
                "events", target.region, "put_events", Entries=[entry | {"EventBusName": target.name}]
            )
            if answer.get("FailedEntryCount"):
                raise SinkError(f"PutEvents refused the event: {answer.get('Entries')}")

    def _queue_url(self, queue: SqsTarget) -> str:
        found = self._queue_urls.get(queue.arn)
        if found is None:
            region, account, name = queue.parts
            answer = self._call(
                "sqs", region, "get_queue_url", QueueName=name, QueueOwnerAWSAccountId=account
            )
            found = self._queue_urls[queue.arn] = answer["QueueUrl"]
        return found

    def _create_source(self, target: EventBridgeTarget) -> None:
        try:
            self._call(
                "events",
                target.region,
                "create_partner_event_source",
                Name=target.name,
                Account=target.account_id,
            )
        except SinkError as error:
            if "AlreadyExists" not in str(error):
                raise

    def _call(self, service: str, region: str, method: str, **arguments: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self._client(service, region), method)(**arguments)
        except (BotoCoreError, ClientError) as error:
            raise SinkError(f"{service} {method} at {self._endpoint(service)}: {error}") from None

    def _endpoint(self, service: str) -> str | None:
        return self.endpoints["sqs" if service == "sqs" else "eventBridge"]

    def _client(self, service: str, region: str) -> Any:
        with self._lock:
            found = self._clients.get((service, region))
            if found is None:
                import boto3
                from botocore.config import Config

                session = boto3.session.Session()
                keys = (
                    {}
                    if session.get_credentials()
                    else {"aws_access_key_id": "mcf-emulator", "aws_secret_access_key": "mcf-emulator"}
                )
                found = self._clients[(service, region)] = session.client(
                    service,
                    region_name=region,
                    endpoint_url=self._endpoint(service),
                    config=Config(**TIMEOUTS),
                    **keys,
                )
            return found
