"""Reports, their documents and the inventory ledger are state: in snapshots and in SQLite."""

from __future__ import annotations

from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.settings import Settings
from tests.api.outbound.support import Mcf
from tests.api.reports.support import Reports
from tests.conftest import BASE_URL

LEDGER = "GET_LEDGER_DETAIL_VIEW_DATA"


def test_snapshots_keep_reports_documents_and_the_ledger(reports: Reports, app) -> None:
    reports.mcf.stock("MUG", 4)
    report = reports.finished(LEDGER)
    snapshot = app.control.snapshot()
    app.control.reset()
    app.control.restore(snapshot)
    reports.mcf.advance(0)  # a fresh token
    assert reports.get(report["reportId"]) == report
    assert reports.document(report)[1].startswith(b"Date\tFNSKU")
    assert [row["Quantity"] for row in reports.rows(LEDGER, reportOptions={"eventType": "Receipts"})] == ["4"]


def test_sqlite_state_keeps_them_across_a_restart(catalog, tmp_path) -> None:
    settings = Settings(strict_responses=True, seed=5, state=f"sqlite:{tmp_path / 'world.db'}")
    first_app = create_app(settings, catalog)
    with TestClient(first_app, base_url=BASE_URL) as first:
        reports = Reports(Mcf(first, first_app.runtime))
        reports.mcf.stock("MUG", 4)
        report = reports.finished(LEDGER)
    second_app = create_app(settings, catalog)
    with TestClient(second_app, base_url=BASE_URL) as second:
        reports = Reports(Mcf(second, second_app.runtime))
        assert reports.get(report["reportId"])["processingStatus"] == "DONE"
        assert reports.document(report)[1].count(b"\r\n") == 2  # the header and one receipt
        assert reports.rows(LEDGER, reportOptions={"eventType": "Receipts"})[0]["Quantity"] == "4"
