"""What is written once and used everywhere: SP-API errors, the instant parser, the clock's bounds,
settings read from the environment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from emulator.context import parse_instant
from emulator.edge.faults import Effect, FaultSpecError
from emulator.errors import (
    STANDARD,
    InvalidInput,
    QuotaExceeded,
    ServiceUnavailable,
    SpApiError,
    error_for,
)
from emulator.settings import Settings
from emulator.state import Clock
from emulator.state.clock import LATEST, MAX_SPEED, iso, reachable


def test_a_standard_status_always_answers_with_its_class():
    for status, kind in STANDARD.items():
        error = error_for(status)
        assert type(error) is kind and error.status == status
    assert (
        error_for(429).headers == QuotaExceeded().headers == {"x-amzn-ErrorType": "TooManyRequestsException"}
    )
    assert error_for(400).headers == {"x-amzn-ErrorType": "ValidationException"}
    assert error_for(503).headers == ServiceUnavailable().headers == {}


def test_overrides_keep_the_status_class_and_other_statuses_need_code_and_message():
    error = error_for(503, "Down for lunch.", "try later", code="Lunch")
    assert isinstance(error, ServiceUnavailable) and error.as_error() == {
        "code": "Lunch",
        "message": "Down for lunch.",
        "details": "try later",
    }
    custom = error_for(502, "Upstream failed.", code="BadGateway")
    assert type(custom) is SpApiError and (custom.status, custom.code) == (502, "BadGateway")
    assert (
        Effect.parse({"type": "error", "status": 502, "code": "BadGateway", "message": "x"}).error().status
        == 502
    )
    with pytest.raises(FaultSpecError, match="give `code` and `message`"):
        Effect.parse({"type": "error", "status": 502, "code": "BadGateway"})


def test_parse_instant_names_the_parameter():
    assert (
        parse_instant("2026-01-02T03:04:05Z", "since")
        == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC).timestamp()
    )
    with pytest.raises(InvalidInput) as caught:
        parse_instant("yesterday", "updatedAfter")
    assert caught.value.as_error() == {
        "code": "InvalidInput",
        "message": "updatedAfter is not a valid ISO 8601 date-time.",
        "details": "updatedAfter=yesterday",
    }
    with pytest.raises(InvalidInput) as caught:
        parse_instant("soon", "startDateTime", "This is an invalid input", "bad date")
    assert (caught.value.message, caught.value.details) == ("This is an invalid input", "bad date")


def test_the_clock_stays_within_its_span_and_speed():
    clock = Clock(datetime(2026, 1, 1, tzinfo=UTC), speed=0.0)
    with pytest.raises(ValueError, match="between 1970"):
        clock.set(datetime(1969, 12, 31, tzinfo=UTC))
    with pytest.raises(ValueError, match="span"):
        clock.advance(LATEST)
    for speed in (0.0, -1.0, MAX_SPEED * 2):
        with pytest.raises(ValueError, match="speed"):
            clock.run(speed)
    assert iso(clock.now()) == "2026-01-01T00:00:00.000Z"  # refused moves changed nothing
    for start, speed in ((datetime(1960, 1, 1, tzinfo=UTC), 1.0), (None, -1.0), (None, MAX_SPEED * 2)):
        with pytest.raises(ValueError, match="a clock starts"):
            Clock(start, speed)
    clock.run(MAX_SPEED)
    assert reachable("2026-01-01T00:00:00Z") == datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    for text in ("1969-12-31T23:59:59Z", "9999-01-01T00:00:00Z", "noon"):
        with pytest.raises(ValueError, match="between 1970 and the year 8000"):
            reachable(text)


def test_iso_takes_datetimes_and_posix_seconds():
    assert iso(0.0) == iso(datetime(1970, 1, 1, tzinfo=UTC)) == "1970-01-01T00:00:00.000Z"


def test_event_retention_comes_from_the_environment_and_must_be_positive(monkeypatch):
    monkeypatch.setenv("MCF_EMULATOR_EVENT_RETENTION", "25")
    assert Settings.from_env().event_retention == 25
    assert Settings.from_env(event_retention=7).event_retention == 7
    with pytest.raises(ValueError, match="event retention"):
        Settings(event_retention=0)


def test_the_production_profile_changes_defaults_but_explicit_choices_win(monkeypatch):
    from emulator.settings import Settings

    strict = Settings.from_env(profile="production")
    assert (strict.auth_mode, strict.rate_limits) == ("strict", "enforce")
    assert Settings.from_env(profile="production", rate_limits="report").rate_limits == "report"
    monkeypatch.setenv("MCF_EMULATOR_PROFILE", "production")
    monkeypatch.setenv("MCF_EMULATOR_AUTH", "permissive")
    mixed = Settings.from_env()
    assert (mixed.profile, mixed.auth_mode, mixed.rate_limits) == ("production", "permissive", "enforce")
    assert Settings().profile == "default" and Settings().auth_mode == "permissive"
