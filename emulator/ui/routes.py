"""The dashboard's HTTP face: the page (a Jinja2 template) and its script and style sheet.

The page holds no data: its script reads and changes the world through the control API under
`/_emulator` (the same endpoints as the CLI and the pytest plugin), polling it about once a second.
Like the control API it answers loopback clients only, and with `--admin-token` the page needs the token,
as a header or `?token=` once; the page hands it to its script, which sends it as the header.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from emulator import __version__
from emulator.control.http import guarded
from emulator.errors import ControlError
from emulator.protocol import ADMIN_TOKEN, CONTROL_PREFIX
from emulator.settings import Settings

UI_PATH = CONTROL_PREFIX + "/ui"
HERE = Path(__file__).parent
ASSETS = {"dashboard.js": "text/javascript", "dashboard.css": "text/css"}
POLL_MS = 1000


def routes(settings: Settings) -> list[Route]:
    """The page and its two assets, guarded as the control API is."""
    templates = Jinja2Templates(directory=HERE / "templates")

    async def page(request: Request) -> Response:
        context = {
            "version": __version__,
            "token": settings.admin_token or "",
            "token_header": ADMIN_TOKEN,
            "control": CONTROL_PREFIX,
            "static": UI_PATH + "/static",
            "poll_ms": POLL_MS,
        }
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        return templates.TemplateResponse(request, "dashboard.html", context, headers=headers)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            raise ControlError(404, "NotFound", f"the dashboard has no file {name!r}")
        return FileResponse(HERE / "static" / name, media_type=ASSETS[name])

    return [
        Route(UI_PATH, guarded(settings, page, token_in_query=True), methods=["GET"]),
        Route(UI_PATH + "/static/{name}", guarded(settings, asset, open_to_token=True), methods=["GET"]),
    ]
