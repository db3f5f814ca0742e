"""Reports 2021-06-30 over HTTP: lifecycle, cancel rules, documents, schedules, pages, isolation, input."""

from __future__ import annotations

import gzip

from emulator.apis.reports.records import LEDGER
from emulator.apis.reports.schedules import CATCH_UP
from tests.api.outbound.support import US
from tests.api.reports.support import DONE_AFTER, REPORTS, Reports, parse

AFN = "GET_AFN_INVENTORY_DATA"
MYI = "GET_FBA_MYI_ALL_INVENTORY_DATA"


def test_a_report_walks_in_queue_in_progress_done_on_the_emulator_clock(reports: Reports) -> None:
    reports.mcf.stock("MUG", 5)
    report_id = reports.request(AFN)
    first = reports.get(report_id)
    assert first["processingStatus"] == "IN_QUEUE" and "processingStartTime" not in first
    reports.mcf.advance(31)
    assert reports.get(report_id)["processingStatus"] == "IN_PROGRESS"
    reports.mcf.advance(DONE_AFTER)
    done = reports.get(report_id)
    assert done["processingStatus"] == "DONE"
    assert done["processingStartTime"] <= done["processingEndTime"]
    _, content = reports.document(done)
    assert parse(content) == [
        {
            "seller-sku": "MUG",
            "fulfillment-channel-sku": parse(content)[0]["fulfillment-channel-sku"],
            "asin": parse(content)[0]["asin"],
            "condition-type": "NewItem",
            "Warehouse-Condition-code": "SELLABLE",
            "Quantity Available": "5",
        }
    ]


def test_nothing_to_report_and_an_identical_request_too_soon_end_cancelled(reports: Reports) -> None:
    assert reports.finished(AFN)["processingStatus"] == "CANCELLED"  # no stock at all
    reports.mcf.stock("MUG", 2)
    reports.mcf.advance(1800)
    first, again = reports.request(MYI), reports.request(MYI)
    reports.mcf.advance(DONE_AFTER)
    assert reports.get(first)["processingStatus"] == "DONE"
    assert reports.get(again)["processingStatus"] == "CANCELLED"
    assert "reportDocumentId" not in reports.get(again)
    reports.mcf.advance(1800)
    assert reports.finished(MYI)["processingStatus"] == "DONE"  # outside the 30-minute window


def test_a_type_the_emulator_does_not_generate_ends_fatal_with_an_error_document(reports: Reports) -> None:
    report = reports.finished("GET_MERCHANT_LISTINGS_ALL_DATA")
    assert report["processingStatus"] == "FATAL"
    body, content = reports.document(report)
    assert b"GET_MERCHANT_LISTINGS_ALL_DATA is not generated" in content
    assert "compressionAlgorithm" not in body


def test_a_shipments_range_over_31_days_ends_fatal(reports: Reports) -> None:
    report = reports.finished(
        "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL",
        dataStartTime="2026-01-01T00:00:00Z",
        dataEndTime="2026-03-01T00:00:00Z",
    )
    assert report["processingStatus"] == "FATAL"
    assert b"cannot exceed 31 days" in reports.document(report)[1]


def test_cancel_works_only_while_in_queue(reports: Reports) -> None:
    reports.mcf.stock("MUG", 1)
    queued = reports.request(AFN)
    response = reports.mcf.call("DELETE", f"{REPORTS}/reports/{queued}")
    assert response.status_code == 200, response.text
    reports.mcf.advance(DONE_AFTER)
    cancelled = reports.get(queued)
    assert cancelled["processingStatus"] == "CANCELLED" and "processingStartTime" not in cancelled
    running = reports.request(AFN, reportOptions={"x": "1"})
    reports.mcf.advance(40)
    refused = reports.mcf.call("DELETE", f"{REPORTS}/reports/{running}")
    assert refused.status_code == 400 and "IN_PROGRESS" in refused.json()["errors"][0]["message"]
    missing = reports.mcf.call("DELETE", f"{REPORTS}/reports/123")
    assert missing.status_code == 404


def test_document_urls_expire_after_five_emulator_minutes_and_honour_compression(reports: Reports) -> None:
    reports.mcf.stock("MUG", 3)
    reports.set_timings(gzip_from_bytes=0)
    report = reports.finished(MYI)
    body, content = reports.document(report)
    assert body["compressionAlgorithm"] == "GZIP"
    assert parse(content)[0]["afn-fulfillable-quantity"] == "3"
    raw = reports.mcf.client.get(body["url"])
    assert raw.headers["content-encoding"] == "identity"
    assert raw.headers["content-type"] == "text/tab-separated-values; charset=UTF-8"
    assert gzip.decompress(raw.content) == content
    encoded, decoded = reports.document(report, header=True)
    assert decoded == content  # the HTTP client decompressed it (Content-Encoding: gzip)
    assert reports.mcf.client.get(encoded["url"]).headers["content-encoding"] == "gzip"
    reports.mcf.advance(300)
    expired = reports.mcf.client.get(body["url"])
    assert expired.status_code == 403 and b"Request has expired" in expired.content


def test_a_schedule_produces_reports_and_a_new_one_replaces_it(reports: Reports) -> None:
    reports.mcf.stock("MUG", 1)
    body = {"reportType": AFN, "marketplaceIds": [US], "period": "PT1H"}
    first = reports.mcf.call("POST", f"{REPORTS}/schedules", json=body)
    assert first.status_code == 201, first.text
    old_id = first.json()["reportScheduleId"]
    reports.mcf.advance(2 * 3600 + DONE_AFTER)
    made = reports.mcf.call("GET", f"{REPORTS}/reports", params={"reportTypes": AFN}).json()["reports"]
    assert len(made) == 3 and {r["reportScheduleId"] for r in made} == {old_id}
    assert {r["processingStatus"] for r in made} == {"DONE"}
    replacing = reports.mcf.call("POST", f"{REPORTS}/schedules", json={**body, "period": "P1D"})
    new_id = replacing.json()["reportScheduleId"]
    assert new_id != old_id
    assert reports.mcf.call("GET", f"{REPORTS}/schedules/{old_id}").status_code == 404
    listed = reports.mcf.call("GET", f"{REPORTS}/schedules", params={"reportTypes": AFN}).json()
    assert [s["reportScheduleId"] for s in listed["reportSchedules"]] == [new_id]
    assert listed["reportSchedules"][0]["period"] == "P1D"
    assert reports.mcf.call("DELETE", f"{REPORTS}/schedules/{new_id}").status_code == 200
    assert reports.mcf.call("GET", f"{REPORTS}/schedules/{new_id}").status_code == 404


def test_get_reports_pages_with_a_next_token_that_takes_no_other_parameter(reports: Reports) -> None:
    ids = [reports.request(AFN, reportOptions={"n": str(n)}) for n in range(5)]
    first = reports.mcf.call("GET", f"{REPORTS}/reports", params={"reportTypes": AFN, "pageSize": 2}).json()
    assert [r["reportId"] for r in first["reports"]] == ids[::-1][:2]
    token = first["nextToken"]
    mixed = reports.mcf.call("GET", f"{REPORTS}/reports", params={"nextToken": token, "pageSize": 2})
    assert mixed.status_code == 400 and "nextToken" in mixed.json()["errors"][0]["message"]
    seen = [r["reportId"] for r in first["reports"]]
    while token:
        page = reports.mcf.call("GET", f"{REPORTS}/reports", params={"nextToken": token}).json()
        seen += [r["reportId"] for r in page["reports"]]
        token = page.get("nextToken")
    assert seen == ids[::-1]
    bogus = reports.mcf.call("GET", f"{REPORTS}/reports", params={"nextToken": "nope"})
    assert bogus.status_code == 400
    assert reports.mcf.call("GET", f"{REPORTS}/reports").status_code == 400  # neither types nor token


def test_get_reports_filters_by_status_marketplace_and_creation_time(reports: Reports) -> None:
    queued = reports.request(AFN)
    params = {"reportTypes": AFN, "processingStatuses": "DONE"}
    assert reports.mcf.call("GET", f"{REPORTS}/reports", params=params).json()["reports"] == []
    params = {"reportTypes": AFN, "marketplaceIds": "A2EUQ1WTGCTBG2"}
    assert reports.mcf.call("GET", f"{REPORTS}/reports", params=params).json()["reports"] == []
    params = {
        "reportTypes": AFN,
        "createdSince": "2001-01-01T00:00:00Z",
        "createdUntil": "2001-01-02T00:00:00Z",
    }
    assert reports.mcf.call("GET", f"{REPORTS}/reports", params=params).json()["reports"] == []
    found = reports.mcf.call("GET", f"{REPORTS}/reports", params={"reportTypes": AFN}).json()["reports"]
    assert [r["reportId"] for r in found] == [queued]


def test_a_seller_never_sees_another_sellers_reports_or_documents(
    reports: Reports, other_seller_headers: dict[str, str]
) -> None:
    reports.mcf.stock("MUG", 1)
    report = reports.finished(AFN)
    other = {"headers": other_seller_headers}
    assert reports.mcf.client.get(f"{REPORTS}/reports/{report['reportId']}", **other).status_code == 404
    document = reports.mcf.client.get(f"{REPORTS}/documents/{report['reportDocumentId']}", **other)
    assert document.status_code == 404
    listed = reports.mcf.client.get(f"{REPORTS}/reports", params={"reportTypes": AFN}, **other)
    assert listed.json()["reports"] == []


def test_bad_input_is_a_400_naming_what_is_wrong(reports: Reports) -> None:
    cases = [
        ({"reportType": "not a type"}, "reportType"),
        ({"marketplaceIds": ["NOPE"]}, "marketplaceIds"),
        ({"dataStartTime": "yesterday"}, "dataStartTime"),
        ({"dataStartTime": "2026-02-01T00:00:00Z", "dataEndTime": "2026-01-01T00:00:00Z"}, "dataStartTime"),
        (
            {
                "reportType": "GET_LEDGER_SUMMARY_VIEW_DATA",
                "reportOptions": {"aggregatedByTimePeriod": "YEARLY"},
            },
            "reportOptions",
        ),
    ]
    for fields, named in cases:
        body = {"reportType": AFN, "marketplaceIds": [US], **fields}
        response = reports.mcf.call("POST", f"{REPORTS}/reports", json=body)
        assert response.status_code == 400, (fields, response.text)
        error = response.json()["errors"][0]
        assert named in error["message"] + error.get("details", ""), (fields, error)
    schedule = {"reportType": AFN, "marketplaceIds": [US], "period": "PT1H", "nextReportCreationTime": "x"}
    assert reports.mcf.call("POST", f"{REPORTS}/schedules", json=schedule).status_code == 400
    assert reports.mcf.call("GET", f"{REPORTS}/documents/amzn1.spdoc.nope").status_code == 404


def test_the_ledger_records_receipts_shipments_and_returns_in_the_same_step(reports: Reports) -> None:
    mcf = reports.mcf
    mcf.stock("MUG", 4)
    assert mcf.create("L-1", {"MUG": 3}).status_code == 200
    for status in ("Planning", "Processing", "Complete"):
        mcf.set_status("L-1", status)
    mcf.return_shipped("L-1", reason="DEFECTIVE")
    mcf.advance(3 * 24 * 3600 + 60)
    mcf.order("L-1")  # the clock settles before a call: the returned unit is received
    ledger = list(mcf.runtime.store.tenant("A1MCFEMULATOR1").table(LEDGER).values())
    moves = [(e.event_type, e.quantity, e.disposition) for e in ledger]
    assert moves == [
        ("Receipts", 4, "SELLABLE"),
        ("Shipments", -3, "SELLABLE"),
        ("CustomerReturns", 1, "DEFECTIVE"),
    ]


def test_a_deleted_sku_leaves_the_ledger_as_an_adjustment_and_options_shape_the_summary(
    reports: Reports,
) -> None:
    mcf = reports.mcf
    mcf.stock("GONE", 6)
    mcf.advance(7 * 24 * 3600)  # the next week
    deleted = mcf.call("DELETE", "/fba/inventory/v1/items/GONE", params={"marketplaceId": US})
    assert deleted.status_code == 200, deleted.text
    detail = reports.rows("GET_LEDGER_DETAIL_VIEW_DATA", reportOptions={"eventType": "Adjustments"})
    assert [(r["Event Type"], r["Quantity"], r["Reason"]) for r in detail] == [
        ("Adjustments", "-6", "Deleted")
    ]
    options = {"aggregatedByTimePeriod": "WEEKLY", "aggregateByLocation": "FC"}
    weeks = reports.rows("GET_LEDGER_SUMMARY_VIEW_DATA", reportOptions=options)
    assert [(r["Receipts"], r["Other Events"], r["Ending Warehouse Balance"]) for r in weeks] == [
        ("6", "0", "6"),
        ("0", "-6", "0"),
    ]
    assert {r["Location"] for r in weeks} == {"PHX7"}
    assert weeks[1]["Starting Warehouse Balance"] == "6"


def test_a_clock_jump_makes_up_at_most_the_last_24_runs_of_a_schedule(reports: Reports) -> None:
    reports.mcf.stock("MUG", 1)
    body = {"reportType": AFN, "marketplaceIds": [US], "period": "PT5M"}
    assert reports.mcf.call("POST", f"{REPORTS}/schedules", json=body).status_code == 201
    reports.mcf.advance(7 * 86400)  # 2,016 periods
    made = reports.mcf.call("GET", f"{REPORTS}/reports", params={"reportTypes": AFN, "pageSize": 100}).json()
    assert len(made["reports"]) == CATCH_UP
