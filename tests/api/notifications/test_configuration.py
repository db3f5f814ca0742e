"""The delivery endpoints: settings from the environment and the serve flags."""

from __future__ import annotations

import pytest

from emulator.apis.notifications.records import Destination, SqsTarget
from emulator.notifications.sinks import AwsSinks
from emulator.settings import Settings


def test_endpoints_come_from_the_environment_or_the_flags(monkeypatch):
    monkeypatch.setenv("MCF_EMULATOR_SQS_ENDPOINT", "http://127.0.0.1:4566")
    monkeypatch.setenv("MCF_EMULATOR_EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:4567")
    settings = Settings.from_env()
    assert (settings.sqs_endpoint, settings.eventbridge_endpoint) == (
        "http://127.0.0.1:4566",
        "http://127.0.0.1:4567",
    )
    assert Settings.from_env(sqs_endpoint="http://elsewhere:9324").sqs_endpoint == "http://elsewhere:9324"


def test_without_an_endpoint_destinations_are_accepted_and_nothing_is_sent():
    sinks = AwsSinks(None, None)
    queue = Destination(
        destination_id="d", application_id="a", name="n", sqs=SqsTarget(arn="arn:aws:sqs:us-east-1:1:q")
    )
    assert not sinks.serves(queue)
    assert sinks.problem(queue) is None


def test_serve_offers_both_endpoint_flags(capsys):
    from emulator.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    shown = capsys.readouterr().out
    assert "--sqs-endpoint URL" in shown and "--eventbridge-endpoint URL" in shown
