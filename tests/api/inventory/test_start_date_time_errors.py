"""getInventorySummaries' startDateTime: the exact 400 of a malformed value and the 18-month bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from emulator.state.clock import iso
from tests.api.outbound.support import INVENTORY, US

QUERY = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}


def summaries(mcf, start: str):
    return mcf.call("GET", f"{INVENTORY}/summaries", params={**QUERY, "startDateTime": start})


def test_a_date_time_no_calendar_holds_gets_amazons_envelope(mcf):
    response = summaries(mcf, "0000-01-01T00:00:00Z")  # well-formed, so it passes the model: year 0
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "code": "InvalidInput",
                "message": "This is an invalid input",
                "details": "Query parameter [startDateTime] value is not a valid ISO date-time object.",
            }
        ]
    }


def test_the_18_month_bound_admits_its_first_instant_and_names_an_earlier_one(mcf):
    mcf.runtime.clock.freeze()
    mcf.runtime.clock.set(datetime(2026, 6, 1, 12, tzinfo=UTC))
    mcf.advance(0)  # a token issued at the frozen instant
    mcf.stock("MUG-1", 1)
    bound = mcf.runtime.clock.now() - timedelta(days=548)
    admitted = summaries(mcf, iso(bound))
    assert admitted.status_code == 200, admitted.text
    assert [s["sellerSku"] for s in admitted.json()["payload"]["inventorySummaries"]] == ["MUG-1"]
    too_old = iso(bound - timedelta(milliseconds=1))
    refused = summaries(mcf, too_old)
    assert refused.status_code == 400
    assert refused.json()["errors"] == [
        {
            "code": "InvalidInput",
            "message": "Query startDateTime cannot not be earlier than 18 months",
            "details": f"startDateTime={too_old}",
        }
    ]
