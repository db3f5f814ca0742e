"""Reading a createReport or createReportSchedule body, with SP-API's 400 naming what is wrong."""

from __future__ import annotations

from typing import Any

from emulator.apis.inventory import marketplaces
from emulator.apis.reports.kinds import KINDS
from emulator.apis.reports.known_types import DOCUMENTED
from emulator.apis.reports.lifecycle import Request
from emulator.context import parse_instant
from emulator.errors import InvalidInput
from emulator.state.clock import in_span


def instant(text: str, name: str) -> float:
    """POSIX seconds of a date-time the client sent as `name` (within the clock's span), or a 400."""
    at = parse_instant(text, name)
    if not in_span(at):
        raise InvalidInput(f"{name} is out of range.", f"{name}={text}")
    return at


def report_type(value: str, name: str = "reportType") -> str:
    """A report type Amazon documents, or a 400 naming it."""
    if value not in DOCUMENTED:
        raise InvalidInput(f"Invalid {name}: {value[:100]!r} is not a report type.", f"{name}={value[:100]}")
    return value


def _options(kind_name: str, given: dict[str, str]) -> dict[str, str]:
    """The report options, each known option of the type with one of its values."""
    kind = KINDS.get(kind_name)
    allowed = kind.options if kind is not None else {}
    for name, value in given.items():
        choices = allowed.get(name)
        if choices is not None and value not in choices:
            raise InvalidInput(
                f"Invalid reportOptions.{name}: {value!r} is not one of {', '.join(choices)}.",
                f"reportOptions.{name}={value[:100]}",
            )
    return dict(given)


def read(body: dict[str, Any]) -> Request:
    """The request a createReport or createReportSchedule body makes (any known marketplace: reports
    may span a region's marketplaces, as Amazon's own sandbox example does)."""
    name = report_type(body["reportType"])
    chosen = tuple(dict.fromkeys(body["marketplaceIds"]))
    for marketplace_id in chosen:
        marketplaces.require(marketplace_id, (), "marketplaceIds")
    start = body.get("dataStartTime")
    end = body.get("dataEndTime")
    request = Request(
        report_type=name,
        marketplace_ids=chosen,
        options=_options(name, body.get("reportOptions") or {}),
        start=instant(start, "dataStartTime") if start is not None else None,
        end=instant(end, "dataEndTime") if end is not None else None,
    )
    if request.start is not None and request.end is not None and request.start > request.end:
        raise InvalidInput("dataStartTime must not be after dataEndTime.", f"dataStartTime={start}")
    return request
