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
from emulator.apis.inbound.records import Box
from emulator.apis.inbound.shipments import Shipment
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


def _where(shipment: Shipment) -> tuple[str, ...]:
    centre = shipment.destination
    to = centre.address
    source = shipment.source
    return (
        f"Shipment {shipment.shipment_confirmation_id or shipment.shipment_id} ({shipment.name})",
        f"Ship to: Amazon {centre.warehouse_id}, {to.address_line1}, {to.city} {to.postal_code} "
        f"{to.country_code}",
        f"Ship from: {source.name}, {source.address_line1}, {source.city} {source.postal_code} "
        f"{source.country_code}",
    )


def box_sheets(shipment: Shipment, boxes: list[Box]) -> list[Sheet]:
    """One label per box: where it goes, what it holds, its box id as a barcode."""
    total = len(shipment.boxes)
    return [
        Sheet(
            title=f"FBA box {shipment.boxes.index(box) + 1} of {total}",
            lines=(*_where(shipment), *(f"{line.msku} x {line.quantity}" for line in box.items)),
            barcode=box.box_id,
        )
        for box in boxes
    ]


def pallet_sheets(shipment: Shipment, count: int) -> list[Sheet]:
    """One label per pallet (four per pallet are to be stuck on, as Amazon asks; one page shows each)."""
    code = shipment.shipment_confirmation_id or shipment.shipment_id
    return [
        Sheet(title=f"FBA pallet {n} of {count}", lines=_where(shipment), barcode=f"{code}PLT{n:03d}")
        for n in range(1, count + 1)
    ]


def bill_of_lading(shipment: Shipment, carrier: str, freight_bill: str | None) -> list[Sheet]:
    """A straight bill of lading for a partnered LTL shipment."""
    lines = (
        *_where(shipment),
        f"Carrier: {carrier}",
        f"Pallets: {sum(p.quantity for p in shipment.pallets)}",
    )
    if freight_bill:
        lines = (*lines, f"PRO / freight bill number: {freight_bill}")
    return [Sheet(title="Bill of lading", lines=lines, barcode=shipment.shipment_confirmation_id)]


def challan(shipment: Shipment, hsn: dict[str, str]) -> list[Sheet]:
    """A delivery challan (India): the goods moved, with each SKU's HSN code where the seller gave one."""
    lines = tuple(
        f"{line.msku} x {line.quantity}  HSN {hsn.get(line.msku, 'not given')}" for line in shipment.items
    )
    return [
        Sheet(
            title="Delivery challan",
            lines=(*_where(shipment), *lines),
            barcode=shipment.shipment_confirmation_id,
        )
    ]
