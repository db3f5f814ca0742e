"""Ready SP-API clients pointed at an endpoint (the emulator by default), with LWA handled.

    httpx_client(creds)                    an httpx.Client that adds access tokens itself
    spapi_client(creds)                    Amazon's official SDK (`amzn-sp-api`, module `spapi`)
    sp_api_client(Inventories, creds)      `python-amazon-sp-api` (module `sp_api`)

Both SDKs are optional dependencies (the `test` extra); they are imported on first use.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import httpx

from emulator.testing.auth import LwaAuth
from emulator.testing.credentials import Credentials


def httpx_client(credentials: Credentials, **kwargs: Any) -> httpx.Client:
    """An httpx client with `base_url` = the SP-API endpoint; every request carries a valid token."""
    kwargs.setdefault("timeout", 30.0)
    return httpx.Client(base_url=credentials.endpoint, auth=LwaAuth(credentials), **kwargs)


def async_httpx_client(credentials: Credentials, **kwargs: Any) -> httpx.AsyncClient:
    """The asyncio twin of `httpx_client` (pass `transport=httpx.ASGITransport(app)` to skip the network)."""
    kwargs.setdefault("timeout", 30.0)
    return httpx.AsyncClient(base_url=credentials.endpoint, auth=LwaAuth(credentials), **kwargs)


def spapi_client(credentials: Credentials, **config: Any) -> Any:
    """Amazon's `spapi.SPAPIClient`; use its `api_client` in an API class: `FbaInventoryApi(c.api_client)`."""
    from spapi import SPAPIClient, SPAPIConfig

    settings = SPAPIConfig(
        client_id=credentials.client_id,
        client_secret=credentials.client_secret,
        refresh_token=credentials.refresh_token,
        region=config.pop("region", "NA"),
        **config,
    )
    return SPAPIClient(settings, oauth_endpoint=credentials.token_url, endpoint=credentials.endpoint)


def sp_api_client(api: type[Any], credentials: Credentials, **kwargs: Any) -> Any:
    """An instance of a `python-amazon-sp-api` client class (`Inventories`, `FulfillmentOutbound`, ...).

    The library has no endpoint setting, so the instance's `endpoint` is replaced after creation and
    its LWA client posts to `credentials.token_url`; tokens are cached per token host, so two
    emulators in one process never see each other's tokens. `close()` (or `with`) also closes the
    LWA client's connections.
    """
    kwargs.setdefault("auth_token_client_class", _token_client_for(credentials.token_url))
    client = api(
        credentials={
            "refresh_token": credentials.refresh_token,
            "lwa_app_id": credentials.client_id,
            "lwa_client_secret": credentials.client_secret,
        },
        **kwargs,
    )
    client.endpoint = credentials.endpoint
    library_close = client.close

    def close() -> None:
        """Close the API connection pool and the token client's (the library leaves the latter open)."""
        library_close()
        client._auth._transport.close()

    client.close = close
    return client


def _token_client_for(token_url: str) -> type[Any]:
    from sp_api.auth import AccessTokenClient

    parts = urlsplit(token_url)

    class EmulatorTokenClient(AccessTokenClient):  # type: ignore[misc]
        scheme = f"{parts.scheme}://"
        host = parts.netloc
        path = parts.path

        def _get_cache_key(self, token_flavor: str = "") -> str:
            return f"{token_url}|{super()._get_cache_key(token_flavor)}"

    return EmulatorTokenClient
