"""Where parity runs and the contract suite call: presets, reachability, LWA tokens per operation."""

from __future__ import annotations

from typing import Any

import httpx

from emulator.catalog import Operation
from emulator.edge.auth import GRANTLESS_SCOPES
from emulator.protocol import ACCESS_TOKEN
from emulator.testing.auth import LwaError
from emulator.testing.credentials import Credentials
from emulator.tls.hosts import REGIONS

AMAZON_SANDBOX = "amazon-sandbox"
REACH_TIMEOUT = 5.0


def sandbox_endpoint(region: str) -> str:
    """Amazon's sandbox SP-API endpoint of a region (`na`, `eu`, `fe`)."""
    if region.upper() not in REGIONS:
        raise ValueError(f"region must be one of {', '.join(r.lower() for r in REGIONS)}, not {region!r}")
    return f"https://sandbox.sellingpartnerapi-{region.lower()}.amazon.com"


def unreachable(url: str, timeout: float = REACH_TIMEOUT) -> str | None:
    """Why `url` cannot be reached (one short attempt), or None when something answers there."""
    try:
        httpx.get(url.rstrip("/") + "/", timeout=timeout)
    except httpx.HTTPError as error:
        return f"{url} cannot be reached ({type(error).__name__}: {error or 'no answer'})"
    return None


class Tokens:
    """LWA access tokens for one set of credentials: a seller's, and a grantless one per scope."""

    def __init__(self, credentials: Credentials, http: Any) -> None:
        self.credentials = credentials
        self._http = http
        self._tokens: dict[str | None, str] = {}

    def _token(self, scope: str | None) -> str:
        found = self._tokens.get(scope)
        if found is None:
            creds = self.credentials
            form = (
                creds.token_form()
                if scope is None
                else {
                    "grant_type": "client_credentials",
                    "scope": scope,
                    "client_id": creds.client_id,
                    "client_secret": creds.client_secret,
                }
            )
            response = self._http.post(creds.token_url, data=form)
            if response.status_code != 200:
                raise LwaError(f"LWA refused the credentials ({response.status_code}): {response.text}")
            found = self._tokens[scope] = str(response.json()["access_token"])
        return found

    def headers(self, op: Operation) -> dict[str, str]:
        """The access-token header this operation needs (a grantless token for grantless operations)."""
        scope = GRANTLESS_SCOPES.get(op.api) if op.grantless else None
        return {ACCESS_TOKEN: self._token(scope)}
