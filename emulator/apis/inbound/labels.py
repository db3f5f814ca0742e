"""Inbound's printable documents: item labels, box and pallet labels, bills of lading, delivery challans.

Each is rendered as a PDF (`pdf`), kept with the seller's documents and linked for `LINK_LIFETIME` seconds
of emulator time (Amazon's links are short-lived too; the emulator's choice of lifetime is generous
enough for a test to fetch the file without hurrying).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from emulator.apis import documents
from emulator.apis.inbound.pdf import PDF, Sheet, render
from emulator.apis.inbound.skus import Sku
from emulator.context import Call
from emulator.state.clock import iso

LINK_LIFETIME = 300.0


def publish(call: Call, title: str, sheets: Iterable[Sheet], filename: str) -> tuple[str, float]:
    """Render `sheets` as a PDF for the caller and link to it: (url, expires_at)."""
    content = render(title, sheets, call.clock.timestamp())
    document = documents.publish(call, content, PDF, filename)
    return documents.link(call, document, LINK_LIFETIME)


def download(url: str, expires_at: float) -> dict[str, Any]:
    """The 2024-03-20 `DocumentDownload` of a link."""
    return {"downloadType": "URL", "uri": url, "expiration": iso(expires_at)}


def item_sheets(lines: list[tuple[Sku, int]], label_type: str, page: str) -> list[Sheet]:
    """One sheet per SKU: its FNSKU barcode and how many labels of it were asked for."""
    return [
        Sheet(
            title=f"{sku.msku}: {quantity} item label(s)",
            lines=(f"FNSKU {sku.fnsku}", f"ASIN {sku.asin}", f"{label_type} {page}"),
            barcode=sku.fnsku,
        )
        for sku, quantity in lines
    ]
