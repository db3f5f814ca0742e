"""HTTP face of Login with Amazon: `POST /auth/o2/token`, the consent page and its `auto=1` redirect."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from emulator.lwa.consent import ConsentPages, with_state
from emulator.lwa.grants import LwaError, TokenService
from emulator.protocol import LWA_CONSENT_PATH, LWA_TOKEN_PATH

_NO_CACHE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
MAX_TOKEN_REQUEST = 64 * 1024


def _lwa_json(body: Mapping[str, object], status: int = 200) -> JSONResponse:
    response = JSONResponse(body, status_code=status, headers=_NO_CACHE)
    response.headers["content-type"] = "application/json;charset=UTF-8"
    return response


async def _token_form(request: Request) -> dict[str, str]:
    """The token request's fields, from a form body or (as Amazon's own helpers send) a JSON body."""
    raw = await request.body()
    if len(raw) > MAX_TOKEN_REQUEST:
        raise LwaError("invalid_request", "The request body is too large")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            document = orjson.loads(raw or b"{}")
        except orjson.JSONDecodeError:
            raise LwaError("invalid_request", "The request body is not valid JSON") from None
        if not isinstance(document, dict):
            raise LwaError("invalid_request", "The request body must be a JSON object")
        form = {str(k): v if isinstance(v, str) else str(v) for k, v in document.items() if v is not None}
    elif content_type in ("application/x-www-form-urlencoded", ""):
        form = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
    else:
        raise LwaError("invalid_request", f"Unsupported Content-Type {content_type}")
    return form


def routes(tokens: TokenService) -> list[Route]:
    """The token endpoint and the consent step of the authorization flow, answered by `tokens`."""
    pages = ConsentPages(tokens)

    async def token(request: Request) -> Response:
        if request.method != "POST":
            return _lwa_json(
                {"error": "invalid_request", "error_description": "The token endpoint only accepts POST"}, 405
            )
        try:
            form = await _token_form(request)
            return _lwa_json(tokens.exchange(form))
        except LwaError as error:
            return _lwa_json(error.body(), error.status)

    async def consent(request: Request) -> Response:
        query = request.query_params
        if query.get("auto") not in ("1", "true"):
            return await pages.show(request)
        try:
            application_id = query.get("application_id")
            if not application_id:
                raise LwaError(
                    "invalid_request", "The request is missing a required parameter : application_id"
                )
            app, target = tokens.consent_target(
                application_id, query.get("redirect_uri"), query.get("version")
            )
            seller_id, code = tokens.grant_code(app, target, query.get("selling_partner_id"))
        except LwaError as error:
            return _lwa_json(error.body(), error.status)
        extra = {"spapi_oauth_code": code, "selling_partner_id": seller_id}
        return RedirectResponse(with_state(target, extra, query.get("state")), status_code=302)

    return [
        Route(LWA_TOKEN_PATH, token, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
        Route(LWA_CONSENT_PATH, consent, methods=["GET"]),
        Route(LWA_CONSENT_PATH, pages.decide, methods=["POST"]),
    ]
