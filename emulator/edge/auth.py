"""The `x-amz-access-token` check: who is calling, and may they call this operation.

Token problems answer 403 `Unauthorized` with Amazon's message; `details` says which problem it was.
A token is valid from its issue to its expiry on the emulator clock: after `clock set` moved the clock back
before a token's issue, the token is refused (the emulator's choice; real clocks never go back).
Grantless operations need a client_credentials token with their scope; all others need a token
that a seller's refresh token (or authorization code) produced.
"""

from __future__ import annotations

from emulator.catalog import Operation
from emulator.context import Caller
from emulator.errors import Unauthorized
from emulator.lwa.accounts import Accounts
from emulator.state.clock import iso

# Grantless operations of the in-scope models and the scope each needs (reference §2.4).
GRANTLESS_SCOPES = {"notifications": "sellingpartnerapi::notifications"}


def authenticate(op: Operation, token: str | None, accounts: Accounts, now: float) -> Caller:
    """The caller behind `token`, or Unauthorized."""
    if not token:
        raise Unauthorized(details="Access token is missing in the request header.")
    grant = accounts.access_token(token)
    if grant is None:
        raise Unauthorized(details="The access token you provided is revoked, malformed or invalid.")
    if grant.expires_at <= now:
        raise Unauthorized(details="The access token you provided has expired.")
    if grant.issued_at > now:
        raise Unauthorized(
            details=f"The access token you provided was issued at {iso(grant.issued_at)}, after the current "
            f"emulator time {iso(now)} (the clock was set back): request a new one."
        )
    if op.grantless:
        scope = GRANTLESS_SCOPES.get(op.api)
        if grant.seller_id is not None or (scope and scope not in grant.scopes):
            raise Unauthorized(
                details=f"{op.operation_id} is a grantless operation: call it with an access "
                f"token from the client_credentials grant with scope {scope}."
            )
        return caller_for(accounts, grant.client_id, None, grant.scopes)
    if grant.seller_id is None:
        raise Unauthorized(
            details=f"{op.operation_id} needs a selling partner's authorization: use an access "
            "token from the refresh_token grant."
        )
    return caller_for(accounts, grant.client_id, grant.seller_id)


def caller_for(
    accounts: Accounts, client_id: str, seller_id: str | None, scopes: tuple[str, ...] = ()
) -> Caller:
    """Application `client_id` calling for `seller_id` (None: grantless, with `scopes`)."""
    app = accounts.application(client_id)
    seller = accounts.seller(seller_id) if seller_id is not None else None
    return Caller(
        client_id, app.application_id if app else "", seller_id, seller.marketplaces if seller else (), scopes
    )
