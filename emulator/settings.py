"""Typed settings; the only module that reads the environment (prefix MCF_EMULATOR_)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from emulator.errors import EmulatorError

AUTH_MODES = ("permissive", "strict")
RATE_LIMIT_MODES = ("enforce", "report", "off")
SANDBOX_MODES = ("dynamic", "static")
"""`dynamic` (default): every operation runs its behaviour. `static`: operations whose model documents
static sandbox cases answer from them as Amazon's sandbox does, the rest run their behaviour throttled
as the sandbox throttles (enforced, at its plan; see `Settings.__post_init__`)."""
PROFILES: dict[str, dict[str, object]] = {
    "default": {},
    "production": {"auth_mode": "strict", "rate_limits": "enforce"},
}
"""Profile -> the defaults it changes; `production` shows a connector the error paths Amazon takes
(invalid_client/invalid_grant from LWA, 429s). A flag or variable given explicitly still wins."""
ENV_PREFIX = "MCF_EMULATOR_"
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    """How one emulator instance behaves. Defaults suit local use and CI."""

    profile: str = "default"
    host: str = "127.0.0.1"
    port: int = 8787
    models_dir: Path | None = None
    auth_mode: str = "permissive"
    strict_responses: bool = False
    seed: int | None = None
    clock_start: datetime | None = None
    clock_speed: float = 1.0
    max_body_bytes: int = 10 * 1024 * 1024
    access_token_lifetime: int = 3600
    state: str = "memory"
    faults_file: Path | None = None
    world_file: Path | None = None
    fault_header: bool = False
    rate_limits: str = "report"
    sandbox_rate_cap: bool = False
    sandbox_mode: str = "dynamic"
    journal_size: int = 1000
    event_retention: int = 10_000
    admin_remote: bool = False
    admin_token: str | None = None
    admin_url: str | None = None
    http: bool = True
    tls: bool = False
    tls_port: int = 8443
    proxy_port: int | None = None
    ca_dir: Path | None = None
    sqs_endpoint: str | None = None
    eventbridge_endpoint: str | None = None

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ValueError(f"profile must be one of {tuple(PROFILES)}, not {self.profile!r}")
        if self.auth_mode not in AUTH_MODES:
            raise ValueError(f"auth mode must be one of {AUTH_MODES}, not {self.auth_mode!r}")
        if self.rate_limits not in RATE_LIMIT_MODES:
            raise ValueError(f"rate-limit mode must be one of {RATE_LIMIT_MODES}, not {self.rate_limits!r}")
        if self.sandbox_mode not in SANDBOX_MODES:
            raise ValueError(f"sandbox mode must be one of {SANDBOX_MODES}, not {self.sandbox_mode!r}")
        if self.sandbox_mode == "static":  # Amazon's sandbox throttles at its own plan: forced, not offered
            object.__setattr__(self, "rate_limits", "enforce")
            object.__setattr__(self, "sandbox_rate_cap", True)
        if self.state != "memory" and not self.state.startswith("sqlite:"):
            raise ValueError(f"state must be `memory` or `sqlite:PATH`, not {self.state!r}")
        for name in ("port", "tls_port", "proxy_port"):
            number = getattr(self, name)
            if number is not None and not 0 < number < 65536:
                raise ValueError(f"{name} must be a port number 1-65535, not {number}")
        if self.event_retention < 1:
            raise ValueError(f"event retention must be at least 1, not {self.event_retention}")

    @property
    def url(self) -> str:
        """Where a client reaches this emulator (the CLI's admin commands talk to it); a server bound to
        every interface (`0.0.0.0`, as in a container) is reached on loopback."""
        host = "127.0.0.1" if self.host in WILDCARD_HOSTS else self.host
        return self.admin_url or f"http://{host}:{self.port}"

    @property
    def ca_directory(self) -> Path:
        """Where the local certificate authority is kept (`ca_dir`, else the user's data directory)."""
        if self.ca_dir is not None:
            return self.ca_dir
        data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(data) / "mcf-emulator" / "ca"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from MCF_EMULATOR_* variables (`ENV_VARIABLES`), then `overrides` (None values are
        ignored). A variable that does not parse raises EmulatorError naming it."""
        values: dict[str, object] = {}
        for suffix, (name, parse) in ENV_VARIABLES.items():
            text = os.environ.get(ENV_PREFIX + suffix, "").strip()
            if not text:
                continue
            try:
                values[name] = parse(text)
            except ValueError as error:
                raise EmulatorError(f"{ENV_PREFIX}{suffix}={text!r}: {error}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        profile = PROFILES.get(str(values.get("profile", "default")), {})
        try:
            return replace(cls(), **(profile | values))  # type: ignore[arg-type]
        except ValueError as error:
            raise EmulatorError(f"invalid settings: {error}") from None


def _flag(text: str) -> bool:
    if text.lower() in _TRUE + _FALSE:
        return text.lower() in _TRUE
    raise ValueError(f"expected one of {_TRUE + _FALSE}")


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(f"expected one of {choices}")
        return text

    return parse


def _instant(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise ValueError("a port is 1-65535")
    return value


#: MCF_EMULATOR_<suffix> -> (Settings field, parser). README "Docker" lists them.
ENV_VARIABLES: dict[str, tuple[str, Callable[[str], object]]] = {
    "PROFILE": ("profile", _one_of(tuple(PROFILES))),
    "HOST": ("host", str),
    "PORT": ("port", _port),
    "MODELS": ("models_dir", Path),
    "AUTH": ("auth_mode", _one_of(AUTH_MODES)),
    "STRICT_RESPONSES": ("strict_responses", _flag),
    "SEED": ("seed", int),
    "STATE": ("state", str),
    "WORLD": ("world_file", Path),
    "FAULTS": ("faults_file", Path),
    "FAULT_HEADER": ("fault_header", _flag),
    "RATE_LIMITS": ("rate_limits", _one_of(RATE_LIMIT_MODES)),
    "SANDBOX_MODE": ("sandbox_mode", _one_of(SANDBOX_MODES)),
    "CLOCK_START": ("clock_start", _instant),
    "CLOCK_SPEED": ("clock_speed", float),
    "EVENT_RETENTION": ("event_retention", int),
    "HTTP": ("http", _flag),
    "TLS": ("tls", _flag),
    "TLS_PORT": ("tls_port", _port),
    "PROXY_PORT": ("proxy_port", _port),
    "CA_DIR": ("ca_dir", Path),
    "ADMIN_REMOTE": ("admin_remote", _flag),
    "ADMIN_TOKEN": ("admin_token", str),
    "URL": ("admin_url", str),
    "SQS_ENDPOINT": ("sqs_endpoint", str),
    "EVENTBRIDGE_ENDPOINT": ("eventbridge_endpoint", str),
}
