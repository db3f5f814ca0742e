"""The request journal: the most recent SP-API calls and what each client saw, kept in a ring buffer.

The edge taps every call once its response is out. Bodies are kept as the bytes that went over the
wire (the first 64 KiB of each) and only decoded when someone reads the journal, so recording costs a
dict and an append.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from emulator.edge.pipeline import Exchange

DEFAULT_SIZE = 1000
REGION_SCOPE_KEY = "mcf_emulator.region"  # set in the ASGI scope when the Host names an SP-API region
MAX_KEPT_BODY = 64 * 1024  # bytes of each body kept; a cut body reads back as text


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


class Journal:
    """Recent calls, oldest first; `seq` numbers only grow, so `since` pages through new entries."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=max(1, size))
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
            {
                "seq": self._seq,
                "requestId": x.request_id,
                "time": at,
                "method": x.method,
                "path": x.raw_path,
                "query": x.query_string.decode("latin-1"),
                "operationId": x.operation.operation_id if x.operation else None,
                "sellerId": caller.seller_id if caller else None,
                "applicationId": caller.application_id if caller else None,
                "region": region,
                "status": None if dropped else x.status,
                "latencyMs": round(latency_ms, 3),
                "faults": list(x.faults),
                "throttled": x.status == 429 and not x.faults,
                "_request": x.body_bytes[:MAX_KEPT_BODY],
                "_response": b"" if dropped else payload[:MAX_KEPT_BODY],
            }
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
        bodies: bool = True,
    ) -> list[dict[str, Any]]:
        """The newest `limit` entries after `since` that pass every given filter, oldest first."""
        picked: list[dict[str, Any]] = []
        for entry in reversed(self._entries):
            if entry["seq"] <= since or len(picked) >= limit:
                break
            if (
                (operation_id is not None and entry["operationId"] != operation_id)
                or (seller_id is not None and entry["sellerId"] != seller_id)
                or (status is not None and entry["status"] != status)
                or (method is not None and entry["method"] != method.upper())
                or (faulted is not None and bool(entry["faults"]) != faulted)
            ):
                continue
            picked.append(entry)
        return [self._public(e, bodies) for e in reversed(picked)]

    @staticmethod
    def _public(entry: dict[str, Any], bodies: bool) -> dict[str, Any]:
        doc = {k: v for k, v in entry.items() if not k.startswith("_")}
        if bodies:
            doc["requestBody"] = _decode(entry["_request"])
            doc["responseBody"] = _decode(entry["_response"])
        return doc

    def clear(self) -> None:
        self._entries.clear()

    def resize(self, size: int) -> None:
        self._entries = deque(self._entries, maxlen=max(1, size))

    @property
    def size(self) -> int:
        return self._entries.maxlen or 0

    @property
    def last_seq(self) -> int:
        return self._seq
