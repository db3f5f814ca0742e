"""A real moto server process (SQS and EventBridge) on a free loopback port, and boto3 clients on it.

Outside CI a missing `moto[server]` skips the tests that need it; in CI (`CI` set) it is an error,
since the test extra installs it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.processes import free_port, running

REGION = "us-east-1"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": REGION}


def require_moto() -> None:
    missing = [m for m in ("moto", "boto3", "flask") if importlib.util.find_spec(m) is None]
    if missing:
        message = f"moto[server] and boto3 are needed (missing: {missing}); install the test extra"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def moto_server() -> Iterator[str]:
    """The URL of a fresh moto server process, stopped afterwards."""
    require_moto()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], f"{url}/moto-api/"
    ):
        yield url


def aws(service: str, endpoint: str) -> Any:
    """A boto3 client of `service` on the moto server, as an integrator's consumer would make it."""
    import boto3

    return boto3.client(service, endpoint_url=endpoint, **KEYS)


def new_queue(sqs: Any, name: str) -> tuple[str, str]:
    """Create a queue: (its URL, its ARN)."""
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn


def receive(sqs: Any, url: str, count: int, timeout: float = 5.0) -> list[str]:
    """Message bodies from the queue until `count` arrived or `timeout` passed (deleted once read)."""
    bodies: list[str] = []
    deadline = time.monotonic() + timeout
    while len(bodies) < count and time.monotonic() < deadline:
        answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
        for message in answer.get("Messages", []):
            bodies.append(message["Body"])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        if len(bodies) < count:
            time.sleep(0.05)
    return bodies
