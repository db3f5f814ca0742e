"""Where an SP-API client should send its calls and which LWA credentials it should use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from emulator.lwa.accounts import DEFAULTS
from emulator.protocol import LWA_TOKEN_PATH

#: Environment variables read by `Credentials.from_env` (for Amazon's sandbox or any other endpoint).
ENV_NAMES = {
    "client_id": "SPAPI_LWA_CLIENT_ID",
    "client_secret": "SPAPI_LWA_CLIENT_SECRET",
    "refresh_token": "SPAPI_LWA_REFRESH_TOKEN",
    "token_url": "SPAPI_LWA_TOKEN_URL",
}
AMAZON_TOKEN_URL = "https://api.amazon.com/auth/o2/token"


@dataclass(frozen=True)
class Credentials:
    """An SP-API endpoint plus the LWA client and refresh token that act for one seller."""

    endpoint: str
    token_url: str
    client_id: str = DEFAULTS.client_id
    client_secret: str = DEFAULTS.client_secret
    refresh_token: str = DEFAULTS.refresh_token
    seller_id: str = DEFAULTS.seller_id
    marketplace_ids: tuple[str, ...] = DEFAULTS.marketplaces

    @classmethod
    def for_emulator(
        cls,
        base_url: str,
        refresh_token: str = DEFAULTS.refresh_token,
        seller_id: str = DEFAULTS.seller_id,
        marketplace_ids: tuple[str, ...] = DEFAULTS.marketplaces,
    ) -> Credentials:
        """The emulator's default application acting for `seller_id` (default: the default seller)."""
        base = base_url.rstrip("/")
        return cls(
            base,
            base + LWA_TOKEN_PATH,
            refresh_token=refresh_token,
            seller_id=seller_id,
            marketplace_ids=marketplace_ids,
        )

    @classmethod
    def from_env(cls, endpoint: str, environ: Mapping[str, str] | None = None) -> Credentials | None:
        """Credentials from `SPAPI_LWA_*` variables, or None when any of the three secrets is missing."""
        env = os.environ if environ is None else environ
        values = {field: env.get(name, "") for field, name in ENV_NAMES.items()}
        if not all(values[k] for k in ("client_id", "client_secret", "refresh_token")):
            return None
        return cls(
            endpoint.rstrip("/"),
            values["token_url"] or AMAZON_TOKEN_URL,
            values["client_id"],
            values["client_secret"],
            values["refresh_token"],
            seller_id="",
            marketplace_ids=(),
        )

    def token_form(self) -> dict[str, str]:
        """The LWA refresh_token grant for these credentials."""
        return {
            "grant_type": "refresh_token",
            "refresh_token": self.refresh_token,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
