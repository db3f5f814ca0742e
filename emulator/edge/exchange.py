"""`Exchange`: one SP-API request and, as the pipeline's steps run, what they learn and answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from emulator.catalog import Operation
from emulator.context import Caller
from emulator.edge.faults import Injection


class Exchange:
    """One SP-API request and, as the steps run, its operation, caller, inputs and response."""

    __slots__ = (
        "method",
        "raw_path",
        "query_string",
        "headers",
        "body_bytes",
        "body_too_large",
        "request_id",
        "operation",
        "path_params",
        "caller",
        "rate_limit",
        "params",
        "body",
        "status",
        "response",
        "response_headers",
        "faults",
        "injection",
        "started",
        "origin",
    )

    def __init__(
        self,
        method: str,
        raw_path: str,
        query_string: bytes,
        headers: dict[str, str],
        body_bytes: bytes,
        body_too_large: bool,
        origin: str = "http://127.0.0.1",
    ) -> None:
        self.method = method
        self.raw_path = raw_path
        self.query_string = query_string
        self.headers = headers
        self.body_bytes = body_bytes
        self.body_too_large = body_too_large
        self.origin = origin
        self.request_id = ""
        self.operation: Operation | None = None
        self.path_params: dict[str, str] = {}
        self.caller: Caller | None = None
        self.rate_limit: str | None = None
        self.params: dict[str, Any] = {}
        self.body: Any = None
        self.status = 200
        self.response: Any = None
        self.response_headers: dict[str, str] = {}
        self.faults: list[str] = []
        self.injection: Injection | None = None
        self.started = time.perf_counter()


#: A pipeline step: fills in more of the exchange, or raises an SpApiError that ends the pipeline.
Step = Callable[[Exchange], None]
