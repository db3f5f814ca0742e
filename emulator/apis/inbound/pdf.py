"""Inbound's documents as real PDFs: box and pallet labels, bills of lading, delivery challans, item labels.

Each document is a list of `Sheet`s, one page each, with a title, lines of text and an optional Code 39
barcode (a box id, an FNSKU). Text is set in a core font, so characters it cannot show print as `?`;
the creation date is the emulator's clock, so the same world renders the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

_CODE39 = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%")
PDF = "application/pdf"


@dataclass(frozen=True, slots=True)
class Sheet:
    """One page: a heading, lines of text and what its barcode encodes (if anything)."""

    title: str
    lines: tuple[str, ...] = ()
    barcode: str | None = None


def _printable(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _barcode_text(value: str) -> str:
    return "".join(c for c in value.upper() if c in _CODE39)


def render(title: str, sheets: Iterable[Sheet], at: float) -> bytes:
    """The PDF of `sheets` (at least one page), titled `title`, created at emulator time `at`."""
    # fpdf (with fontTools) takes about half a second to import: only a label or bill asked for pays it,
    # not every start of the emulator.
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_title(_printable(title))
    pdf.set_creator("mcf-emulator")
    pdf.set_creation_date(datetime.fromtimestamp(at, UTC))
    pages = list(sheets) or [Sheet(title)]
    for sheet in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, _printable(sheet.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for line in sheet.lines:
            pdf.cell(0, 7, _printable(line), new_x="LMARGIN", new_y="NEXT")
        code = _barcode_text(sheet.barcode or "")
        if code:
            pdf.code39(f"*{code}*", x=pdf.l_margin, y=pdf.get_y() + 5, w=1, h=18)
            pdf.set_y(pdf.get_y() + 26)
            pdf.cell(0, 7, code, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
