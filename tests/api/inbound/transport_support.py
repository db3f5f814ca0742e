"""A driver for the transport side's Inbound tests: calls under /inbound/fba/2024-03-20 and polling."""

from __future__ import annotations

from typing import Any

from tests.api.outbound.support import US, Mcf

V2024 = "/inbound/fba/2024-03-20"
V0 = "/fba/inbound/v0"
__all__ = ["US", "V0", "V2024", "Inbound"]


class Inbound:
    """Drives one seller's Inbound calls over HTTP, moving the clock to finish operations."""

    def __init__(self, mcf: Mcf) -> None:
        self.mcf = mcf

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.mcf.call(method, f"{V2024}{path}", **kwargs)

    def v0(self, path: str, **params: Any) -> Any:
        return self.mcf.call("GET", f"{V0}{path}", params=params)

    def status(self, operation_id: str) -> dict[str, Any]:
        response = self.call("GET", f"/operations/{operation_id}")
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    def done(self, response: Any, expected: int = 202) -> dict[str, Any]:
        """Wait (on the emulator clock) for the operation `response` started; its final status."""
        assert response.status_code == expected, response.text
        self.mcf.advance(10)
        return self.status(response.json()["operationId"])

    def ok(self, method: str, path: str, expected: int = 202, **kwargs: Any) -> dict[str, Any]:
        """Run an asynchronous operation to its end and insist it succeeded."""
        final = self.done(self.call(method, path, **kwargs), expected)
        assert final["operationStatus"] == "SUCCESS", final
        return final
