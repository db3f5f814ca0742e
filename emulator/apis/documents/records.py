"""A stored document (per seller) and a download link to it (in a partition shared by all sellers)."""

from __future__ import annotations

from emulator.registry import table
from emulator.state.records import Record, TableSpec

LINKS_PARTITION = "_documents"


class Document(Record):
    """The bytes a download answers, as they are sent (already compressed when `encoding` says so)."""

    document_id: str
    content: bytes
    content_type: str
    filename: str
    created_at: float
    encoding: str | None = None


class Link(Record):
    """A token that downloads one seller's document until `expires_at` (emulator time).

    With `encoding_header` a compressed document is served with `Content-Encoding` naming its compression
    (so HTTP clients decompress it); without, as `identity` (the client decompresses what it downloaded).
    """

    token: str
    seller_id: str
    document_id: str
    expires_at: float
    encoding_header: bool = False


DOCUMENTS = table(TableSpec("documents", Document))
LINKS = table(TableSpec("document_links", Link))
