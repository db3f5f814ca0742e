"""getReports: the filters, their defaults (created in the last 90 days, up to now) and `nextToken` pages.

Reports are listed newest first and kept 90 days. A `nextToken` stands for the query that issued it and
the place where the next page starts; sent with any other parameter, or unknown, it is a 400.
"""

from __future__ import annotations

from typing import Any

import msgspec

from emulator.apis.reports import lifecycle
from emulator.apis.reports.kinds import DAY
from emulator.apis.reports.records import PAGES, REPORTS, Report, ReportQuery
from emulator.apis.reports.requests import instant, report_type
from emulator.errors import InvalidInput
from emulator.state import IdFactory, TenantState

RETENTION = 90 * DAY
DEFAULT_PAGE = 10
QUERY_PARAMETERS = (
    "reportTypes",
    "processingStatuses",
    "marketplaceIds",
    "pageSize",
    "createdSince",
    "createdUntil",
)


def _query(params: dict[str, Any], now: float) -> ReportQuery:
    """The selection of a first call (no nextToken)."""
    if not params.get("reportTypes"):
        raise InvalidInput("Either reportTypes or nextToken is required.", "reportTypes")
    since_text, until_text = params.get("createdSince"), params.get("createdUntil")
    since = instant(since_text, "createdSince") if since_text else now - RETENTION
    until = instant(until_text, "createdUntil") if until_text else now
    if since > until:
        raise InvalidInput("createdSince must not be after createdUntil.", f"createdSince={since_text}")
    return ReportQuery(
        report_types=tuple(report_type(t, "reportTypes") for t in params["reportTypes"]),
        statuses=tuple(params.get("processingStatuses") or ()),
        marketplace_ids=tuple(params.get("marketplaceIds") or ()),
        since=since,
        until=until,
        page_size=int(params.get("pageSize") or DEFAULT_PAGE),
        offset=0,
    )


def _resumed(tenant: TenantState, params: dict[str, Any]) -> ReportQuery:
    """The query a nextToken continues; no other parameter may come with it."""
    token = str(params["nextToken"])
    extra = [name for name in QUERY_PARAMETERS if params.get(name) is not None]
    if extra:
        raise InvalidInput(
            f"nextToken cannot be used with other query parameters ({', '.join(extra)}).", "nextToken"
        )
    found = tenant.table(PAGES).get(token)
    if found is None:
        raise InvalidInput("The nextToken is not valid.", f"nextToken={token[:100]}")
    return found


def _matches(tenant: TenantState, report: Report, query: ReportQuery, now: float) -> bool:
    if report.report_type not in query.report_types or not query.since <= report.created_at <= query.until:
        return False
    if query.marketplace_ids and not set(report.marketplace_ids) & set(query.marketplace_ids):
        return False
    return not query.statuses or lifecycle.job_of(tenant, report).status_at(now) in query.statuses


def page(
    tenant: TenantState, ids: IdFactory, params: dict[str, Any], now: float
) -> tuple[list[Report], str | None]:
    """One page of the seller's reports and the token of the next page (None on the last)."""
    query = _resumed(tenant, params) if params.get("nextToken") is not None else _query(params, now)
    kept = (r for r in tenant.table(REPORTS).values() if now - r.created_at <= RETENTION)
    chosen = sorted(
        (r for r in kept if _matches(tenant, r, query, now)),
        key=lambda r: (r.created_at, r.report_id),
        reverse=True,
    )
    end = query.offset + query.page_size
    if end >= len(chosen):
        return chosen[query.offset :], None
    token = ids.alnum(48)
    tenant.table(PAGES).put(token, msgspec.structs.replace(query, offset=end))
    return chosen[query.offset : end], token
