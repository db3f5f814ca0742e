"""Registered applications and sellers as the control API shows and changes them, and self-authorization.

An application is registered with the integrator's own settings (name, LWA client id and secret, OAuth
redirect URIs, draft or published), so the website authorization flow can be tested end to end; the
self-authorization of a private application gives a seller's refresh token at once.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from emulator.errors import ControlError
from emulator.lwa.accounts import NA_MARKETPLACES, Accounts, Application, Seller

SELLER_ID = re.compile(r"^[A-Za-z0-9]{1,32}$")


def describe_application(app: Application) -> dict[str, Any]:
    """An application as the control API answers it (never its client secret)."""
    return {
        "name": app.name,
        "applicationId": app.application_id,
        "clientId": app.client_id,
        "redirectUris": list(app.redirect_uris),
        "draft": app.draft,
    }


def describe_seller(seller: Seller) -> dict[str, Any]:
    return {"sellerId": seller.seller_id, "name": seller.name, "marketplaceIds": list(seller.marketplaces)}


def _redirect_uri(uri: str) -> str:
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ControlError(400, "InvalidApplication", f"redirect URI {uri!r} is not an absolute http(s) URL")
    if "#" in uri:
        raise ControlError(400, "InvalidApplication", f"redirect URI {uri!r} must not contain a fragment")
    return uri


def register(accounts: Accounts, document: dict[str, Any]) -> Application:
    """Register (or replace) the application `document` describes; the body's schema is checked before."""
    uris = [_redirect_uri(u) for u in document.get("redirectUris", [])]
    return accounts.add_application(
        document["clientId"],
        document["clientSecret"],
        document.get("applicationId") or None,
        uris,
        document.get("name", ""),
        document.get("draft", False),
    )


def add_seller(accounts: Accounts, document: dict[str, Any]) -> Seller:
    """Create (or replace) the test seller `document` describes."""
    seller_id = document["sellerId"]
    if not SELLER_ID.match(seller_id):
        raise ControlError(400, "InvalidSeller", "sellerId must be 1 to 32 letters and digits")
    marketplaces = document.get("marketplaceIds") or NA_MARKETPLACES
    return accounts.add_seller(seller_id, marketplaces, document.get("name", ""))


def authorize_self(accounts: Accounts, client_id: str, seller_id: str) -> dict[str, Any]:
    """Self-authorization of a private application: a new refresh token of `seller_id` for `client_id`."""
    if accounts.application(client_id) is None:
        raise ControlError(404, "UnknownApplication", f"no application with client id {client_id!r}")
    if accounts.seller(seller_id) is None:
        raise ControlError(404, "UnknownSeller", f"no seller {seller_id!r}")
    token = accounts.add_refresh_token(client_id, seller_id)
    return {"refreshToken": token, "clientId": client_id, "sellerId": seller_id}
