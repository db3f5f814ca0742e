"""`LwaAuth`: an httpx auth flow that fetches, caches and renews LWA access tokens.

It sends the token as `x-amz-access-token`, as SP-API expects, and renews it shortly before it
expires, or once when a call answers 403 because the token expired, was revoked, or was issued after the
emulator's current time (its clock was set back).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Generator

import httpx

from emulator.protocol import ACCESS_TOKEN
from emulator.testing.credentials import Credentials

_RENEW_MARGIN = 0.2  # renew after 80 % of the lifetime, like Amazon's own helper libraries


class LwaError(RuntimeError):
    """The LWA token endpoint refused the credentials."""


class LwaAuth(httpx.Auth):
    """Adds a valid LWA access token to every request of an httpx client (sync or async)."""

    requires_response_body = True

    def __init__(self, credentials: Credentials) -> None:
        self.credentials = credentials
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = threading.Lock()

    @property
    def token(self) -> str | None:
        """The cached access token (None before the first call)."""
        return self._token

    def _token_request(self) -> httpx.Request:
        return httpx.Request("POST", self.credentials.token_url, data=self.credentials.token_form())

    def _accept(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise LwaError(f"LWA refused the credentials ({response.status_code}): {response.text}")
        document = response.json()
        with self._lock:
            self._token = str(document["access_token"])
            lifetime = float(document.get("expires_in", 3600))
            self._renew_at = time.monotonic() + lifetime * (1 - _RENEW_MARGIN)

    def _fresh(self) -> bool:
        return self._token is not None and time.monotonic() < self._renew_at

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self._fresh():
            self._accept((yield self._token_request()))
        request.headers[ACCESS_TOKEN] = self._token or ""
        response = yield request
        if response.status_code == 403 and _token_problem(response):
            self._accept((yield self._token_request()))
            request.headers[ACCESS_TOKEN] = self._token or ""
            yield request


def _token_problem(response: httpx.Response) -> bool:
    text = response.text.lower()
    return "expired" in text or "revoked" in text or "clock was set back" in text
