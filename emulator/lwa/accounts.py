"""Registered applications, sellers and the tokens LWA has issued, kept in the store's shared partition."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from emulator.state import IdFactory, Store
from emulator.state.records import Record, TableSpec

NA_MARKETPLACES = ("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8")


class Application(Record):
    """An LWA client: the credentials it authenticates with and the SP-API application it belongs to."""

    client_id: str
    client_secret: str
    application_id: str
    redirect_uris: tuple[str, ...] = ()
    name: str = ""
    draft: bool = False  # a draft app is authorized only with `version=beta` in the consent URL


class Seller(Record):
    """A selling partner and the marketplaces it sells in."""

    seller_id: str
    marketplaces: tuple[str, ...]
    name: str = ""


class RefreshGrant(Record):
    """What a refresh token stands for: a seller's authorization of one application."""

    client_id: str
    seller_id: str


class AccessGrant(Record):
    """What an access token stands for: a seller's authorization (or, grantless, scopes) from its issue
    until it expires, on the emulator clock (`issued_at` 0: from any time)."""

    client_id: str
    expires_at: float
    seller_id: str | None = None
    scopes: tuple[str, ...] = ()
    issued_at: float = 0.0


class AuthorizationCode(Record):
    """A consent flow's one-time code, exchanged for a refresh token."""

    client_id: str
    seller_id: str
    expires_at: float
    redirect_uri: str | None = None


APPLICATIONS = TableSpec("applications", Application)
SELLERS = TableSpec("sellers", Seller)
REFRESH_TOKENS = TableSpec("refresh_tokens", RefreshGrant)
ACCESS_TOKENS = TableSpec("access_tokens", AccessGrant)
AUTH_CODES = TableSpec("auth_codes", AuthorizationCode)
TABLES = (APPLICATIONS, SELLERS, REFRESH_TOKENS, ACCESS_TOKENS, AUTH_CODES)


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

    # applications and sellers -------------------------------------------------------------
    def add_application(
        self,
        client_id: str,
        client_secret: str,
        application_id: str | None = None,
        redirect_uris: Iterable[str] = (),
        name: str = "",
        draft: bool = False,
    ) -> Application:
        app = Application(
            client_id=client_id,
            client_secret=client_secret,
            application_id=application_id or f"amzn1.sp.solution.{self._ids.uuid()}",
            redirect_uris=tuple(redirect_uris),
            name=name,
            draft=draft,
        )
        return self._store.shared.table(APPLICATIONS).put(client_id, app)

    def application(self, client_id: str) -> Application | None:
        return self._store.shared.table(APPLICATIONS).get(client_id)

    def application_by_id(self, application_id: str) -> Application | None:
        applications = self._store.shared.table(APPLICATIONS).values()
        return next((a for a in applications if a.application_id == application_id), None)

    def add_seller(
        self, seller_id: str, marketplaces: Iterable[str] = NA_MARKETPLACES, name: str = ""
    ) -> Seller:
        seller = Seller(seller_id=seller_id, marketplaces=tuple(marketplaces), name=name)
        return self._store.shared.table(SELLERS).put(seller_id, seller)

    def seller(self, seller_id: str) -> Seller | None:
        return self._store.shared.table(SELLERS).get(seller_id)

    def applications(self) -> list[Application]:
        return list(self._store.shared.table(APPLICATIONS).values())

    def sellers(self) -> list[Seller]:
        return list(self._store.shared.table(SELLERS).values())

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
        grant = RefreshGrant(client_id=client_id, seller_id=seller_id)
        self._store.shared.table(REFRESH_TOKENS).put(token, grant)
        return token

    def refresh_token(self, token: str) -> RefreshGrant | None:
        return self._store.shared.table(REFRESH_TOKENS).get(token)

    def add_access_token(
        self,
        client_id: str,
        seller_id: str | None,
        scopes: Iterable[str],
        expires_at: float,
        issued_at: float = 0.0,
    ) -> str:
        token = self._ids.token("Atza|", 160)
        grant = AccessGrant(
            client_id=client_id,
            expires_at=expires_at,
            seller_id=seller_id,
            scopes=tuple(scopes),
            issued_at=issued_at,
        )
        self._store.shared.table(ACCESS_TOKENS).put(token, grant)
        return token

    def access_token(self, token: str) -> AccessGrant | None:
        return self._store.shared.table(ACCESS_TOKENS).get(token)

    def add_code(self, client_id: str, seller_id: str, redirect_uri: str | None, expires_at: float) -> str:
        code = self._ids.alnum(20)
        grant = AuthorizationCode(
            client_id=client_id, seller_id=seller_id, expires_at=expires_at, redirect_uri=redirect_uri
        )
        self._store.shared.table(AUTH_CODES).put(code, grant)
        return code

    def take_code(self, code: str) -> AuthorizationCode | None:
        """An authorization code is good for one exchange: taking it removes it."""
        return self._store.shared.table(AUTH_CODES).delete(code)
