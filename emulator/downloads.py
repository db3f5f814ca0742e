"""Serves the documents the emulator links to (`apis.documents`), as a storage service serves pre-signed URLs.

No access token is asked for: the link itself is the permission, as with Amazon's pre-signed URLs. A link
past its lifetime on the emulator clock answers 403 `AccessDenied` "Request has expired", an unknown one 404
`NoSuchKey`, both in the storage service's XML error shape.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from emulator.apis.documents import Resolution, resolve
from emulator.protocol import DOCUMENTS_PREFIX
from emulator.state import Clock, Store

_XML = "application/xml"


def _storage_error(status: int, code: str, message: str) -> Response:
    body = f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'
    return Response(body, status_code=status, media_type=_XML)


def routes(store: Store, clock: Clock) -> list[Route]:
    """The download route over the store's documents, judged on the emulator clock."""

    async def download(request: Request) -> Response:
        found = resolve(store, request.path_params["token"], clock.timestamp())
        if found.resolution is Resolution.EXPIRED:
            return _storage_error(403, "AccessDenied", "Request has expired")
        if found.document is None or found.link is None:
            return _storage_error(404, "NoSuchKey", "The specified key does not exist.")
        document = found.document
        headers = {"Content-Disposition": f'inline; filename="{document.filename}"'}
        if document.encoding is not None:
            headers["Content-Encoding"] = document.encoding if found.link.encoding_header else "identity"
        return Response(document.content, media_type=document.content_type, headers=headers)

    return [Route(DOCUMENTS_PREFIX + "{token}", download, methods=["GET", "HEAD"])]
