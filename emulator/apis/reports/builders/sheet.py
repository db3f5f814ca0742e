"""What every builder takes and returns, and how values are written in Amazon's flat files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from emulator.state import TenantState


class Unservable(Exception):
    """A request the emulator cannot serve; the message goes into the report's error document."""


@dataclass(frozen=True, slots=True)
class Scope:
    """What one report covers: a seller's state, its marketplaces, its time range and its options."""

    tenant: TenantState
    marketplace_ids: tuple[str, ...]
    start: float
    end: float
    options: dict[str, str]
    now: float

    def covers(self, at: float) -> bool:
        """Whether instant `at` falls inside the report's range."""
        return self.start <= at <= self.end


@dataclass(frozen=True, slots=True)
class Sheet:
    """A flat file: its header and its rows, every value already text."""

    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]

    def tsv(self) -> bytes:
        """The document as Amazon sends flat files: tab-separated, one line per row, UTF-8."""
        lines = ["\t".join(self.header), *("\t".join(_clean(v) for v in row) for row in self.rows)]
        return ("\r\n".join(lines) + "\r\n").encode()


def _clean(value: str) -> str:
    """A value with the characters that would break a row (tabs, line breaks) turned into spaces."""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def stamp(at: float) -> str:
    """An instant as the flat files write it: `2021-06-30T17:42:13+00:00`."""
    return datetime.fromtimestamp(at, UTC).replace(microsecond=0).isoformat()


def day(at: float) -> str:
    """A date as the ledger reports write it: `06/30/2021`."""
    return datetime.fromtimestamp(at, UTC).strftime("%m/%d/%Y")


def money(amount: Decimal) -> str:
    """An amount with two decimals: `12.99`."""
    return f"{amount.quantize(Decimal('0.01'))}"
