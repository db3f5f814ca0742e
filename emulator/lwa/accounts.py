"""Registered applications, sellers and the tokens LWA has issued, kept in the store's shared partition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emulator.state import IdFactory, Store, Table
from emulator.state.records import TableSpec

NA_MARKETPLACES = ("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8")
TABLES = {
    name: TableSpec(name, dict)  # type: ignore[type-var]
    for name in ("applications", "sellers", "refresh_tokens", "access_tokens", "auth_codes")
}


@dataclass(frozen=True)
class DefaultCredentials:
    """The application and seller every emulator starts with (printed by `serve`)."""

    application_id: str = "amzn1.sp.solution.mcf-emulator"
    client_id: str = "amzn1.application-oa2-client.mcfemulator"
    client_secret: str = "amzn1.oa2-cs.v1.mcfemulator"
    seller_id: str = "A1MCFEMULATOR1"
    refresh_token: str = "Atzr|mcf-emulator-default-refresh-token"
    marketplaces: tuple[str, ...] = NA_MARKETPLACES


DEFAULTS = DefaultCredentials()


class Accounts:
    """Applications (by client id), sellers, refresh tokens, access tokens and authorization codes."""

    def __init__(self, store: Store, ids: IdFactory) -> None:
        self._store = store
        self._ids = ids

    def _table(self, name: str) -> Table:
        return self._store.shared.table(TABLES[name])

    # applications and sellers -------------------------------------------------------------
    def add_application(
        self,
        client_id: str,
        client_secret: str,
        application_id: str | None = None,
        redirect_uris: list[str] | None = None,
        name: str = "",
    ) -> dict[str, Any]:
        app = {
            "client_id": client_id,
            "client_secret": client_secret,
            "application_id": application_id or f"amzn1.sp.solution.{self._ids.uuid()}",
            "redirect_uris": list(redirect_uris or []),
            "name": name,
        }
        return self._table("applications").put(client_id, app)

    def application(self, client_id: str) -> dict[str, Any] | None:
        return self._table("applications").get(client_id)

    def application_by_id(self, application_id: str) -> dict[str, Any] | None:
        return next(
            (a for a in self._table("applications").values() if a["application_id"] == application_id), None
        )

    def add_seller(
        self, seller_id: str, marketplaces: tuple[str, ...] | list[str] = NA_MARKETPLACES, name: str = ""
    ) -> dict[str, Any]:
        seller = {"seller_id": seller_id, "marketplaces": list(marketplaces), "name": name}
        return self._table("sellers").put(seller_id, seller)

    def seller(self, seller_id: str) -> dict[str, Any] | None:
        return self._table("sellers").get(seller_id)

    def applications(self) -> list[dict[str, Any]]:
        return list(self._table("applications").values())

    def sellers(self) -> list[dict[str, Any]]:
        return list(self._table("sellers").values())

    def ensure_defaults(self) -> None:
        """Register the default application, seller and refresh token if they are missing."""
        if self.application(DEFAULTS.client_id) is None:
            self.add_application(
                DEFAULTS.client_id,
                DEFAULTS.client_secret,
                DEFAULTS.application_id,
                name="mcf-emulator default application",
            )
        if self.seller(DEFAULTS.seller_id) is None:
            self.add_seller(DEFAULTS.seller_id, DEFAULTS.marketplaces, name="mcf-emulator default seller")
        if self.refresh_token(DEFAULTS.refresh_token) is None:
            self.add_refresh_token(DEFAULTS.client_id, DEFAULTS.seller_id, DEFAULTS.refresh_token)

    # tokens and codes ---------------------------------------------------------------------
    def add_refresh_token(self, client_id: str, seller_id: str, token: str | None = None) -> str:
        token = token or self._ids.token("Atzr|", 96)
        self._table("refresh_tokens").put(token, {"client_id": client_id, "seller_id": seller_id})
        return token

    def refresh_token(self, token: str) -> dict[str, Any] | None:
        return self._table("refresh_tokens").get(token)

    def add_access_token(
        self, client_id: str, seller_id: str | None, scopes: list[str], expires_at: float
    ) -> str:
        token = self._ids.token("Atza|", 160)
        self._table("access_tokens").put(
            token,
            {"client_id": client_id, "seller_id": seller_id, "scopes": scopes, "expires_at": expires_at},
        )
        return token

    def access_token(self, token: str) -> dict[str, Any] | None:
        return self._table("access_tokens").get(token)

    def add_code(self, client_id: str, seller_id: str, redirect_uri: str | None, expires_at: float) -> str:
        code = self._ids.alnum(20)
        self._table("auth_codes").put(
            code,
            {
                "client_id": client_id,
                "seller_id": seller_id,
                "redirect_uri": redirect_uri,
                "expires_at": expires_at,
            },
        )
        return code

    def take_code(self, code: str) -> dict[str, Any] | None:
        """An authorization code is good for one exchange: taking it removes it."""
        return self._table("auth_codes").delete(code)
