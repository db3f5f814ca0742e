"""`serve --world FILE`: start an emulator from a scenario's world, faults, throttling, seed and clock
(its steps are not run), or from a plain seed document."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emulator.control.files import read_document
from emulator.control.seed import SECTIONS
from emulator.errors import EmulatorError
from emulator.scenarios.loader import ScenarioError, load
from emulator.settings import Settings

if TYPE_CHECKING:
    from emulator.control.plane import ControlPlane

_KEYWORDS = {
    "mode": "mode",
    "sandboxCap": "sandbox_cap",
    "headerOn429": "header_on_429",
    "overrides": "overrides",
}


@dataclass(frozen=True)
class WorldFile:
    """What `--world` preloads."""

    path: Path
    world: Any
    faults: tuple[Any, ...] = ()
    rate_limits: dict[str, Any] | None = None  # only what the file sets; the rest stays as served

    def apply(self, control: ControlPlane) -> str:
        """Seed (unless durable state already holds sellers' data), then throttle and install faults
        (configuration, never persisted, so on every start); returns a line for the banner."""
        from emulator.errors import ControlError

        tenants = control.snapshot()["store"].get("tenants", {})
        fresh = not any(rows for tables in tenants.values() for rows in tables.values())
        try:
            counts = control.seed(self.world) if self.world and fresh else {}
            if self.rate_limits:
                control.configure_rate_limits(**{_KEYWORDS[k]: v for k, v in self.rate_limits.items()})
            control.replace_faults(list(self.faults))
        except ControlError as error:
            raise EmulatorError(f"--world {self.path}: {error.message}") from None
        applied = ", ".join(f"{n} {section}" for section, n in counts.items() if n) or "nothing seeded"
        if not fresh:
            applied = "world not seeded, the state already holds sellers' data"
        return f"world: {self.path} ({applied}; {len(self.faults)} fault rule(s))"


def read_world(settings: Settings) -> tuple[Settings, WorldFile | None]:
    """The world file of `settings` (if any), and the settings with its seed and clock filled in where
    the operator gave none."""
    path = settings.world_file
    if path is None:
        return settings, None
    try:
        document = read_document(path)
    except (OSError, ValueError) as error:
        raise EmulatorError(f"--world {path}: {error}") from None
    if isinstance(document, dict) and set(document) <= set(SECTIONS):
        return settings, WorldFile(path, document)
    try:
        scenario = load(path)
    except ScenarioError as error:
        raise EmulatorError(f"--world {error}") from None
    if settings.seed is None:
        settings = replace(settings, seed=scenario.seed)
    if settings.clock_start is None:
        settings = replace(settings, clock_start=scenario.start, clock_speed=scenario.speed)
    return settings, WorldFile(path, scenario.world, scenario.faults, scenario.rate_limits)
