"""A small driver for Reports tests: request reports, wait for them on the emulator clock, read documents."""

from __future__ import annotations

import csv
import gzip
import io
from typing import Any

import pytest

from emulator.runtime import Runtime
from emulator.state.config import CONFIG, Setting
from tests.api.outbound.support import US, Mcf

REPORTS = "/reports/2021-06-30"
DONE_AFTER = 121.0  # past the default processing time


class Reports:
    """Drives one seller's reports over HTTP, on top of the MCF driver."""

    def __init__(self, mcf: Mcf) -> None:
        self.mcf = mcf

    def create(self, report_type: str, marketplaces: tuple[str, ...] = (US,), **fields: Any) -> Any:
        body = {"reportType": report_type, "marketplaceIds": list(marketplaces), **fields}
        return self.mcf.call("POST", f"{REPORTS}/reports", json=body)

    def request(self, report_type: str, **fields: Any) -> str:
        response = self.create(report_type, **fields)
        assert response.status_code == 202, response.text
        return str(response.json()["reportId"])

    def get(self, report_id: str) -> dict[str, Any]:
        response = self.mcf.call("GET", f"{REPORTS}/reports/{report_id}")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def finished(self, report_type: str, **fields: Any) -> dict[str, Any]:
        """Request a report, let it finish, and return it."""
        report_id = self.request(report_type, **fields)
        self.mcf.advance(DONE_AFTER)
        return self.get(report_id)

    def document(self, report: dict[str, Any], header: bool = False) -> tuple[dict[str, Any], bytes]:
        """The report's document: getReportDocument's body and the downloaded bytes (decompressed)."""
        params = {"enableContentEncodingUrlHeader": "true"} if header else {}
        response = self.mcf.call("GET", f"{REPORTS}/documents/{report['reportDocumentId']}", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        download = self.mcf.client.get(body["url"])
        assert download.status_code == 200, download.text
        content = download.content
        if body.get("compressionAlgorithm") == "GZIP" and not header:
            content = gzip.decompress(content)
        return body, content

    def rows(self, report_type: str, **fields: Any) -> list[dict[str, str]]:
        """A new report's rows, each as {column: value} (it must end DONE)."""
        return self.rows_of(self.finished(report_type, **fields))

    def rows_of(self, report: dict[str, Any]) -> list[dict[str, str]]:
        """A DONE report's rows, each as {column: value}."""
        assert report["processingStatus"] == "DONE", report
        return parse(self.document(report)[1])

    def set_timings(self, **values: float) -> None:
        self.mcf.runtime.store.shared.table(CONFIG).put("reports.timings", Setting(value=values))


def parse(content: bytes) -> list[dict[str, str]]:
    """Rows of a tab-separated flat file."""
    return list(csv.DictReader(io.StringIO(content.decode()), delimiter="\t"))


@pytest.fixture
def reports(mcf: Mcf, runtime: Runtime) -> Reports:
    runtime.store.shared.table(CONFIG).delete("reports.timings")
    return Reports(mcf)
