"""Seller Central's consent page: the website authorization flow a browser clicks through.

    GET  /apps/authorize/consent?application_id=…&state=…[&version=beta][&redirect_uri=…]   the page
    POST /apps/authorize/consent   decision=confirm|cancel, the seller chosen or created

Confirm redirects to the redirect URI with `state`, `selling_partner_id` and `spapi_oauth_code`; Cancel
with `error=access_denied` (OAuth 2.0's denial) and `state`. Problems are shown on the page with Seller
Central's codes and never redirect. `routes.py` answers `auto=1` (the emulator's headless shortcut)
without this page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from emulator.lwa.accounts import DEFAULTS, Application
from emulator.lwa.grants import LwaError, TokenService
from emulator.protocol import LWA_CONSENT_PATH

MCF_ROLES = ("Product Listing", "Amazon Fulfillment", "Inventory and Order Tracking")
SELLER_ID = re.compile(r"^[A-Za-z0-9]{1,32}$")
MAX_FORM = 16 * 1024
_NO_STORE = {"Cache-Control": "no-store"}
_KEPT = ("application_id", "state", "redirect_uri", "version")  # what the page carries to its decision


def with_state(target: str, extra: Mapping[str, str], state: str | None) -> str:
    """`target` with `extra` and the client's `state` (when it sent one) appended to its query string."""
    parts = urlsplit(target)
    fields = {**extra, "state": state} if state is not None else dict(extra)
    joined = "&".join(p for p in (parts.query, urlencode(fields)) if p)
    return urlunsplit(parts._replace(query=joined))


class ConsentPages:
    """The consent page, its decision and its error page, over the token service's rules."""

    def __init__(self, tokens: TokenService) -> None:
        self._tokens = tokens
        self._templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

    async def show(self, request: Request) -> Response:
        query = {k: v for k, v in request.query_params.items() if k in (*_KEPT, "selling_partner_id")}
        try:
            self._target(query)
        except LwaError as error:
            return self._error(request, error)
        return self._page(request, query, query.get("selling_partner_id") or DEFAULTS.seller_id)

    async def decide(self, request: Request) -> Response:
        raw = await request.body()
        form = dict(parse_qsl(raw[:MAX_FORM].decode("utf-8", "replace"), keep_blank_values=True))
        kept = {k: v for k, v in form.items() if k in _KEPT}
        try:
            app, target = self._target(kept)
            if form.get("decision") == "cancel":
                denial = {"error": "access_denied", "error_description": "The seller denied the request"}
                return self._redirect(target, denial, kept)
            seller_id = form.get("new_seller_id", "").strip() or form.get("seller_id", "")
            if not SELLER_ID.match(seller_id):
                return self._page(request, kept, seller_id, "A seller ID is 1 to 32 letters and digits.")
            if self._tokens.accounts.seller(seller_id) is None:
                self._tokens.accounts.add_seller(seller_id, name="created on the consent page")
            seller_id, code = self._tokens.grant_code(app, target, seller_id)
        except LwaError as error:
            return self._error(request, error)
        return self._redirect(target, {"selling_partner_id": seller_id, "spapi_oauth_code": code}, kept)

    # ------------------------------------------------------------------------------------------
    def _target(self, query: Mapping[str, str]) -> tuple[Application, str]:
        """(application, redirect URI) of a consent request, or LwaError."""
        application_id = query.get("application_id")
        if not application_id:
            raise LwaError("invalid_request", "The request is missing a required parameter : application_id")
        return self._tokens.consent_target(
            application_id, query.get("redirect_uri") or None, query.get("version")
        )

    @staticmethod
    def _redirect(target: str, extra: Mapping[str, str], query: Mapping[str, str]) -> Response:
        return RedirectResponse(with_state(target, extra, query.get("state")), status_code=303)

    def _page(self, request: Request, query: Mapping[str, str], chosen: str, problem: str = "") -> Response:
        app, target = self._target(query)
        context = {
            "app": app,
            "roles": MCF_ROLES,
            "sellers": sorted(self._tokens.accounts.sellers(), key=lambda s: s.seller_id),
            "chosen": chosen,
            "target": target,
            "hidden": {k: v for k, v in query.items() if k in _KEPT},
            "action": LWA_CONSENT_PATH,
            "problem": problem,
        }
        return self._templates.TemplateResponse(
            request, "consent.html", context, status_code=400 if problem else 200, headers=_NO_STORE
        )

    def _error(self, request: Request, error: LwaError) -> Response:
        context = {"code": error.error, "message": error.description}
        return self._templates.TemplateResponse(
            request, "consent_error.html", context, status_code=error.status, headers=_NO_STORE
        )
