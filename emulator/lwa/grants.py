"""The LWA token endpoint's rules: the three grant types, client authentication and LWA's errors.

Permissive mode accepts any client credentials (registering unknown clients on the fly) and maps
unknown refresh tokens to the default seller; strict mode accepts only what is registered.
Authorization codes are always checked: they only ever come from this emulator's consent flow.
"""

from __future__ import annotations

from typing import Any

from emulator.lwa.accounts import DEFAULTS, Accounts, Application
from emulator.state import Clock

GRANT_TYPES = ("refresh_token", "authorization_code", "client_credentials")
KNOWN_SCOPES = (
    "sellingpartnerapi::notifications",
    "sellingpartnerapi::client_credential:rotation",
    "sellingpartnerapi::migration",
)
AUTH_CODE_LIFETIME = 300


class LwaError(Exception):
    """An OAuth2 error as LWA answers it: `error`, `error_description`, HTTP status."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


def _required(form: dict[str, str], name: str) -> str:
    value = form.get(name, "")
    if not value:
        raise LwaError("invalid_request", f"The request is missing a required parameter : {name}")
    return value


class TokenService:
    """Issues access tokens for the three grant types."""

    def __init__(self, accounts: Accounts, clock: Clock, mode: str, lifetime: int = 3600) -> None:
        self.accounts = accounts
        self.clock = clock
        self.mode = mode
        self.lifetime = lifetime

    def exchange(self, form: dict[str, str]) -> dict[str, Any]:
        """Answer a token request (already decoded from form or JSON) or raise LwaError."""
        grant_type = _required(form, "grant_type")
        if grant_type not in GRANT_TYPES:
            raise LwaError(
                "unsupported_grant_type", f"The authorization grant type is not supported : {grant_type}"
            )
        client_id = self._authenticate(_required(form, "client_id"), _required(form, "client_secret"))
        if grant_type == "refresh_token":
            return self._refresh(form, client_id)
        if grant_type == "authorization_code":
            return self._code(form, client_id)
        return self._client_credentials(form, client_id)

    def _authenticate(self, client_id: str, client_secret: str) -> str:
        app = self.accounts.application(client_id)
        if app is None and self.mode == "permissive":
            self.accounts.add_application(client_id, client_secret, name="registered on first use")
            return client_id
        if app is None or app.client_secret != client_secret:
            raise LwaError("invalid_client", "Client authentication failed", 401)
        return client_id

    def _bearer(self, client_id: str, seller_id: str | None, scopes: list[str]) -> dict[str, Any]:
        now = self.clock.timestamp()
        token = self.accounts.add_access_token(client_id, seller_id, scopes, now + self.lifetime, now)
        return {"access_token": token, "token_type": "bearer", "expires_in": self.lifetime}

    def _refresh(self, form: dict[str, str], client_id: str) -> dict[str, Any]:
        token = _required(form, "refresh_token")
        if form.get("scope"):
            raise LwaError("invalid_request", "refresh_token and scope are mutually exclusive")
        grant = self.accounts.refresh_token(token)
        if self.mode == "strict" and (grant is None or grant.client_id != client_id):
            raise LwaError("invalid_grant", "The request has an invalid grant parameter : refresh_token")
        seller_id = DEFAULTS.seller_id if grant is None else grant.seller_id  # permissive: any token works
        return self._bearer(client_id, seller_id, []) | {"refresh_token": token}

    def _code(self, form: dict[str, str], client_id: str) -> dict[str, Any]:
        code = _required(form, "code")
        grant = self.accounts.take_code(code)
        if (
            grant is None
            or grant.client_id != client_id
            or grant.expires_at < self.clock.timestamp()
            or (grant.redirect_uri and form.get("redirect_uri") != grant.redirect_uri)
        ):
            raise LwaError("invalid_grant", "The request has an invalid grant parameter : code")
        refresh = self.accounts.add_refresh_token(client_id, grant.seller_id)
        return self._bearer(client_id, grant.seller_id, []) | {"refresh_token": refresh}

    def _client_credentials(self, form: dict[str, str], client_id: str) -> dict[str, Any]:
        if form.get("refresh_token"):
            raise LwaError("invalid_request", "refresh_token and scope are mutually exclusive")
        scopes = _required(form, "scope").split()
        unknown = [s for s in scopes if s not in KNOWN_SCOPES]
        if unknown:
            raise LwaError("invalid_scope", f"An unknown scope was requested : {' '.join(unknown)}")
        return self._bearer(client_id, None, scopes) | {"scope": " ".join(scopes)}

    def consent_target(
        self, application_id: str, redirect_uri: str | None, version: str | None = None
    ) -> tuple[Application, str]:
        """The application a consent request names and the URI to send the seller back to.

        Raises LwaError carrying Seller Central's MD codes when the request would fail there.
        """
        app = self.accounts.application_by_id(application_id)
        if app is None:
            raise LwaError("MD1000", f"Unknown application_id {application_id!r}")
        if app.draft and version != "beta":
            raise LwaError("MD1000", "The application is a draft: add version=beta to authorize it")
        if redirect_uri and "#" in redirect_uri:
            raise LwaError("MD5110", "The redirect_uri must not contain a fragment (#)")
        registered = app.redirect_uris
        if redirect_uri is None:
            if not registered:
                raise LwaError("MD5101", "No redirect_uri given and none is registered for the application")
            return app, registered[0]
        if registered and redirect_uri not in registered:
            raise LwaError("MD5101", f"redirect_uri {redirect_uri!r} is not registered for the application")
        if not registered and self.mode == "strict":
            raise LwaError("MD5101", "The application has no registered redirect URIs")
        return app, redirect_uri

    def grant_code(self, app: Application, redirect_uri: str, seller_id: str | None) -> tuple[str, str]:
        """A seller's consent to `app`: (seller id, spapi_oauth_code good for one exchange in 5 minutes).

        Without a seller id the default seller consents; an unknown one is created in permissive mode.
        """
        seller_id = seller_id or DEFAULTS.seller_id
        if self.accounts.seller(seller_id) is None:
            if self.mode == "strict":
                raise LwaError("MD1000", f"Unknown selling partner {seller_id!r}")
            self.accounts.add_seller(seller_id)
        code = self.accounts.add_code(
            app.client_id, seller_id, redirect_uri, self.clock.timestamp() + AUTH_CODE_LIFETIME
        )
        return seller_id, code
