"""The request journal: the most recent SP-API calls and what each client saw, kept in a ring buffer.

The edge taps every call once its response is out. Bodies are kept as the bytes that went over the
wire (the first 64 KiB of each) and only decoded when someone reads the journal, so recording costs one
small object and an append.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import orjson

from emulator.edge.exchange import Exchange

REGION_SCOPE_KEY = "mcf_emulator.region"  # set in the ASGI scope when the Host names an SP-API region
MAX_KEPT_BODY = 64 * 1024  # bytes of each body kept; a cut body reads back as text


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class Entry:
    """One finished SP-API call as the client saw it (`status` None: the connection was dropped)."""

    seq: int
    request_id: str
    time: str
    method: str
    path: str
    query: str
    operation_id: str | None
    seller_id: str | None
    application_id: str | None
    region: str | None  # the SP-API region the request's host named; None: not an Amazon host
    status: int | None
    latency_ms: float
    faults: tuple[str, ...]
    request_body: bytes
    response_body: bytes

    @property
    def throttled(self) -> bool:
        """Answered 429 by the rate limiter (not by an injected fault)."""
        return self.status == 429 and not self.faults

    def describe(self, bodies: bool = True) -> dict[str, Any]:
        """The JSON-able form the control API answers with (bodies decoded when asked for)."""
        doc: dict[str, Any] = {
            "seq": self.seq,
            "requestId": self.request_id,
            "time": self.time,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "operationId": self.operation_id,
            "sellerId": self.seller_id,
            "applicationId": self.application_id,
            "region": self.region,
            "status": self.status,
            "latencyMs": self.latency_ms,
            "faults": list(self.faults),
            "throttled": self.throttled,
        }
        if bodies:
            doc["requestBody"] = _decode(self.request_body)
            doc["responseBody"] = _decode(self.response_body)
        return doc


class Journal:
    """Recent calls, oldest first; `seq` numbers only grow, so `since` pages through new entries."""

    def __init__(self, size: int) -> None:
        self._entries: deque[Entry] = deque(maxlen=max(1, size))
        self._seq = 0

    def record(
        self,
        x: Exchange,
        payload: bytes,
        at: str,
        latency_ms: float,
        dropped: bool,
        region: str | None = None,
    ) -> None:
        """Tap one finished call; `region` is the SP-API region its host named (None: not an Amazon host)."""
        self._seq += 1
        caller = x.caller
        self._entries.append(
            Entry(
                self._seq,
                x.request_id,
                at,
                x.method,
                x.raw_path,
                x.query_string.decode("latin-1"),
                x.operation.operation_id if x.operation else None,
                caller.seller_id if caller else None,
                caller.application_id if caller else None,
                region,
                None if dropped else x.status,
                round(latency_ms, 3),
                tuple(x.faults),
                x.body_bytes[:MAX_KEPT_BODY],
                b"" if dropped else payload[:MAX_KEPT_BODY],
            )
        )

    def query(
        self,
        operation_id: str | None = None,
        seller_id: str | None = None,
        status: int | None = None,
        method: str | None = None,
        faulted: bool | None = None,
        since: int = 0,
        limit: int = 100,
    ) -> list[Entry]:
        """The newest `limit` entries after `since` that pass every given filter, oldest first."""
        picked: list[Entry] = []
        for entry in reversed(self._entries):
            if entry.seq <= since or len(picked) >= limit:
                break
            if (
                (operation_id is not None and entry.operation_id != operation_id)
                or (seller_id is not None and entry.seller_id != seller_id)
                or (status is not None and entry.status != status)
                or (method is not None and entry.method != method.upper())
                or (faulted is not None and bool(entry.faults) != faulted)
            ):
                continue
            picked.append(entry)
        picked.reverse()
        return picked

    def clear(self) -> None:
        self._entries.clear()

    @property
    def size(self) -> int:
        return self._entries.maxlen or 0

    @property
    def last_seq(self) -> int:
        return self._seq
