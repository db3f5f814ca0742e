"""Admin endpoints for applications, sellers, self-authorization and the seller's world (the dashboard's).

GET  /_emulator/applications    POST {"clientId", "clientSecret", "name"?, "applicationId"?,
                                      "redirectUris"?, "draft"?}
GET  /_emulator/sellers         POST {"sellerId", "name"?, "marketplaceIds"?}
POST /_emulator/authorizations  {"clientId", "sellerId"}: self-authorization, a new refresh token
GET  /_emulator/overview?sellerId=   stock by bucket, listings and MCF orders of one seller
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from emulator.control.http import Endpoint, body_of, reply
from emulator.control.plane import ControlPlane


def endpoints(plane: ControlPlane) -> dict[str, dict[str, Endpoint]]:

    async def applications(request: Request) -> Response:
        return reply({"applications": plane.applications()})

    async def register(request: Request) -> Response:
        return reply(plane.register_application(await body_of(request)), 201)

    async def sellers(request: Request) -> Response:
        return reply({"sellers": plane.sellers()})

    async def add_seller(request: Request) -> Response:
        return reply(plane.add_seller(await body_of(request)), 201)

    async def authorize(request: Request) -> Response:
        doc = await body_of(request)
        return reply(plane.authorize_self(doc["clientId"], doc["sellerId"]), 201)

    async def overview(request: Request) -> Response:
        return reply(plane.overview(request.query_params.get("sellerId") or None))

    return {
        "/applications": {"GET": applications, "POST": register},
        "/sellers": {"GET": sellers, "POST": add_seller},
        "/authorizations": {"POST": authorize},
        "/overview": {"GET": overview},
    }
