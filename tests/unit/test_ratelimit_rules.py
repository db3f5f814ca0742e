"""The rate limiter's own checks, below the control API's schema (the Python API reaches them directly)."""

from __future__ import annotations

import pytest

from emulator.catalog.operation import UsagePlan
from emulator.edge.ratelimit import RateLimiter, parse_plan


@pytest.mark.parametrize(
    "plan",
    [{"rate": 0, "burst": 1}, {"rate": -1, "burst": 1}, {"rate": 1, "burst": 0}, {"rate": 0, "burst": 0}],
)
def test_an_override_needs_a_positive_rate_and_a_burst(plan):
    with pytest.raises(ValueError, match="override for getFeatures: rate must be > 0 and burst >= 1"):
        parse_plan("getFeatures", plan)


def test_a_valid_override_is_kept():
    assert parse_plan("getFeatures", {"rate": 0.5, "burst": 2}) == UsagePlan(rate=0.5, burst=2)


def test_configure_names_the_bad_mode_and_the_bad_override():
    limiter = RateLimiter()
    with pytest.raises(ValueError, match="rate-limit mode must be one of .* not 'panic'"):
        limiter.configure(mode="panic")
    with pytest.raises(ValueError, match="override for getFeatures needs a numeric rate and burst"):
        limiter.configure(overrides={"getFeatures": {"rate": "fast"}})
    assert limiter.mode == "report" and limiter.overrides == {}
