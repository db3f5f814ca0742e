"""Typed settings; the only module that reads the environment (prefix MCF_EMULATOR_)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

AUTH_MODES = ("permissive", "strict")
RATE_LIMIT_MODES = ("enforce", "report", "off")
ENV_PREFIX = "MCF_EMULATOR_"


@dataclass(frozen=True)
class Settings:
    """How one emulator instance behaves. Defaults suit local use and CI."""

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
    fault_header: bool = False
    rate_limits: str = "report"
    sandbox_rate_cap: bool = False
    journal_size: int = 1000
    event_retention: int = 10_000
    admin_remote: bool = False
    admin_token: str | None = None
    admin_url: str | None = None
    sqs_endpoint: str | None = None
    eventbridge_endpoint: str | None = None

    def __post_init__(self) -> None:
        if self.auth_mode not in AUTH_MODES:
            raise ValueError(f"auth mode must be one of {AUTH_MODES}, not {self.auth_mode!r}")
        if self.rate_limits not in RATE_LIMIT_MODES:
            raise ValueError(f"rate-limit mode must be one of {RATE_LIMIT_MODES}, not {self.rate_limits!r}")
        if self.state != "memory" and not self.state.startswith("sqlite:"):
            raise ValueError(f"state must be `memory` or `sqlite:PATH`, not {self.state!r}")

    @property
    def url(self) -> str:
        """Where a client reaches this emulator (the CLI's admin commands talk to it)."""
        return self.admin_url or f"http://{self.host}:{self.port}"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from MCF_EMULATOR_* variables, then `overrides` (None values are ignored)."""
        env = os.environ
        values: dict[str, object] = {}
        if env.get(ENV_PREFIX + "MODELS"):
            values["models_dir"] = Path(env[ENV_PREFIX + "MODELS"])
        if env.get(ENV_PREFIX + "AUTH"):
            values["auth_mode"] = env[ENV_PREFIX + "AUTH"]
        if env.get(ENV_PREFIX + "STRICT_RESPONSES"):
            values["strict_responses"] = env[ENV_PREFIX + "STRICT_RESPONSES"].lower() in ("1", "true", "yes")
        if env.get(ENV_PREFIX + "SEED"):
            values["seed"] = int(env[ENV_PREFIX + "SEED"])
        for name in ("STATE", "ADMIN_TOKEN", "URL", "RATE_LIMITS", "SQS_ENDPOINT", "EVENTBRIDGE_ENDPOINT"):
            if env.get(ENV_PREFIX + name):
                values[{"URL": "admin_url"}.get(name, name.lower())] = env[ENV_PREFIX + name]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)  # type: ignore[arg-type]
