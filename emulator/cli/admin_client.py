"""The CLI's side of the admin API: an httpx client for a running emulator, and the shared options.

`--url` defaults to $MCF_EMULATOR_URL, else http://127.0.0.1:8787; `--admin-token` to
$MCF_EMULATOR_ADMIN_TOKEN. A refused connection or a 4xx answer becomes a one-line error (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from emulator.errors import EmulatorError
from emulator.protocol import ADMIN_TOKEN, CONTROL_PREFIX
from emulator.settings import Settings


class AdminClient:
    """JSON calls to the admin API (`/_emulator/*`) of the emulator at `url`."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self._headers = {ADMIN_TOKEN: token} if token else {}
        self._timeout = timeout

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json",
        params: dict[str, Any] | None = None,
    ) -> Any:
        """The decoded JSON answer (None for 204); EmulatorError for transport problems and 4xx/5xx."""
        import httpx  # only commands that talk to a running emulator pay for importing it

        headers = dict(self._headers)
        content = raw if raw is not None else None if body is None else orjson.dumps(body)
        if content is not None:
            headers["content-type"] = content_type
        try:
            response = httpx.request(
                method,
                f"{self.url}{CONTROL_PREFIX}{path}",
                content=content,
                headers=headers,
                params={k: v for k, v in (params or {}).items() if v is not None},
                timeout=self._timeout,
            )
        except httpx.HTTPError as error:
            raise EmulatorError(f"cannot reach the emulator at {self.url}: {error}") from None
        if response.status_code >= 400:
            try:
                doc = response.json()
                message = f"{doc.get('error')}: {doc.get('message')}"
                if doc.get("detail") is not None:
                    message += "\n" + orjson.dumps(doc["detail"], option=orjson.OPT_INDENT_2).decode()
            except ValueError:
                message = response.text[:500]
            raise EmulatorError(f"{method} {CONTROL_PREFIX}{path} answered {response.status_code}: {message}")
        return None if response.status_code == 204 or not response.content else response.json()


def add_options(cmd: argparse.ArgumentParser) -> None:
    """--url and --admin-token, on every command that talks to a running emulator."""
    cmd.add_argument(
        "--url", default=None, help="the emulator (default $MCF_EMULATOR_URL or http://127.0.0.1:8787)"
    )
    cmd.add_argument("--admin-token", default=None, help="admin token (default $MCF_EMULATOR_ADMIN_TOKEN)")


def client(args: argparse.Namespace) -> AdminClient:
    settings = Settings.from_env()
    return AdminClient(args.url or settings.url, args.admin_token or settings.admin_token)


def show(document: Any) -> int:
    """Print an answer as indented JSON; returns the exit status 0."""
    if document is not None:
        sys.stdout.write(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0
