"""Keep a document, link to it for a while, and find what a link downloads."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from emulator.apis.documents.records import DOCUMENTS, LINKS, LINKS_PARTITION, Document, Link
from emulator.context import Call
from emulator.protocol import DOCUMENTS_PREFIX
from emulator.state import Store, TenantState


def publish(
    call: Call,
    content: bytes,
    content_type: str,
    filename: str,
    encoding: str | None = None,
    document_id: str | None = None,
) -> Document:
    """Store `content` for the calling seller (under `document_id`, or a fresh id)."""
    document = Document(
        document_id=document_id or call.ids.uuid(),
        content=content,
        content_type=content_type,
        filename=filename,
        created_at=call.clock.timestamp(),
        encoding=encoding,
    )
    return keep(call.tenant, document)


def keep(tenant: TenantState, document: Document) -> Document:
    """Store a document built where no call is at hand (a clock-driven transition builds it)."""
    return tenant.table(DOCUMENTS).put(document.document_id, document)


def link(call: Call, document: Document, lifetime: float, encoding_header: bool = False) -> tuple[str, float]:
    """A URL on the emulator's own address that downloads `document` for `lifetime` seconds; (url, expiry)."""
    expires_at = call.clock.timestamp() + lifetime
    token = call.ids.alnum(40)
    found = Link(
        token=token,
        seller_id=call.seller_id,
        document_id=document.document_id,
        expires_at=expires_at,
        encoding_header=encoding_header,
    )
    call.store.tenant(LINKS_PARTITION).table(LINKS).put(token, found)
    return f"{call.origin}{DOCUMENTS_PREFIX}{token}", expires_at


class Resolution(enum.Enum):
    FOUND = "found"
    UNKNOWN = "unknown"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class Download:
    """What a link resolves to: found (with the link and its document), unknown, or expired."""

    resolution: Resolution
    link: Link | None = None
    document: Document | None = None


def resolve(store: Store, token: str, now: float) -> Download:
    """The document behind `token` at emulator time `now`."""
    found = store.tenant(LINKS_PARTITION).table(LINKS).get(token)
    if found is None:
        return Download(Resolution.UNKNOWN)
    if now >= found.expires_at:
        return Download(Resolution.EXPIRED)
    document = store.tenant(found.seller_id).table(DOCUMENTS).get(found.document_id)
    return Download(Resolution.FOUND, found, document) if document else Download(Resolution.UNKNOWN)
