"""A searchListingsItems date filter the model's date-time format allows but no instant has (a leap
second) is a 400 naming that filter and its value."""

from __future__ import annotations

import pytest

LEAP_SECOND = "2026-06-30T23:59:60Z"


@pytest.mark.parametrize("name", ["createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore"])
def test_a_leap_second_is_refused_by_name(listings, name):
    response = listings.search(**{name: LEAP_SECOND})
    assert response.status_code == 400, response.text
    assert response.json()["errors"] == [
        {
            "code": "BAD_REQUEST",
            "message": f"{name} is not a valid ISO 8601 date-time.",
            "details": f"{name}={LEAP_SECOND}",
        }
    ]
